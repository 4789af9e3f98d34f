/** Calendar-date helpers on ISO strings (YYYY-MM-DD), computed in UTC so that time zones never shift a day. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
