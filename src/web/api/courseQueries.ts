import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Course, CourseDetail, MyCourse } from '../../shared/courses.js';
import { api, type List, type Query } from './client';

export type AgendaItem = {
  id: string;
  courseId: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  topic: string | null;
  teachingUnits: number;
  trainerNames: string | null;
  courseTitle: string;
  courseType: Course['type'];
};

export const courseKeys = {
  all: ['courses'] as const,
  list: (q: Query) => ['courses', 'list', q] as const,
  agenda: ['courses', 'agenda'] as const,
  detail: (id: string) => ['courses', 'detail', id] as const,
};

export const useCourseList = (q: Query) =>
  useQuery({
    queryKey: courseKeys.list(q),
    queryFn: () => api.get<List<Course>>('/courses', q),
    placeholderData: keepPreviousData,
  });
export const useCourseAgenda = (enabled = true) =>
  useQuery({
    queryKey: courseKeys.agenda,
    queryFn: () => api.get<List<AgendaItem>>('/courses/agenda', { days: 92 }),
    enabled,
  });
export const useCourse = (id: string | undefined) =>
  useQuery({
    queryKey: courseKeys.detail(id ?? ''),
    queryFn: () => api.get<CourseDetail>(`/courses/${id}`),
    enabled: !!id,
  });

/** "Meine Kurse" of the signed-in guide. */
export const useMyCourses = (enabled = true) =>
  useQuery({
    queryKey: [...courseKeys.all, 'mine'] as const,
    queryFn: () => api.get<List<MyCourse>>('/me/courses'),
    enabled,
  });

/** The office's (or a trainer's) course sessions from an instant for a number of days: the calendar's range. */
export const useCourseAgendaRange = (from: string, days: number, enabled = true) =>
  useQuery({
    queryKey: [...courseKeys.agenda, from, days] as const,
    queryFn: () => api.get<List<AgendaItem>>('/courses/agenda', { from, days }),
    enabled,
  });
