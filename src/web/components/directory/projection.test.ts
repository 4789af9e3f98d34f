import { describe, expect, it } from 'vitest';
import { project } from './projection';

describe('the directory map projection', () => {
  it('puts north up and west left, inside the box', () => {
    const map = project(
      [
        { name: 'Hannover', lat: 52.3759, lon: 9.732 },
        { name: 'Osnabrück', lat: 52.35, lon: 8.05 },
        { name: 'Lüneburg', lat: 53.25, lon: 10.41 },
      ],
      400,
    );
    const [hannover, osnabrueck, lueneburg] = map.points;
    expect(osnabrueck.x).toBeLessThan(hannover.x);
    expect(hannover.x).toBeLessThan(lueneburg.x);
    expect(lueneburg.y).toBeLessThan(hannover.y);
    for (const p of map.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(400);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(map.height);
    }
  });

  it('centres a single office instead of dividing by a zero span', () => {
    const map = project([{ lat: 52.37, lon: 9.73 }], 400);
    expect(map.points[0].x).toBeCloseTo(200, 5);
    expect(map.points[0].y).toBeCloseTo(map.height / 2, 5);
    expect(Number.isFinite(map.height)).toBe(true);
  });
});
