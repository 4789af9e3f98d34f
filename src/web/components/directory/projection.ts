export type GeoPoint = { lat: number; lon: number };
export type Projected<T> = T & { x: number; y: number };

/** Degrees a map spans at least, so one office (or offices close together) is not drawn at an absurd zoom. */
const MIN_SPAN = 1.2;

/**
 * An equirectangular projection of the points onto a `width`-wide box: the bounding box of the points, padded and
 * widened to MIN_SPAN, with longitudes shrunk by the cosine of the middle latitude so distances look right in
 * northern Germany. North is up. The height follows from the box's aspect ratio, within sensible bounds.
 */
export function project<T extends GeoPoint>(points: T[], width: number, padding = 0.15) {
  if (points.length === 0) return { width, height: width * 0.6, points: [] as Projected<T>[] };
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const mid = (a: number, b: number) => (a + b) / 2;
  const midLat = mid(Math.min(...lats), Math.max(...lats));
  const k = Math.cos((midLat * Math.PI) / 180);
  let latSpan = Math.max(Math.max(...lats) - Math.min(...lats), MIN_SPAN);
  let lonSpan = Math.max(Math.max(...lons) - Math.min(...lons), MIN_SPAN / k);
  latSpan *= 1 + 2 * padding;
  lonSpan *= 1 + 2 * padding;
  const top = midLat + latSpan / 2;
  const left = mid(Math.min(...lons), Math.max(...lons)) - lonSpan / 2;
  const scale = width / (lonSpan * k);
  const height = Math.min(Math.max(latSpan * scale, width * 0.45), width * 1.1);
  const offsetY = (height - latSpan * scale) / 2;
  return {
    width,
    height,
    points: points.map((p) => ({ ...p, x: (p.lon - left) * k * scale, y: (top - p.lat) * scale + offsetY })),
  };
}
