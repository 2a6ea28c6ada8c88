import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ApproveListingSchema,
  ListingPageSchema,
  ListingParamsSchema,
  ListingQueueQuerySchema,
  ListingSchema,
  MyListingSchema,
  OwnListingSchema,
  RejectListingSchema,
  SaveListingSchema,
} from '../../../core/contracts/network.ts';
import { requireCaller } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import type { createListingService } from './listings.ts';

const me = (req: FastifyRequest) => ({ userId: requireCaller(req).userId });

/** A professional's listing of their firm, its public page, and the admins' review queue. */
export function listingRoutes(
  app: FastifyInstance,
  { listings }: { listings: ReturnType<typeof createListingService> },
) {
  const r = typed(app);
  const tags = ['listings'];

  r.get('/api/v1/me/listing', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your business listing with its review state, or null before you submit one',
      response: { 200: MyListingSchema, ...problems(401) },
    },
    handler: async (req) => ({ listing: await listings.mine(me(req)) }),
  });
  r.put('/api/v1/me/listing', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Submit or edit your business listing (a professional representing a firm)',
      description:
        'Every save waits for an admin’s review again (`pending`), an approved listing included: it leaves the directory until approved.',
      body: SaveListingSchema,
      response: { 200: OwnListingSchema, 201: OwnListingSchema, ...problems(401, 403) },
    },
    handler: async (req, reply) => {
      const { listing, created } = await listings.save(me(req), req.body);
      return reply.status(created ? 201 : 200).send(listing);
    },
  });
  r.delete('/api/v1/me/listing', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Withdraw (delete) your business listing',
      response: { 204: NoContent, ...problems(401, 404) },
    },
    handler: async (req, reply) => {
      await listings.withdraw(me(req));
      return reply.status(204).send(null);
    },
  });
  r.get('/api/v1/listings/:listingId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A business listing',
      description:
        'Anyone reads an approved listing (never in a private workspace); its owner and admins read it in any state, with its review state. Otherwise 404.',
      params: ListingParamsSchema,
      response: { 200: z.union([OwnListingSchema, ListingSchema]), ...problems(404) },
    },
    handler: (req) =>
      listings.get(
        req.caller ? { userId: req.caller.userId, isAdmin: req.caller.isAdmin } : null,
        req.params.listingId,
      ),
  });

  r.get('/api/v1/admin/listings', {
    config: { access: 'listings.review' },
    schema: {
      tags,
      summary: 'Business listings in one review state (pending by default), oldest first (admin)',
      querystring: ListingQueueQuerySchema,
      response: { 200: ListingPageSchema, ...problems(401, 403) },
    },
    handler: (req) => listings.queue(req.query),
  });
  r.post('/api/v1/admin/listings/:listingId/approve', {
    config: { access: 'listings.review' },
    schema: {
      tags,
      summary: 'Approve a pending listing; its owner is notified (admin)',
      params: ListingParamsSchema,
      body: ApproveListingSchema.nullable(),
      response: { 200: OwnListingSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) =>
      listings.approve(
        { userId: requireCaller(req).userId, listingId: req.params.listingId },
        req.body ?? {},
      ),
  });
  r.post('/api/v1/admin/listings/:listingId/reject', {
    config: { access: 'listings.review' },
    schema: {
      tags,
      summary: 'Reject a pending or approved listing with a reason its owner reads (admin)',
      params: ListingParamsSchema,
      body: RejectListingSchema,
      response: { 200: OwnListingSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) =>
      listings.reject(
        { userId: requireCaller(req).userId, listingId: req.params.listingId },
        req.body,
      ),
  });
}
