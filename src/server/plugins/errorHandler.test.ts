import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  fieldMessage,
  frameworkErrors,
  isInputRefusedByDatabase,
  registerErrorHandler,
  sqlState,
} from './errorHandler.js';

/** What node-postgres and PGlite throw, wrapped the way Drizzle wraps it. */
const databaseError = (code: string) =>
  Object.assign(new Error('Failed query: insert into …'), { cause: Object.assign(new Error('refused'), { code }) });

describe('database errors caused by input', () => {
  it('reads the SQLSTATE through the Drizzle wrapper, and ignores codes that are not SQLSTATEs', () => {
    expect(sqlState(databaseError('22021'))).toBe('22021');
    expect(sqlState(Object.assign(new Error('x'), { code: '22P05' }))).toBe('22P05');
    expect(sqlState(Object.assign(new Error('x'), { code: 'FST_ERR_VALIDATION' }))).toBeNull();
    expect(sqlState(new Error('plain'))).toBeNull();
  });

  it('regression: a NUL, a year 0 or a number out of range that slips past the schemas answers 400, not 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/fail/:code', async (request) => {
      throw databaseError((request.params as { code: string }).code);
    });
    for (const code of ['22021', '22P05', '22008', '22007', '22003', '22P02', '54000']) {
      expect(isInputRefusedByDatabase(code)).toBe(true);
      const res = await app.inject({ method: 'GET', url: `/fail/${code}` });
      expect(res.statusCode, code).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('validation_failed');
      expect(res.body).not.toContain('insert into');
    }
    // Not the caller's fault: a lost connection or a constraint bug stays a 500.
    for (const code of ['08006', '23502', '40001']) {
      expect(isInputRefusedByDatabase(code)).toBe(false);
      expect((await app.inject({ method: 'GET', url: `/fail/${code}` })).statusCode, code).toBe(500);
    }
    await app.close();
  });
});

describe("errors of Fastify's router", () => {
  it('regression: a path parameter over the length limit and a malformed percent-encoding answer problem+json', async () => {
    const app = Fastify({ frameworkErrors });
    registerErrorHandler(app);
    app.get('/items/:id', async () => ({ ok: true }));
    const long = await app.inject({ method: 'GET', url: `/items/${'x'.repeat(200)}` });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    const malformed = await app.inject({ method: 'GET', url: '/items/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.json().code).toBe('validation_failed');
    await app.close();
  });
});

describe('regression: field messages in plain words', () => {
  it('uses the field-specific message, not "Mindestens 1 Einträge."', () => {
    expect(fieldMessage('de', { path: 'person.languages', code: 'too_small_array', params: { minimum: 1 } })).toBe(
      'Bitte mindestens eine Sprache der Person angeben.',
    );
    expect(fieldMessage('de', { path: 'expectedHours', code: 'too_small_number', params: { minimum: 0.5 } })).toBe(
      'Bitte einen Umfang von mindestens einer halben Stunde angeben.',
    );
  });
  it('words the common fields plainly in every language', () => {
    expect(fieldMessage('de', { path: 'languages', code: 'too_small_array', params: { minimum: 1 } })).toBe(
      'Bitte mindestens eine Sprache angeben.',
    );
    expect(fieldMessage('de', { path: 'firstName', code: 'required' })).toBe('Bitte geben Sie den Vornamen an.');
    expect(fieldMessage('en', { path: 'person.householdSize', code: 'too_small_number', params: { minimum: 2 } })).toBe(
      'Please say how many people belong to the family (at least 2).',
    );
    expect(fieldMessage('ar', { path: 'guidesNeeded', code: 'too_big_number', params: { maximum: 10 } })).toMatch(
      /^١٠|^10/,
    );
    expect(fieldMessage('de', { path: 'title', code: 'too_small_number', params: { minimum: 3 } })).toBe(
      'Bitte einen Wert von mindestens 3 angeben.',
    );
  });
  it('falls back to the generic message for other fields', () => {
    expect(fieldMessage('de', { path: 'steps', code: 'too_big_array', params: { maximum: 20 } })).toMatch(/20/);
  });
});
