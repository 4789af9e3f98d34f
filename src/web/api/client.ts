import type { Problem } from '../../shared/common.js';
import { currentLocale } from '../i18n';
import { OFFLINE_COPY_HEADER } from '../pwa/cachePolicy';
import { reportOfflineCopy, reportReachable, reportUnreachable } from './connection';

export const API_BASE = '/api/v1';

/** A failed API call, carrying the server's problem+json body (title and messages already translated). */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly problem: Problem,
  ) {
    super(problem.title);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.problem.code;
  }
  get fieldErrors(): NonNullable<Problem['errors']> {
    return this.problem.errors ?? [];
  }
}

let csrfToken: string | null = null;
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request answers 401: the auth provider drops the session and the router shows the login page. */
export function onUnauthenticated(handler: (() => void) | null) {
  unauthenticatedHandler = handler;
}

/** How a request reaches the API: the browser's fetch, or the server's own handlers during its first render of a page. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;
let transport: Transport = (url, init) => fetch(url, init);

/** The server's first render (entry-server.tsx) answers the app's API calls in-process, with the visitor's session. */
export function setTransport(next: Transport) {
  transport = next;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const apiUrl = (path: string, query?: Query) => `${API_BASE}${path}${queryString(query)}`;

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  quiet401?: boolean;
  /** Makes a repeat of this write safe (the offline queue's entries): the server answers a repeat with the first result. */
  idempotencyKey?: string;
};

function fallbackProblem(status: number): Problem {
  return { type: 'about:blank', title: `HTTP ${status}`, status, code: status >= 500 ? 'internal_error' : 'unknown' };
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await transport(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    // No HTTP answer at all: the connection banner appears and queries wait for the server to come back.
    reportUnreachable();
    throw new ApiError(0, { type: 'about:blank', title: '', status: 0, code: 'network_error' });
  }
  // The service worker answered from its offline copy (the network failed): the data is shown, marked as old.
  if (response.headers.has(OFFLINE_COPY_HEADER)) reportOfflineCopy();
  else reportReachable();

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const problem =
      data && typeof data === 'object' && 'code' in data ? (data as Problem) : fallbackProblem(response.status);
    if (response.status === 401 && !options.quiet401) unauthenticatedHandler?.();
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

/**
 * A POST answered by a file (a PDF rendered from the body, such as the Sachbericht draft): the bytes as a Blob;
 * problems are thrown as ApiError, like `request`.
 */
export async function postForFile(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = {
    accept: 'application/pdf, application/problem+json',
    'accept-language': currentLocale(),
    'content-type': 'application/json',
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    reportUnreachable();
    throw new ApiError(0, { type: 'about:blank', title: '', status: 0, code: 'network_error' });
  }
  reportReachable();
  if (!response.ok) {
    let data: unknown = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    const problem =
      data && typeof data === 'object' && 'code' in data ? (data as Problem) : fallbackProblem(response.status);
    if (response.status === 401) unauthenticatedHandler?.();
    throw new ApiError(response.status, problem);
  }
  return response.blob();
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  delete: (path: string) => request<void>(path, { method: 'DELETE' }),
};

export type List<T> = { items: T[]; total: number };
