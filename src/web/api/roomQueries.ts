import { useQuery } from '@tanstack/react-query';
import type { Room, RoomBooking } from '../../shared/rooms.js';
import { api, type List } from './client';

export const roomKeys = {
  all: ['rooms'] as const,
  list: (archived: boolean) => ['rooms', 'list', archived] as const,
  bookings: (q: { from: string; to: string; roomId?: string }) => ['rooms', 'bookings', q] as const,
};

export const useRooms = (archived = false) =>
  useQuery({
    queryKey: roomKeys.list(archived),
    queryFn: () => api.get<List<Room>>('/rooms', archived ? { archived: 'include' } : {}),
  });

export const useRoomBookings = (q: { from: string; to: string; roomId?: string }, enabled = true) =>
  useQuery({
    queryKey: roomKeys.bookings(q),
    queryFn: () => api.get<List<RoomBooking>>('/room-bookings', q),
    enabled,
  });
