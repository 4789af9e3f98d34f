import { useQuery } from '@tanstack/react-query';
import type { LandFigures } from '../../shared/land.js';
import { api } from './client';

export const landKeys = {
  all: ['land'] as const,
  figures: (q: { from: string; to: string }) => ['land', 'figures', q] as const,
};

export const useLandFigures = (q: { from: string; to: string }, enabled = true) =>
  useQuery({
    queryKey: landKeys.figures(q),
    queryFn: () => api.get<LandFigures>('/land/figures', q),
    enabled,
  });
