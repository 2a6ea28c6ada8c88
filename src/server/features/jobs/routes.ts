import type { FastifyInstance } from 'fastify';
import { BusinessParamsSchema, listOf } from '../../../core/contracts/accounts.ts';
import {
  BoardJobSchema,
  BusinessJobParamsSchema,
  BusinessJobSchema,
  CreateJobSchema,
  DiffQuerySchema,
  InvitationParamsSchema,
  InviteToJobSchema,
  JobInvitationListSchema,
  JobInvitationSentSchema,
  JobListQuerySchema,
  JobListSchema,
  JobTemplateSchema,
  PendingInvitationParamsSchema,
  PublishJobSchema,
  SkillQuerySchema,
  SkillSchema,
  SpecDiffSchema,
  SpecVersionSchema,
  SpecVersionSummarySchema,
  SpecViewSchema,
  TemplateParamsSchema,
  UpdateJobSchema,
  UpdateJobTemplateSchema,
  VersionParamsSchema,
} from '../../../core/contracts/jobs.ts';
import { requireAdmin, requireCaller } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createJobInvitationService } from './invitations.ts';
import type { createJobService } from './jobs.ts';
import type { createLifecycleService } from './lifecycle.ts';
import type { createTemplateService } from './templates.ts';
import type { createVersionService } from './versions.ts';

export interface JobsServices {
  jobs: ReturnType<typeof createJobService>;
  lifecycle: ReturnType<typeof createLifecycleService>;
  versions: ReturnType<typeof createVersionService>;
  invitations: ReturnType<typeof createJobInvitationService>;
  templates: ReturnType<typeof createTemplateService>;
}

const base = '/api/v1/businesses/:businessId/jobs';
const one = `${base}/:jobId`;

