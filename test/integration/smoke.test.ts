import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../helpers/app.js';
import { createOffice, type TestOffice } from '../helpers/factories.js';

let t: TestApp;
let office: TestOffice;
beforeAll(async () => {
  t = await createTestApp();
  office = await createOffice(t);
});
afterAll(() => t.close());

describe('guides API', () => {
  it('lists only the office guide and reads it back', async () => {
    const api = client(t.app, office.sessions.coordinator);
    const list = await api.get('/guides');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(1);
    const one = await api.get(`/guides/${office.guideId}`);
    expect(one.json().languages).toEqual([
      { code: 'ar', level: 'native' },
      { code: 'de', level: 'C1' },
    ]);
  });
});
