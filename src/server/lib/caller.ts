import type { FastifyRequest } from 'fastify';
import { forbidden, HttpProblem, unauthorized } from './errors.ts';

/** The person making a request, however they authenticated. */
export interface Caller {
  userId: string;
  isAdmin: boolean;
  via: 'session' | 'token';
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw unauthorized();
  return request.caller;
}

export function requireAdmin(request: FastifyRequest): Caller {
  const caller = requireCaller(request);
  if (!caller.isAdmin) throw forbidden('Only an admin of this Handoff can do this.');
  return caller;
}

/**
 * The caller, signed in with a session (the web app). Tokens are managed only this way: a
 * leaked token must not be able to mint itself successors or see its siblings.
 */
export function requireSession(request: FastifyRequest): Caller {
  const caller = requireCaller(request);
  if (caller.via !== 'session')
    throw new HttpProblem(
      403,
      'Session required',
      'API tokens are managed from a signed-in session (Settings in the web app), not with a token.',
      undefined,
      'session-required',
    );
  return caller;
}
