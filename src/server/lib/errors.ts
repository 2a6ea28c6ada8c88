import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
/**
 * What an account may do only once its address is proven: anyone can sign up with any address.
 * The detail says where the link is, so nobody is stuck when the server sends no mail.
 */
export const emailNotVerified = (toDoWhat: string) =>
  new HttpProblem(
    403,
    'E-mail address not verified',
    `Verify your e-mail address to ${toDoWhat}: open the link in the e-mail Handoff sent when you signed up. Without a mail server, the link is in the server's log and in the admin's dev mailbox.`,
    undefined,
    'email-not-verified',
  );

export const typeFor = (status: number | string) => `https://handoff.dev/problems/${status}`;

/** Titles in plain words for the statuses the framework and the HTTP parser answer with. */
const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request took too long',
  409: 'Conflict',
  413: 'Request body too large',
  414: 'Address too long',
  415: 'Unsupported content type',
  422: 'Cannot process this request',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** A human title for a status: never a framework code such as FST_ERR_CTP_BODY_TOO_LARGE. */
export const titleFor = (status: number) => TITLES[status] ?? STATUS_CODES[status] ?? 'Error';

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
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return send(reply, {
      type: typeFor(415),
      title: titleFor(415),
      status: 415,
      detail: `This endpoint does not accept a body of type ${request.headers['content-type'] ?? '(none)'}; most take application/json.`,
    });
  if (status === 500) request.log.error({ err: error }, 'unhandled error');
  return send(reply, {
    type: typeFor(status),
    title: titleFor(status),
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

/**
 * Errors Fastify's router raises before any route runs (a malformed URL: 400; a path segment
 * over maxParamLength: 414): answered as problem+json like every other error.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  // Their messages quote the whole path, which may hold an invitation token: not echoed back.
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    void send(reply, {
      type: typeFor(414),
      title: titleFor(414),
      status: 414,
      detail: 'A part of the address is longer than the server accepts.',
    });
  else if (error.code === 'FST_ERR_BAD_URL')
    void send(reply, {
      type: typeFor(400),
      title: titleFor(400),
      status: 400,
      detail: 'The address is not valid.',
    });
  else void errorHandler(error, request, reply);
}

/**
 * Requests node's HTTP parser refuses before Fastify sees them (headers too large, a URL past
 * the header limit, a malformed request line, a client too slow): a problem+json answer
 * written straight to the socket, which is then closed, as node itself does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : 400;
  const detail = {
    431: 'The request’s headers (cookies, or a very long address) are larger than the server accepts.',
    408: 'The request was not received in time.',
    400: 'The request could not be read.',
  }[status];
  const body = JSON.stringify({ type: typeFor(status), title: titleFor(status), status, detail });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
        `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  socket.destroy();
}
