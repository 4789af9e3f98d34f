import { ApiError } from '../../api/client';
import { formatMoment } from '../coordination/format';

type T = (key: string, params?: Record<string, unknown>) => string;

/**
 * A refused double booking, worded in the user's language with the times in their locale and time zone: the server
 * sends the booking in the way as raw values (title and ISO times) next to its own message.
 */
export function localizeConflict(error: unknown, t: T): unknown {
  if (!(error instanceof ApiError) || error.code !== 'room_double_booked') return error;
  const errors = error.fieldErrors.map((e) =>
    e.code === 'roomDoubleBooked' && e.params
      ? {
          ...e,
          message: t('validation.roomDoubleBooked', {
            title: e.params.title,
            startsAt: formatMoment(e.params.startsAt, { weekday: true }),
            endsAt: formatMoment(e.params.endsAt, { weekday: true }),
          }),
        }
      : e,
  );
  return new ApiError(error.status, { ...error.problem, errors });
}
