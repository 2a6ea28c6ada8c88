/**
 * The web app's calls to /api/v1. Each call names an endpoint of the contract map
 * (`core/contracts/endpoints.ts`), and its params, query, body and answer are typed from that
 * endpoint's zod schemas, the same ones the server validates with:
 *
 *   const me = await api('PATCH /me', { body: { timeZone } }); // me: Me
 *
 * Errors arrive as problem+json and are thrown as ApiError, keeping each field's message.
 *
 * Every call that changes something carries a fresh `Idempotency-Key`, and a call whose answer
 * was lost (the network dropped, or the server still runs the first attempt) is sent again with
 * the same key: the server then replays its first answer rather than making a second record.
 */
import type { z } from 'zod';
import type { Problem } from '../core/contracts/common.ts';
import type { EndpointKey, Endpoints } from '../core/contracts/endpoints.ts';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  /** The message for one field (`body.name` → 'name'), for showing under that input. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find(
      (e) => e.path === `body.${field}` || e.path.startsWith(`body.${field}.`),
    )?.message;
  }
  /** Every field message of the body, keyed by the field's path in it (`body.a.b` → 'a.b'). */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e.path.startsWith('body.')) fields[e.path.slice('body.'.length)] ??= e.message;
    }
    return fields;
  }
}

/** One part of a request: required when the endpoint declares it, absent when it does not. */
type Part<E, P extends 'params' | 'body'> = E extends { [Q in P]: infer S extends z.ZodType }
  ? { [Q in P]: z.input<S> }
  : { [Q in P]?: never };
/** A query is optional: every query the API takes has defaults for what is left out. */
type QueryPart<E> = E extends { query: infer S extends z.ZodType }
  ? { query?: z.input<S> }
  : { query?: never };

export type ApiRequest<K extends EndpointKey> = Part<Endpoints[K], 'params'> &
  QueryPart<Endpoints[K]> &
  Part<Endpoints[K], 'body'>;
export type ApiResponse<K extends EndpointKey> = z.output<Endpoints[K]['response']>;
/** The request argument may be left out when an endpoint needs no params and no body. */
type RequestArgs<K extends EndpointKey> =
  object extends ApiRequest<K> ? [request?: ApiRequest<K>] : [request: ApiRequest<K>];

/** The URL of an endpoint (under /api/v1), its `:name` parts filled in and its query appended. */
export function apiPath(
  path: string,
  params: Record<string, string | number> = {},
  query: object = {},
): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Left-out parts stay out of the URL, so the API applies its defaults.
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof v === 'string' ? v !== '' : typeof v === 'number' || typeof v === 'boolean')
        q.append(key, String(v));
    }
  }
  const search = q.toString();
  return `/api/v1${filled}${search ? `?${search}` : ''}`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Pauses before sending a call again whose answer never came (ms); their count is the retries. */
const RETRY_DELAYS = [300, 1000];

/**
 * A random key for one user action. `crypto.randomUUID` exists only on https and localhost;
 * `getRandomValues` everywhere, so a Handoff served over plain HTTP on a LAN works too.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client on a given fetch: the app's uses the page's origin and session cookie; a test can
 * hand it a fetch that reaches a server on loopback with a session of its own.
 */
export function createApi(send: (url: string, init: RequestInit) => Promise<Response>) {
  return async function call<K extends EndpointKey>(
    endpoint: K,
    ...[request]: RequestArgs<K>
  ): Promise<ApiResponse<K>> {
    const space = endpoint.indexOf(' ');
    const method = endpoint.slice(0, space);
    // Typed at the call site by ApiRequest<K>; here only its three parts matter.
    const parts: unknown = request;
    const { params, query, body } = (parts ?? {}) as {
      params?: Record<string, string | number>;
      query?: object;
      body?: unknown;
    };
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const idempotent = !SAFE_METHODS.has(method);
    if (idempotent) headers['idempotency-key'] = newIdempotencyKey();
    const url = apiPath(endpoint.slice(space + 1), params, query);
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    const response = await sendWithRetries(() => send(url, init), idempotent);
    // The one place the answer gets its type: the server serialized it through this very schema.
    if (response.status === 204) return null as ApiResponse<K>;
    const data: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(asProblem(data, response));
    return data as ApiResponse<K>;
  };
}

/**
 * Sends, and for a change (which carries its key) sends again when no answer came back or the
 * server says the first attempt is still running (409 with Retry-After). Reads are not retried
 * here: TanStack Query retries them.
 */
async function sendWithRetries(
  attempt: () => Promise<Response>,
  retry: boolean,
): Promise<Response> {
  for (const delay of retry ? RETRY_DELAYS : []) {
    try {
      const response = await attempt();
      if (!(response.status === 409 && response.headers.has('retry-after'))) return response;
    } catch (error) {
      // fetch rejects with a TypeError when the network fails; anything else is a bug to show.
      if (!(error instanceof TypeError)) throw error;
    }
    await pause(delay);
  }
  return attempt();
}

/** The answer's problem+json, or one made from the status when a proxy answered something else. */
function asProblem(data: unknown, response: Response): Problem {
  if (data && typeof data === 'object' && 'title' in data && 'status' in data)
    return data as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  };
}

export const api = createApi((url, init) => fetch(url, init));

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong. Please try again.';
