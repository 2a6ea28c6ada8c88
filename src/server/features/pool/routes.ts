import type { FastifyInstance } from 'fastify';
import { BusinessParamsSchema, listOf } from '../../../core/contracts/common.ts';
import { JobInvitationSentSchema } from '../../../core/contracts/jobs.ts';
import {
  ContactAddedSchema,
  ContactParamsSchema,
  CreateContactSchema,
  InviteProfessionalToJobSchema,
  JoinedPoolSchema,
  ListItemParamsSchema,
  ListParamsSchema,
  PoolInvitationPreviewSchema,
  PoolQuerySchema,
  PoolTokenParamsSchema,
  PrivateNoteSchema,
  ProfessionalParamsSchema,
  SavedListDetailSchema,
  SavedListQuerySchema,
  SavedListSchema,
  SaveListSchema,
  TalentContactSchema,
  UpdateContactSchema,
  UpdatePrivateNoteSchema,
} from '../../../core/contracts/pool.ts';
import { requireCaller } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createContactService } from './contacts.ts';
import type { createJoinService } from './join.ts';
import type { createListService } from './lists.ts';
import type { createNoteService } from './notes.ts';

export interface PoolServices {
  contacts: ReturnType<typeof createContactService>;
  join: ReturnType<typeof createJoinService>;
  notes: ReturnType<typeof createNoteService>;
  lists: ReturnType<typeof createListService>;
}

const pool = '/api/v1/businesses/:businessId/pool';
const contact = `${pool}/contacts/:contactId`;
const professional = `${pool}/professionals/:userId`;
const lists = '/api/v1/businesses/:businessId/lists';
const list = `${lists}/:listId`;

/** A business's private pool, contacts and notes; the join link; saved lists. */
export function poolRoutes(app: FastifyInstance, s: PoolServices) {
  const r = typed(app);
  const tags = ['talent'];
  // The path names the professional `userId`; the scope's `userId` is the caller.
  const proScope = (
    req: { params: { businessId: string; userId: string } } & Parameters<typeof requireCaller>[0],
  ) => ({
    userId: requireCaller(req).userId,
    businessId: req.params.businessId,
    professionalId: req.params.userId,
  });

  r.get(pool, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'The business’s records of professionals: its private pool, contacts and notes',
      params: BusinessParamsSchema,
      querystring: PoolQuerySchema,
      response: { 200: listOf(TalentContactSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.contacts.list(scopeOf(req), req.query) }),
  });

  r.post(`${pool}/contacts`, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Add someone met elsewhere to the private pool and e-mail them an invitation',
      description:
        'The answer is the same whether or not the address has a Handoff account. The person shows as a professional once they follow the link.',
      params: BusinessParamsSchema,
      body: CreateContactSchema,
      response: { 201: ContactAddedSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.contacts.add(scopeOf(req), req.body)),
  });

  r.patch(contact, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Edit a record’s name, link, notes or tags',
      params: ContactParamsSchema,
      body: UpdateContactSchema,
      response: { 200: TalentContactSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.contacts.update(scopeOf(req), req.body),
  });

  r.delete(contact, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Remove a record (and its notes) from the pool; an open invitation stops working',
      params: ContactParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.contacts.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.post(`${contact}/invitation`, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Send the invitation again with a new link (the old link stops working)',
      params: ContactParamsSchema,
      response: { 200: TalentContactSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.contacts.resend(scopeOf(req)),
  });

  r.delete(`${contact}/invitation`, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Revoke the invitation: its link stops working, the record stays',
      params: ContactParamsSchema,
      response: { 200: TalentContactSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req) => s.contacts.revoke(scopeOf(req)),
  });

  r.get(professional, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'The business’s private notes and tags on a professional',
      description: 'Members of the business only; never shown to the professional or anyone else.',
      params: ProfessionalParamsSchema,
      response: { 200: PrivateNoteSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.notes.get(proScope(req)),
  });

  r.put(professional, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Write the business’s private notes and tags on a professional',
      params: ProfessionalParamsSchema,
      body: UpdatePrivateNoteSchema,
      response: { 200: PrivateNoteSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.notes.save(proScope(req), req.body),
  });

  r.post(`${professional}/job-invitations`, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Invite a professional to one of the business’s open jobs',
      params: ProfessionalParamsSchema,
      body: InviteProfessionalToJobSchema,
      response: { 202: JobInvitationSentSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(202).send(await s.notes.inviteToJob(proScope(req), req.body.jobId)),
  });

  r.get('/api/v1/pool/invitations/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'What an invitation to a business’s pool says, before signing in',
      description: 'A revoked, replaced, expired or unknown link is a 404.',
      params: PoolTokenParamsSchema,
      response: { 200: PoolInvitationPreviewSchema, ...problems(404) },
    },
    handler: async (req) => s.join.preview(req.params.token),
  });

  r.post('/api/v1/pool/invitations/:token/accept', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Join the business’s pool; job invitations sent to the invited address become yours',
      description: 'Needs a verified e-mail address (403 otherwise).',
      params: PoolTokenParamsSchema,
      response: { 200: JoinedPoolSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.join.accept(requireCaller(req), req.params.token),
  });

  r.get(lists, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'The business’s saved lists, most recently changed first',
      description: 'With `professional`, each list says whether it holds that professional.',
      params: BusinessParamsSchema,
      querystring: SavedListQuerySchema,
      response: { 200: listOf(SavedListSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({ items: await s.lists.list(scopeOf(req), req.query) }),
  });

  r.post(lists, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Make a saved list',
      params: BusinessParamsSchema,
      body: SaveListSchema,
      response: { 201: SavedListSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.lists.create(scopeOf(req), req.body)),
  });

  r.get(list, {
    config: { access: 'talent.read' },
    schema: {
      tags,
      summary: 'A saved list with each professional’s headline and rate',
      params: ListParamsSchema,
      response: { 200: SavedListDetailSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.lists.get(scopeOf(req)),
  });

  r.patch(list, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Rename a saved list',
      params: ListParamsSchema,
      body: SaveListSchema,
      response: { 200: SavedListSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.lists.rename(scopeOf(req), req.body),
  });

  r.delete(list, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Delete a saved list (the professionals on it are not touched)',
      params: ListParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.lists.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.put(`${list}/items/:userId`, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Add a professional to a saved list (adding again changes nothing)',
      params: ListItemParamsSchema,
      response: { 200: SavedListDetailSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) =>
      s.lists.addItem({
        userId: requireCaller(req).userId,
        businessId: req.params.businessId,
        listId: req.params.listId,
        professionalId: req.params.userId,
      }),
  });

  r.delete(`${list}/items/:userId`, {
    config: { access: 'talent.manage' },
    schema: {
      tags,
      summary: 'Take a professional off a saved list',
      params: ListItemParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.lists.removeItem({
        userId: requireCaller(req).userId,
        businessId: req.params.businessId,
        listId: req.params.listId,
        professionalId: req.params.userId,
      });
      return reply.status(204).send(null);
    },
  });
}
