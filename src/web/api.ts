/**
 * The web app's calls to /api/v1, typed by the same zod contracts the server validates with.
 * Errors arrive as problem+json and are thrown as ApiError, keeping each field's message.
 */
import type { Problem } from '../core/contracts/common.ts';

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
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = (data as Problem | null) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
    };
    throw new ApiError(problem);
  }
  return data as T;
}

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : 'Something went wrong. Please try again.';
