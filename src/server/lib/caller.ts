import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from './errors.ts';

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
