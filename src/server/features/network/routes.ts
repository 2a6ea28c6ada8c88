import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BusinessParamsSchema, listOf } from '../../../core/contracts/common.ts';
import {
  AnswerRecommendationRequestSchema,
  ConnectionListSchema,
  ConnectionParamsSchema,
  ConnectionRequestSentSchema,
  CreateRecommendationRequestSchema,
  ProfessionalParamsSchema,
  RecommendationRequestPreviewSchema,
  RecommendationRequestSchema,
  RecommendationRequestTokenParamsSchema,
  RecommendationSchema,
  RequestConnectionSchema,
  SaveRecommendationSchema,
  VisibleRecommendationsSchema,
} from '../../../core/contracts/network.ts';
import { requireCaller } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createConnectionService } from './connections.ts';
import type { createRecommendationRequestService } from './recommendation-requests.ts';
import type { createRecommendationService } from './recommendations.ts';

const me = (req: FastifyRequest) => ({ userId: requireCaller(req).userId });

export interface NetworkServices {
  connections: ReturnType<typeof createConnectionService>;
  recommendations: ReturnType<typeof createRecommendationService>;
  requests: ReturnType<typeof createRecommendationRequestService>;
}

const business = '/api/v1/businesses/:businessId';

/** Word of mouth: trusted colleagues, recommendations, and recommendation requests. */
export function networkRoutes(app: FastifyInstance, s: NetworkServices) {
  const r = typed(app);
  const tags = ['network'];
  /** The path's `:userId` is the professional's, never the caller's. */
  const professionalScope = (
    req: { params: { businessId: string; userId: string } } & Parameters<typeof scopeOf>[0],
  ) => {
    const { userId: professionalUserId, businessId } = req.params;
    return { ...scopeOf(req), businessId, professionalUserId };
  };

  r.get(`${business}/connections`, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'The business’s trusted colleagues and the requests waiting for its answer',
      description:
        'Requests the business sent are not listed until accepted: listing them would tell which addresses own a business.',
      params: BusinessParamsSchema,
      response: { 200: ConnectionListSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.connections.list(scopeOf(req)),
  });
  r.post(`${business}/connections`, {
    config: { access: 'connections.manage' },
    schema: {
      tags,
      summary: 'Ask another business to connect, by the e-mail address of one of its owners',
      description:
        'Answers 202 with the same message whether or not such a business exists, so addresses cannot be probed. Asking a business that already asked you accepts its request.',
      params: BusinessParamsSchema,
      body: RequestConnectionSchema,
      response: { 202: ConnectionRequestSentSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) =>
      reply
        .status(202)
        .send({ message: await s.connections.request(scopeOf(req), req.body.email) }),
  });
  for (const [action, summary] of [
    ['accept', 'Accept a request to connect; the asking business’s owners are told'],
    ['decline', 'Decline a request to connect (the asking business is not told)'],
  ] as const) {
    r.post(`${business}/connections/:connectionId/${action}`, {
      config: { access: 'connections.manage' },
      schema: {
        tags,
        summary,
        params: ConnectionParamsSchema,
        response: { 204: NoContent, ...problems(401, 403, 404, 409) },
      },
      handler: async (req, reply) => {
        await s.connections[action](scopeOf(req));
        return reply.status(204).send(null);
      },
    });
  }
  r.delete(`${business}/connections/:connectionId`, {
    config: { access: 'connections.manage' },
    schema: {
      tags,
      summary: 'Remove a colleague (either side may)',
      params: ConnectionParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.connections.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get(`${business}/recommendations`, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'The business’s own recommendations of professionals, newest first',
      params: BusinessParamsSchema,
      response: { 200: listOf(RecommendationSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.recommendations.list(scopeOf(req)) }),
  });
  r.get(`${business}/professionals/:userId/recommendations`, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'What this business may see of a professional’s recommendations',
      description:
        'Its own recommendation, and those of the businesses it trusts (accepted connections) with their notes. Other businesses’ notes are never shown.',
      params: ProfessionalParamsSchema,
      response: { 200: VisibleRecommendationsSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.recommendations.visible(professionalScope(req)),
  });
  r.put(`${business}/professionals/:userId/recommendation`, {
    config: { access: 'recommendations.manage' },
    schema: {
      tags,
      summary: 'Recommend a professional with a note, or edit the business’s recommendation',
      params: ProfessionalParamsSchema,
      body: SaveRecommendationSchema,
      response: {
        200: RecommendationSchema,
        201: RecommendationSchema,
        ...problems(401, 403, 404),
      },
    },
    handler: async (req, reply) => {
      const { recommendation, created } = await s.recommendations.save(
        professionalScope(req),
        req.body.note,
      );
      return reply.status(created ? 201 : 200).send(recommendation);
    },
  });
  r.delete(`${business}/professionals/:userId/recommendation`, {
    config: { access: 'recommendations.manage' },
    schema: {
      tags,
      summary: 'Withdraw the business’s recommendation of a professional',
      params: ProfessionalParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.recommendations.withdraw(professionalScope(req));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/me/recommendation-requests', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'The recommendation requests you sent, newest first, with their state',
      response: { 200: listOf(RecommendationRequestSchema), ...problems(401) },
    },
    handler: async (req) => ({ items: await s.requests.list(me(req)) }),
  });
  r.post('/api/v1/me/recommendation-requests', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Ask a client, by e-mail, to recommend you (professionals)',
      description: 'The client gets an e-mail with a link that works once, for 30 days.',
      body: CreateRecommendationRequestSchema,
      response: { 201: RecommendationRequestSchema, ...problems(401, 403) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.requests.create(me(req), req.body)),
  });
  r.get('/api/v1/recommendation-requests/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'What a recommendation request link asks: who, their message, and whether it still works',
      params: RecommendationRequestTokenParamsSchema,
      response: { 200: RecommendationRequestPreviewSchema, ...problems(404) },
    },
    handler: (req) => s.requests.preview(req.params.token),
  });
  r.post('/api/v1/recommendation-requests/:token/answer', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Answer a recommendation request as one of your businesses',
      description:
        'Writes (or rewrites) that business’s recommendation of the professional, marked as requested. The link then stops working (410).',
      params: RecommendationRequestTokenParamsSchema,
      body: AnswerRecommendationRequestSchema,
      response: { 201: RecommendationSchema, ...problems(401, 403, 404, 410) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.requests.answer(scopeOf(req), req.body)),
  });
}
