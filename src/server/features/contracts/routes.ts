import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BusinessParamsSchema, listOf } from '../../../core/contracts/common.ts';
import {
  AwardParamsSchema,
  AwardSchema,
  BusinessContractParamsSchema,
  ContractParamsSchema,
  ContractSchema,
  DeclineOfferSchema,
  OfferDraftSchema,
} from '../../../core/contracts/offers.ts';
import { requireCaller } from '../../lib/caller.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createAwardService } from './award.ts';
import type { createContractService } from './contracts.ts';
import type { createResponseService } from './respond.ts';

export interface ContractServices {
  award: ReturnType<typeof createAwardService>;
  responses: ReturnType<typeof createResponseService>;
  contracts: ReturnType<typeof createContractService>;
}

const business = '/api/v1/businesses/:businessId';
const awardPath = `${business}/jobs/:jobId/bids/:bidId/award`;
const me = (req: FastifyRequest) => ({ userId: requireCaller(req).userId });

/** Award (a contract offer), the answers to it, and the contract pages of both parties. */
export function contractRoutes(app: FastifyInstance, s: ContractServices) {
  const r = typed(app);
  const tags = ['contracts'];

  r.get(awardPath, {
    config: { access: 'contracts.award' },
    schema: {
      tags,
      summary: 'The offer form’s starting point: the bid’s terms',
      params: AwardParamsSchema,
      response: { 200: OfferDraftSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.award.draft(scopeOf(req)),
  });
  r.post(awardPath, {
    config: { access: 'contracts.award' },
    schema: {
      tags,
      summary: 'Award the bid: a contract offer the professional accepts or declines',
      description:
        'Fixed terms need milestones adding up to the total; hourly terms a rate and a weekly cap. A job holds one offer or contract at a time: a second award (even at the same moment) is a 409. Send an Idempotency-Key so a repeated click replays the first answer.',
      params: AwardParamsSchema,
      body: AwardSchema,
      response: { 201: ContractSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.award.award(scopeOf(req), req.body)),
  });
  r.get(`${business}/contracts`, {
    config: { access: 'contracts.read' },
    schema: {
      tags,
      summary: 'The business’s contracts and offers, newest first',
      params: BusinessParamsSchema,
      response: { 200: listOf(ContractSchema), ...problems(401, 403, 404) },
    },
    handler: (req) => s.contracts.listForBusiness(scopeOf(req)),
  });
  r.post(`${business}/contracts/:contractId/withdraw`, {
    config: { access: 'contracts.award' },
    schema: {
      tags,
      summary: 'Withdraw an unanswered offer; the bid goes back to the list and the job is free',
      params: BusinessContractParamsSchema,
      response: { 200: ContractSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.responses.withdraw(scopeOf(req)),
  });

  // Either party: the business's members and the professional (everyone else: 404).
  r.get('/api/v1/contracts/:contractId', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'A contract or offer: terms, status, parties and history',
      params: ContractParamsSchema,
      response: { 200: ContractSchema, ...problems(401, 404) },
    },
    handler: (req) => s.contracts.get(scopeOf(req)),
  });
  r.get('/api/v1/me/contracts', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'My contracts and the offers made to me, newest first',
      response: { 200: listOf(ContractSchema), ...problems(401) },
    },
    handler: (req) => s.contracts.listMine(me(req)),
  });
  r.post('/api/v1/contracts/:contractId/accept', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Accept an offer made to me: the contract becomes active and the job closes',
      description: 'The other bidders still in the running are told, with the owner’s message.',
      params: ContractParamsSchema,
      response: { 200: ContractSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.responses.accept(scopeOf(req)),
  });
  r.post('/api/v1/contracts/:contractId/decline', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Decline an offer made to me, saying why',
      params: ContractParamsSchema,
      body: DeclineOfferSchema,
      response: { 200: ContractSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.responses.decline(scopeOf(req), req.body),
  });
}