/** The business side of jobs (members), a professional's job invitations, skills and templates. */
export function jobsRoutes(app: FastifyInstance, s: JobsServices) {
  const r = typed(app);
  const tags = ['jobs'];

  r.get(base, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'The business’s jobs, most recently changed first, with counts per status',
      description: 'Without `status`, every job but the archived ones.',
      params: BusinessParamsSchema,
      querystring: JobListQuerySchema,
      response: { 200: JobListSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.jobs.list(scopeOf(req), req.query),
  });
  r.post(base, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary:
        'Start a job: from scratch, from a template (templateSlug) or an audit job draft (draftId)',
      params: BusinessParamsSchema,
      body: CreateJobSchema,
      response: { 201: BusinessJobSchema, ...problems(401, 403, 404, 409, 422) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.jobs.create(scopeOf(req), req.body)),
  });
  r.get(one, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'A job with its brief, specification and the checker’s result',
      params: BusinessJobParamsSchema,
      response: { 200: BusinessJobSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.jobs.get(scopeOf(req)),
  });
  r.patch(one, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Save the brief and/or specification (each whole) and/or the settings',
      description:
        'Once the job is published, a specification that differs from its latest version becomes a new version.',
      params: BusinessJobParamsSchema,
      body: UpdateJobSchema,
      response: { 200: BusinessJobSchema, ...problems(401, 403, 404, 409, 422) },
    },
    handler: (req) => s.jobs.update(scopeOf(req), req.body),
  });
  r.delete(one, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Delete a draft that was never published',
      params: BusinessJobParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await s.jobs.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.post(`${one}/publish`, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Publish a draft: its specification becomes version 1',
      description:
        'A low checker score does not stop publishing; it is kept as `publishedScore`. The body (settings to change) may be left out.',
      params: BusinessJobParamsSchema,
      // Nullable: a POST with no body at all publishes with the job's current settings.
      body: PublishJobSchema.nullable(),
      response: { 200: BusinessJobSchema, ...problems(401, 403, 404, 409, 422) },
    },
    handler: (req) => s.lifecycle.publish(scopeOf(req), req.body ?? {}),
  });
  for (const [action, summary] of [
    ['close', 'Close an open job to bids'],
    ['reopen', 'Reopen a closed or archived job'],
    ['archive', 'Archive a job'],
  ] as const) {
    r.post(`${one}/${action}`, {
      config: { access: 'jobs.manage' },
      schema: {
        tags,
        summary,
        params: BusinessJobParamsSchema,
        response: { 200: BusinessJobSchema, ...problems(401, 403, 404, 409) },
      },
      handler: (req) => s.lifecycle[action](scopeOf(req)),
    });
  }

  r.get(`${one}/versions`, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'Published versions of the specification, newest first',
      params: BusinessJobParamsSchema,
      response: { 200: listOf(SpecVersionSummarySchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({
      items: await s.versions.list(scopeOf(req)),
    }),
  });
  r.get(`${one}/versions/:version`, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'One version of the specification',
      params: VersionParamsSchema,
      response: { 200: SpecVersionSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.versions.get(scopeOf(req)),
  });
  r.get(`${one}/diff`, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'What changed in the specification between two versions',
      params: BusinessJobParamsSchema,
      querystring: DiffQuerySchema,
      response: { 200: SpecDiffSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.versions.diff(scopeOf(req), req.query),
  });
  r.get(`${one}/spec-views`, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'Who has seen which version of the specification',
      params: BusinessJobParamsSchema,
      response: { 200: listOf(SpecViewSchema), ...problems(401, 403, 404) },
    },
    handler: async (req) => ({
      items: await s.versions.views(scopeOf(req)),
    }),
  });

  r.get(`${one}/invitations`, {
    config: { access: 'jobs.read' },
    schema: {
      tags,
      summary: 'Professionals invited to the job',
      params: BusinessJobParamsSchema,
      response: { 200: JobInvitationListSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => s.invitations.list(scopeOf(req)),
  });
  r.post(`${one}/invitations`, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Invite someone to the job by e-mail, whether or not they have an account yet',
      description:
        'Answers 202 with the address, the same whether or not the address has an account (and whether or not it was invited before). A professional is invited at once; any other address gets an e-mail asking them to sign up, and the invitation waits (see `pending` in the list) until someone verifies that address.',
      params: BusinessJobParamsSchema,
      body: InviteToJobSchema,
      response: {
        202: JobInvitationSentSchema,
        ...problems(401, 403, 404, 409),
      },
    },
    handler: async (req, reply) =>
      reply.status(202).send(await s.invitations.invite(scopeOf(req), req.body.email)),
  });
  r.delete(`${one}/invitations/:userId`, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Withdraw an invitation',
      params: InvitationParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.invitations.remove({
        userId: requireCaller(req).userId,
        businessId: req.params.businessId,
        jobId: req.params.jobId,
        professionalId: req.params.userId,
      });
      return reply.status(204).send(null);
    },
  });

  r.delete(`${one}/email-invitations/:email`, {
    config: { access: 'jobs.manage' },
    schema: {
      tags,
      summary: 'Withdraw an e-mail invitation nobody has claimed yet',
      params: PendingInvitationParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.invitations.removePending(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/me/job-invitations', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Published jobs you are invited to, latest invitation first',
      response: { 200: listOf(BoardJobSchema), ...problems(401) },
    },
    handler: async (req) => ({ items: await s.invitations.mine(requireCaller(req)) }),
  });

  r.get('/api/v1/skills', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Skills whose name contains q, the most asked-for first (autocomplete; no sign-in)',
      querystring: SkillQuerySchema,
      response: { 200: listOf(SkillSchema) },
    },
    handler: async (req) => ({ items: await s.templates.skills(req.query.q, req.query.limit) }),
  });

  r.get('/api/v1/job-templates', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Starting points for a job, per kind of work',
      response: { 200: listOf(JobTemplateSchema), ...problems(401) },
    },
    handler: async (req) => {
      requireCaller(req);
      return { items: await s.templates.list() };
    },
  });
  r.patch('/api/v1/admin/job-templates/:slug', {
    config: { access: 'templates.manage' },
    schema: {
      tags,
      summary: 'Edit a job template (admin)',
      params: TemplateParamsSchema,
      body: UpdateJobTemplateSchema,
      response: { 200: JobTemplateSchema, ...problems(401, 403, 404) },
    },
    handler: async (req) => {
      requireAdmin(req);
      return s.templates.update(req.params, req.body);
    },
  });
}
