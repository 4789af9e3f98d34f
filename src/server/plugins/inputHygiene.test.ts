import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errorHandler.js';
import { registerInputHygiene, textProblem } from './inputHygiene.js';

describe('textProblem', () => {
  it('refuses NUL anywhere in a text', () => {
    for (const text of ['\u0000', 'Lotse\u0000in', 'abc\u0000']) expect(textProblem(text)).toBe('nul_character');
  });

  it('refuses every bidi embedding, override and isolate control (U+202A–U+202E, U+2066–U+2069)', () => {
    const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    for (const code of controls)
      expect(textProblem(`a${String.fromCodePoint(code)}b`), code.toString(16)).toBe('bidi_control');
  });

  it('allows the marks LRM/RLM (U+200E/U+200F) that Arabic and Persian text uses, and ordinary text', () => {
    for (const text of ['محمد\u200F (Hannover)', 'Straße 1\u200E', 'Ünal Çelik', 'line\nbreak\ttab', '😀'])
      expect(textProblem(text), text).toBeNull();
  });
});

describe('the input hygiene hook', () => {
  async function app() {
    const server = Fastify();
    registerErrorHandler(server);
    registerInputHygiene(server);
    server.post('/x/:id', async () => ({ ok: true }));
    await server.ready();
    return server;
  }

  it('names every offending field of params, query and body, keys included', async () => {
    const server = await app();
    const res = await server.inject({
      method: 'POST',
      url: `/x/${encodeURIComponent('a\u0000')}?q=${encodeURIComponent('\u202E')}&ok=1`,
      payload: { person: { initials: 'A\u0000B' }, list: ['ok', '\u2066x'], 'key\u0000': 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'params.id:nul_character',
      'querystring.q:bidi_control',
      'person.initials:nul_character',
      'list.1:bidi_control',
      ':nul_character',
    ]);
    await server.close();
  });

  it('lets clean input through', async () => {
    const server = await app();
    const res = await server.inject({ method: 'POST', url: '/x/1?q=Hannover', payload: { name: 'مرحبا\u200F' } });
    expect(res.statusCode).toBe(200);
    await server.close();
  });
});
