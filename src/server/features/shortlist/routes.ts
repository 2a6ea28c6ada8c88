import type { FastifyInstance } from 'fastify';
import { BusinessParamsSchema } from '../../../core/contracts/common.ts';
import {
  BidDetailSchema,
  BidStateSchema,
  CompareQuerySchema,
  ComparisonSchema,
  DeclineBidSchema,
  DeclineTemplateParamsSchema,
  DeclineTemplateSchema,
  DeclineTemplatesSchema,
  SaveDeclineTemplateSchema,
  SaveShortlistSettingsSchema,
  SetHiddenSchema,
  ShortlistBidParamsSchema,
  ShortlistPageSchema,
  ShortlistParamsSchema,
  ShortlistSettingsSchema,
} from '../../../core/contracts/shortlist.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createShortlistActions } from './actions.ts';
import type { createShortlistService } from './shortlist.ts';
import type { createDeclineTemplateService } from './templates.ts';

export interface ShortlistServices {
  shortlist: ReturnType<typeof createShortlistService>;
  actions: ReturnType<typeof createShortlistActions>;
  templates: ReturnType<typeof createDeclineTemplateService>;
}

const base = '/api/v1/businesses/:businessId/jobs/:jobId/shortlist';
const bid = `${base}/bids/:bidId`;
const templates = '/api/v1/businesses/:businessId/decline-templates';

/** A job's bids for its business: scored list, settings, actions, comparison; decline templates. */
export function shortlistRoutes(app: FastifyInstance, s: ShortlistServices) {
  const r = typed(app);
  const tags = ['shortlist'];

  r.get(base, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary:
        'The job’s bids with their signals and scores, best first, and the shortlist settings',
      description:
        'Withdrawn bids are left out. Scores use the saved weights; each part says how it was scored.',
      params: ShortlistParamsSchema,
      response: { 200: ShortlistPageSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.shortlist.list(scopeOf(req)),
  });

  r.put(`${base}/settings`, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Save the score’s weights and the shortlist’s cap (2–5) for this job',
      params: ShortlistParamsSchema,
      body: SaveShortlistSettingsSchema,
      response: { 200: ShortlistSettingsSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.shortlist.saveSettings(scopeOf(req), req.body),
  });

  r.get(`${base}/compare`, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary:
        'Two to five bids side by side: terms, signals, answers, milestones, trials, interviews',
      params: ShortlistParamsSchema,
      querystring: CompareQuerySchema,
      response: { 200: ComparisonSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.shortlist.compare(scopeOf(req), req.query.bids),
  });

  r.get(bid, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'One bid in full: the list’s line, the cover letter, answers, milestones, files',
      description:
        'What the list leaves out to stay small, read when the business opens a bid. A withdrawn bid or one of another job: 404.',
      params: ShortlistBidParamsSchema,
      response: { 200: BidDetailSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.shortlist.detail(scopeOf(req)),
  });

  r.post(bid, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Shortlist a bid (up to the cap); the professional is told',
      description:
        'Shortlisting a shortlisted bid changes nothing. Past the cap, or for a declined, awarded or not selected bid: 409 saying why.',
      params: ShortlistBidParamsSchema,
      response: { 200: BidStateSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.actions.shortlist(scopeOf(req)),
  });

  r.delete(bid, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Take a bid off the shortlist (it is open again; the professional is not told)',
      params: ShortlistBidParamsSchema,
      response: { 200: BidStateSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.actions.unshortlist(scopeOf(req)),
  });

  r.post(`${bid}/decline`, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Decline a bid with a message the professional receives',
      params: ShortlistBidParamsSchema,
      body: DeclineBidSchema,
      response: { 200: BidStateSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.actions.decline(scopeOf(req), req.body.message),
  });

  r.put(`${bid}/hidden`, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary:
        'Hide a bid from the business’s list, or show it again (the professional never knows)',
      params: ShortlistBidParamsSchema,
      body: SetHiddenSchema,
      response: { 200: BidStateSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.actions.setHidden(scopeOf(req), req.body.hidden),
  });

  r.get(templates, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'The business’s decline templates, and the built-in one',
      params: BusinessParamsSchema,
      response: { 200: DeclineTemplatesSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.templates.list(scopeOf(req)),
  });

  r.post(templates, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Add a decline template',
      params: BusinessParamsSchema,
      body: SaveDeclineTemplateSchema,
      response: { 201: DeclineTemplateSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.templates.create(scopeOf(req), req.body)),
  });

  r.put(`${templates}/:templateId`, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Edit a decline template',
      params: DeclineTemplateParamsSchema,
      body: SaveDeclineTemplateSchema,
      response: { 200: DeclineTemplateSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.templates.update(scopeOf(req), req.body),
  });

  r.delete(`${templates}/:templateId`, {
    config: { access: 'bids.manage' },
    schema: {
      tags,
      summary: 'Delete a decline template (messages already sent are kept with their bids)',
      params: DeclineTemplateParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.templates.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });
}
