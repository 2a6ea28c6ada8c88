import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import pg from 'pg';
import type { Problem } from '../../core/contracts/common.ts';

/** An error that answers as RFC 9457 problem+json with the given status. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
    /** A name for the problem's `type` when the status alone does not say it (`verify-email`). */
    readonly kind?: string,
  ) {
    super(detail ?? title);
  }
}

export const badRequest = (detail: string, errors?: { path: string; message: string }[]) =>
  new HttpProblem(400, 'Bad request', detail, errors);
export const unauthorized = () =>
  new HttpProblem(
    401,
    'Unauthorized',
    'Sign in, or send a valid API token as "Authorization: Bearer …".',
  );
export const forbidden = (detail = 'Your role does not allow this.') =>
  new HttpProblem(403, 'Forbidden', detail);
/** Also the answer for another business's resources, so that their existence does not leak. */
export const notFound = (what = 'Resource') =>
  new HttpProblem(404, 'Not found', `${what} not found.`);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);

const typeFor = (status: number | string) => `https://handoff.dev/problems/${status}`;

function send(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** The SQLSTATE of a Postgres error, thrown by pg itself or wrapped by Drizzle (as its `cause`). */
function databaseError(error: unknown): pg.DatabaseError | undefined {
  const cause = (error as { cause?: unknown }).cause;
  return [error, cause].find((e): e is pg.DatabaseError => e instanceof pg.DatabaseError);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) {
    return send(reply, {
      type: typeFor(error.kind ?? error.status),
      title: error.title,
      status: error.status,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => {
      const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return {
        path: [error.validationContext, where].filter(Boolean).join('.'),
        message: issue.message ?? 'Invalid value',
      };
    });
    return send(reply, {
      type: typeFor(400),
      title: 'Invalid request',
      status: 400,
      detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    });
  }
  // A unique index refused a write that raced another: the request conflicts, it did not crash.
  const dbError = databaseError(error);
  const pgCode = dbError?.code;
  if (pgCode === '23505') {
    return send(reply, {
      type: typeFor(409),
      title: 'Conflict',
      status: 409,
      detail: 'This conflicts with a change made at the same moment; reload and try again.',
    });
  }
  // A value Postgres cannot hold or read (SQLSTATE class 22, data exception: a malformed uuid, a
  // number out of range, a NUL in text or jsonb, a date it has no room for) that no contract
  // caught. The request is at fault, not the server; a warning, so the contract gets tightened.
  // Logged by code and place only: Drizzle's message carries the query's params and Postgres's
  // quotes the value, either of which can be a confidential specification's text.
  if (dbError && pgCode?.startsWith('22')) {
    request.log.warn(
      {
        sqlState: pgCode,
        ...(dbError.constraint ? { constraint: dbError.constraint } : {}),
        ...(dbError.column ? { column: dbError.column } : {}),
        route: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
      },
      'a value the database refused reached it',
    );
    return send(reply, {
      type: typeFor(400),
      title: 'Bad request',
      status: 400,
      detail: 'A value is not valid.',
    });
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  return send(reply, {
    type: typeFor(status),
    title: status === 500 ? 'Internal server error' : (error.code ?? 'Request error'),
    status,
    detail:
      status === 500 ? 'Something went wrong on our side; it has been logged.' : error.message,
  });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, {
    type: typeFor(404),
    title: 'Not found',
    status: 404,
    detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
  });
}
