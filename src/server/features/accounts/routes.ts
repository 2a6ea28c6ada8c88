import type { FastifyInstance } from 'fastify';
import {
  AcceptedInvitationSchema,
  ApiTokenParamsSchema,
  ApiTokenSchema,
  BusinessParamsSchema,
  BusinessSchema,
  CreateApiTokenSchema,
  CreateBusinessSchema,
  CreatedApiTokenSchema,
  CreateInvitationSchema,
  InvitationParamsSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  listOf,
  MemberParamsSchema,
  MemberSchema,
  MeSchema,
  UpdateBusinessSchema,
  UpdateMemberSchema,
  UpdateMeSchema,
} from '../../../core/contracts/accounts.ts';
import { requireCaller, requireSession } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import type { createApiTokenService } from './api-tokens.ts';
import type { createBusinessService } from './businesses.ts';
import type { createMeService } from './me.ts';
import type { createTeamService } from './team.ts';

export interface AccountsServices {
  me: ReturnType<typeof createMeService>;
  businesses: ReturnType<typeof createBusinessService>;
  team: ReturnType<typeof createTeamService>;
  apiTokens: ReturnType<typeof createApiTokenService>;
}

export function accountsRoutes(app: FastifyInstance, s: AccountsServices) {
  const r = typed(app);
  const tags = ['accounts'];

  r.get('/api/v1/me', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'The signed-in person, their businesses and professional profile',
      response: { 200: MeSchema, ...problems(401) },
    },
    handler: (req) => s.me.getMe(requireCaller(req)),
  });

  r.patch('/api/v1/me', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Change name, time zone or currency',
      body: UpdateMeSchema,
      response: { 200: MeSchema, ...problems(401) },
    },
    handler: (req) => s.me.updateMe(requireCaller(req), req.body),
  });

  r.post('/api/v1/me/professional-profile', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Start a professional profile (idempotent)',
      response: { 200: MeSchema, 201: MeSchema, ...problems(401) },
    },
    handler: async (req, reply) => {
      const { me, created } = await s.me.becomeProfessional(requireCaller(req));
      return reply.status(created ? 201 : 200).send(me);
    },
  });

  r.post('/api/v1/businesses', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Create a business; you become its owner',
      body: CreateBusinessSchema,
      response: { 201: BusinessSchema, ...problems(401) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.businesses.create(requireCaller(req), req.body)),
  });

  r.get('/api/v1/businesses/:businessId', {
    config: { access: 'business.read' },
    schema: {
      tags,
      summary: 'A business you belong to',
      params: BusinessParamsSchema,
      response: { 200: BusinessSchema, ...problems(401, 404) },
    },
    handler: (req) =>
      s.businesses.get({ userId: requireCaller(req).userId, businessId: req.params.businessId }),
  });

  r.patch('/api/v1/businesses/:businessId', {
    config: { access: 'business.update' },
    schema: {
      tags,
      summary: 'Change a business’s name, time zone, currency or working hours (owner, manager)',
      params: BusinessParamsSchema,
      body: UpdateBusinessSchema,
      response: { 200: BusinessSchema, ...problems(401, 403, 404) },
    },
    handler: (req) =>
      s.businesses.update(
        { userId: requireCaller(req).userId, businessId: req.params.businessId },
        req.body,
      ),
  });

  r.get('/api/v1/businesses/:businessId/members', {
    config: { access: 'members.read' },
    schema: {
      tags,
      summary: 'The team of a business',
      params: BusinessParamsSchema,
      response: { 200: listOf(MemberSchema), ...problems(401, 404) },
    },
    handler: async (req) => ({
      items: await s.team.members({
        userId: requireCaller(req).userId,
        businessId: req.params.businessId,
      }),
    }),
  });

  r.patch('/api/v1/businesses/:businessId/members/:userId', {
    config: { access: 'members.manage' },
    schema: {
      tags,
      summary: 'Change a member’s role (owner); the last owner cannot be demoted',
      params: MemberParamsSchema,
      body: UpdateMemberSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.team.changeMember(
        {
          userId: requireCaller(req).userId,
          businessId: req.params.businessId,
          memberId: req.params.userId,
        },
        req.body.role,
      );
      return reply.status(204).send(null);
    },
  });

  r.delete('/api/v1/businesses/:businessId/members/:userId', {
    config: { access: 'members.manage' },
    schema: {
      tags,
      summary: 'Remove a member (owner), or leave yourself; the last owner cannot be removed',
      params: MemberParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.team.changeMember(
        {
          userId: requireCaller(req).userId,
          businessId: req.params.businessId,
          memberId: req.params.userId,
        },
        null,
      );
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/businesses/:businessId/invitations', {
    config: { access: 'invitations.manage' },
    schema: {
      tags,
      summary: 'Open invitations (owner)',
      params: BusinessParamsSchema,
      response: { 200: listOf(InvitationSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({
      items: await s.team.invitations({
        userId: requireCaller(req).userId,
        businessId: req.params.businessId,
      }),
    }),
  });

  r.post('/api/v1/businesses/:businessId/invitations', {
    config: { access: 'invitations.manage' },
    schema: {
      tags,
      summary: 'Invite someone by e-mail with a role (owner)',
      params: BusinessParamsSchema,
      body: CreateInvitationSchema,
      response: { 201: InvitationSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          await s.team.invite(
            { userId: requireCaller(req).userId, businessId: req.params.businessId },
            req.body,
          ),
        ),
  });

  r.delete('/api/v1/businesses/:businessId/invitations/:invitationId', {
    config: { access: 'invitations.manage' },
    schema: {
      tags,
      summary: 'Withdraw an invitation (owner)',
      params: InvitationParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.team.revoke({
        userId: requireCaller(req).userId,
        businessId: req.params.businessId,
        invitationId: req.params.invitationId,
      });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/invitations/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Look at an invitation from its link (no sign-in needed)',
      params: InvitationTokenParamsSchema,
      response: { 200: InvitationPreviewSchema, ...problems(404) },
    },
    handler: (req) => s.team.preview(req.params.token),
  });

  r.post('/api/v1/invitations/:token/accept', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Accept an invitation as the signed-in person it was sent to',
      params: InvitationTokenParamsSchema,
      response: { 200: AcceptedInvitationSchema, ...problems(401, 403, 404, 409, 410) },
    },
    handler: (req) => s.team.accept(requireCaller(req), req.params.token),
  });

  r.get('/api/v1/me/api-tokens', {
    config: { access: 'session' },
    schema: {
      tags,
      summary: 'Your personal API tokens that still work (signed-in session only)',
      response: { 200: listOf(ApiTokenSchema), ...problems(401, 403) },
    },
    handler: async (req) => ({ items: await s.apiTokens.list(requireSession(req)) }),
  });

  r.post('/api/v1/me/api-tokens', {
    config: { access: 'session' },
    schema: {
      tags,
      summary:
        'Create a personal API token (signed-in session only); the secret is shown only in this response',
      description:
        'A token expires after `expiresInDays` (7, 30, 90 or 365; default 90). A `read` token may only make GET requests.',
      body: CreateApiTokenSchema,
      response: { 201: CreatedApiTokenSchema, ...problems(401, 403) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.apiTokens.create(requireSession(req), req.body)),
  });

  r.delete('/api/v1/me/api-tokens/:tokenId', {
    config: { access: 'session' },
    schema: {
      tags,
      summary: 'Revoke a personal API token (signed-in session only)',
      params: ApiTokenParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.apiTokens.revoke({
        userId: requireSession(req).userId,
        tokenId: req.params.tokenId,
      });
      return reply.status(204).send(null);
    },
  });
}
