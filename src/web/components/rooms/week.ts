/** Local calendar arithmetic for the week view: weeks start on Monday, days are YYYY-MM-DD in the browser's zone. */
const pad = (n: number) => String(n).padStart(2, '0');
export const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
export const parseDay = (key: string) => {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y, m - 1, d);
};
export const addLocalDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
export function mondayOf(d: Date): Date {
  const offset = (d.getDay() + 6) % 7;
  return addLocalDays(d, -offset);
}
/** A valid Monday from the URL, else this week's. */
export function weekFrom(param: string, today = new Date()): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(param)) {
    const d = parseDay(param);
    if (!Number.isNaN(d.getTime()) && d.getFullYear() >= 1900 && d.getFullYear() <= 2100) return mondayOf(d);
  }
  return mondayOf(today);
}
export const timeKey = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;
export const hourLabel = (h: number) => `${pad(h)}:00`;
