import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { client, type Session } from './app.js';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

export type OpenApiSchema = {
  type?: string | string[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  maxLength?: number;
  enum?: unknown[];
  items?: OpenApiSchema;
};
export type OpenApiOperation = {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: OpenApiSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, unknown>;
};
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Partial<Record<Lowercase<HttpMethod>, OpenApiOperation>>>;
};
export type Operation = { key: string; method: HttpMethod; path: string; operation: OpenApiOperation };

/** The document the running app serves, not a copy on disk: a route registered in code shows up here. */
export async function loadOpenApi(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
  return res.json() as OpenApiDocument;
}

/** Every path + method of the document, keyed like "PATCH /api/v1/guides/{id}". */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const lower of HTTP_METHODS) {
      const operation = item[lower];
      if (!operation) continue;
      const method = lower.toUpperCase() as HttpMethod;
      ops.push({ key: `${method} ${path}`, method, path, operation });
    }
  }
  return ops;
}

/** Names of the `{name}` placeholders; `{*}` is a plugin route's wildcard (e.g. `/api/docs/static/{*}`). */
export const pathParamsOf = (path: string): string[] => [...path.matchAll(/\{(\w+|\*)\}/g)].map((m) => m[1]);

/** Substitutes `{name}` placeholders; a placeholder without a value is a test bug and throws. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+|\*)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`no value for path parameter {${name}} in ${path}`);
    return encodeURIComponent(params[name]);
  });
}

export const requestSchemaOf = (op: OpenApiOperation): OpenApiSchema | undefined =>
  op.requestBody?.content?.['application/json']?.schema;

export const tag = () => randomBytes(5).toString('hex');

/** A stack frame ("    at fn (file:1:2)"), a source path or a module path never belongs in a response. */
export function expectNoStackTrace(body: string) {
  expect(body).not.toMatch(/\n\s+at [^\n]+/);
  expect(body).not.toMatch(/\bat [\w.<>]+ \([^)]*:\d+:\d+\)/);
  expect(body).not.toMatch(/\/src\/|\/node_modules\/|\.ts:\d+|\.js:\d+/);
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  errors?: { path: string; code: string; message: string }[];
};

/** RFC 9457 problem+json with the given status and stable code, and no internals. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expectNoStackTrace(res.body);
  const body = res.json() as Problem;
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(body.type).toMatch(/^https?:\/\/|^about:blank$/);
  if (code) expect(body.code).toBe(code);
  return body;
}

export type OutboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
};

/**
 * Mail as coordinators read it in the API's outbox: secrets (links) are placeholders there. To read a link, read the
 * mail the recipient received (`mailsTo` in test/helpers/mail.ts).
 */
export async function outboxFor(app: FastifyInstance, reader: Session, to: string): Promise<OutboxMessage[]> {
  const res = await client(app, reader).get(`/outbox?to=${encodeURIComponent(to)}&limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: OutboxMessage[] }).items;
}

/** The token from an invitation, reset or offer-answer link in a received mail's text. */
export function linkToken(text: string, kind: 'invitation' | 'reset-password' | 'offers/answer'): string {
  const match = text.match(new RegExp(`https?://[^\\s]+/${kind}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${kind} link in mail:\n${text}`);
  return match[1];
}

/** A clock the test moves by hand; starts at the real time so sessions of parallel test files are unaffected. */
export function mutableClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes(minutes: number) {
      now += minutes * 60_000;
    },
    set(date: Date) {
      now = date.getTime();
    },
  };
}

/** Every cell of every sheet as text, header row included. */
export async function xlsxRows(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.eachSheet((sheet) => {
    const width = sheet.columnCount;
    sheet.eachRow((row) => {
      const cells = Array.from({ length: width }, (_, i) => row.getCell(i + 1).value);
      // Only plain values: a formula or rich-text object would show up as "[object Object]" and fail the test.
      // Typed date cells read back as their calendar day (YYYY-MM-DD); tests check the type separately.
      rows.push(
        cells.map((v) =>
          v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v),
        ),
      );
    });
  });
  return rows;
}

/** Semicolon CSV as German Excel writes it (BOM, CRLF, RFC 4180 quoting), parsed back into rows. */
export function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const body = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}
