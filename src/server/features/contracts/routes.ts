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
import {
  AmendmentParamsSchema,
  AmendmentSchema,
  AnswerAmendmentSchema,
  EndContractSchema,
  PauseContractSchema,
  ProposeAmendmentSchema,
} from '../../../core/contracts/contract-changes.ts';
import { requireCaller } from '../../lib/caller.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createAwardService } from './award.ts';
import type { createChangeService } from './changes.ts';
import type { createContractService } from './contracts.ts';
import type { createResponseService } from './respond.ts';

export interface ContractServices {
  changes: ReturnType<typeof createChangeService>;
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

  // The running contract: its state (the business) and amendments (either side, the other answers).
  const contract = '/api/v1/contracts/:contractId';
  r.post(`${contract}/pause`, {
    config: { access: 'contract.manage' },
    schema: {
      tags,
      summary: 'Pause an active contract (no time is logged while paused)',
      params: ContractParamsSchema,
      body: PauseContractSchema,
      response: { 200: ContractSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.changes.pause(scopeOf(req), req.body),
  });
  r.post(`${contract}/resume`, {
    config: { access: 'contract.manage' },
    schema: {
      tags,
      summary: 'Resume a paused contract',
      params: ContractParamsSchema,
      response: { 200: ContractSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.changes.resume(scopeOf(req)),
  });
  r.post(`${contract}/end`, {
    config: { access: 'contract.manage' },
    schema: {
      tags,
      summary: 'End the contract as completed, or cancel it saying why',
      description:
        'A proposed change still waiting is withdrawn. An ended contract changes no more.',
      params: ContractParamsSchema,
      body: EndContractSchema,
      response: { 200: ContractSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: (req) => s.changes.end(scopeOf(req), req.body),
  });
  r.get(`${contract}/amendments`, {
    config: { access: 'contract.view' },
    schema: {
      tags,
      summary: 'Proposed changes to the terms and change orders, newest first',
      params: ContractParamsSchema,
      response: { 200: listOf(AmendmentSchema), ...problems(401, 404) },
    },
    handler: (req) => s.changes.listAmendments(scopeOf(req)),
  });
  r.post(`${contract}/amendments`, {
    config: { access: 'contract.amend' },
    schema: {
      tags,
      summary: 'Propose new terms or a change order; the other side accepts or rejects it',
      description:
        'One proposal waits at a time (a second is a 409). Terms: rate, weekly cap and total budget for hourly contracts; milestones (the total follows them) for fixed ones; start and end dates for both. A change order adds one priced milestone with its criteria to a fixed-price contract. Send an Idempotency-Key so a repeated click replays the first answer.',
      params: ContractParamsSchema,
      body: ProposeAmendmentSchema,
      response: { 201: AmendmentSchema, ...problems(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.changes.propose(scopeOf(req), req.body)),
  });
  for (const [verb, accept] of [
    ['accept', true],
    ['reject', false],
  ] as const) {
    r.post(`${contract}/amendments/:amendmentId/${verb}`, {
      config: { access: 'contract.amend' },
      schema: {
        tags,
        summary: accept
          ? 'Accept the other side’s proposed change: the terms change now'
          : 'Reject the other side’s proposed change, with an optional note',
        params: AmendmentParamsSchema,
        body: AnswerAmendmentSchema,
        response: { 200: AmendmentSchema, ...problems(400, 401, 403, 404, 409) },
      },
      handler: (req) => s.changes.answer(scopeOf(req), accept, req.body),
    });
  }
  r.post(`${contract}/amendments/:amendmentId/withdraw`, {
    config: { access: 'contract.amend' },
    schema: {
      tags,
      summary: 'Withdraw a change you proposed, before it is answered',
      params: AmendmentParamsSchema,
      response: { 200: AmendmentSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.changes.withdraw(scopeOf(req)),
  });
}
