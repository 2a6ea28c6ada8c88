import type { FastifyRequest } from 'fastify';
import { requireCaller } from './caller.ts';

/**
 * What a service call acts as and on: the caller and the ids of the things the call reaches
 * through. Services take one of these first (`service.verb(scope, input)`) rather than a row
 * of id strings, so ids cannot be swapped at a call site without the compiler noticing.
 */

/** A call made by one person, on their own things. */
export interface UserScope {
  readonly userId: string;
}

/** A call made by one person inside one business; the service checks their membership. */
export interface BusinessScope extends UserScope {
  readonly businessId: string;
}

/**
 * The scope of a request: its path ids (`businessId`, `auditId`, …) and the caller. The caller
 * goes last so that no path parameter can stand in for who is asking.
 */
export function scopeOf<P extends object>(request: FastifyRequest & { params: P }): P & UserScope {
  return { ...request.params, userId: requireCaller(request).userId };
}
