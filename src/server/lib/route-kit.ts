import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../../core/contracts/common.ts';

/** The Fastify instance, typed so that zod schemas type each handler's input and output. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

/** Problem+json responses a route may answer with, for its OpenAPI description. */
export function problems(...statuses: number[]) {
  return Object.fromEntries([400, ...statuses].map((s) => [s, ProblemSchema]));
}

export const NoContent = z.null().describe('No content');
