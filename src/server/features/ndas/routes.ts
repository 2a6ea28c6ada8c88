import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { BusinessParamsSchema } from '../../../core/contracts/common.ts';
import {
  AcknowledgeSpecSchema,
  CreateNdaTemplateSchema,
  JobIdParamsSchema,
  JobNdaOverviewSchema,
  JobNdaParamsSchema,
  JobNdaTemplateSchema,
  MyNdaSchema,
  NdaStateSchema,
  NdaTemplateListSchema,
  NdaTemplateParamsSchema,
  NdaTemplateSchema,
  ProfessionalNdaParamsSchema,
  ProfessionalSpecSchema,
  SignNdaSchema,
  SpecAcknowledgedSchema,
  SpecAttachmentParamsSchema,
  UpdateNdaTemplateSchema,
} from '../../../core/contracts/ndas.ts';
import { contentDisposition } from '../../lib/files.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { createNdaService } from './ndas.ts';
import type { createSpecService } from './spec.ts';
import type { createNdaTemplateService } from './templates.ts';

export interface NdaServices {
  templates: ReturnType<typeof createNdaTemplateService>;
  ndas: ReturnType<typeof createNdaService>;
  spec: ReturnType<typeof createSpecService>;
}

const FileSchema = z.string().meta({ description: 'The file’s bytes', format: 'binary' });

/** A download never rendered inside our origin (as the jobs feature's attachments). */
function download(
  reply: FastifyReply,
  file: { name: string; contentType: string; size: number; body: unknown },
) {
  return reply
    .type(file.contentType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

const pdfFile = ({ pdf, jobTitle }: { pdf: Buffer; jobTitle: string }) => ({
  name: `NDA - ${jobTitle}.pdf`,
  contentType: 'application/pdf',
  size: pdf.length,
  body: pdf,
});

/** NDA templates, a job's NDAs (business side), a professional's NDA and the specification. */
export function ndaRoutes(app: FastifyInstance, s: NdaServices) {
  const r = typed(app);
  const tags = ['ndas'];
  const templates = '/api/v1/businesses/:businessId/nda-templates';
  const jobNdas = '/api/v1/businesses/:businessId/jobs/:jobId/ndas';
  const mine = '/api/v1/jobs/:jobId';

  r.get(templates, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'The business’s NDA templates (the default first) and the starter text',
      params: BusinessParamsSchema,
      response: { 200: NdaTemplateListSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.templates.list(scopeOf(req)),
  });
  r.post(templates, {
    config: { access: 'ndas.manage' },
    schema: {
      tags,
      summary:
        'Add an NDA template (Markdown with {{business}}, {{professional}}, {{job}}, {{date}})',
      params: BusinessParamsSchema,
      body: CreateNdaTemplateSchema,
      response: { 201: NdaTemplateSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.templates.create(scopeOf(req), req.body)),
  });
  r.patch(`${templates}/:templateId`, {
    config: { access: 'ndas.manage' },
    schema: {
      tags,
      summary: 'Change an NDA template; NDAs already sent keep their text',
      params: NdaTemplateParamsSchema,
      body: UpdateNdaTemplateSchema,
      response: { 200: NdaTemplateSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.templates.update(scopeOf(req), req.body),
  });
  r.delete(`${templates}/:templateId`, {
    config: { access: 'ndas.manage' },
    schema: {
      tags,
      summary: 'Archive an NDA template; jobs that named it send the default from now on',
      params: NdaTemplateParamsSchema,
      response: { 204: NoContent, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await s.templates.remove(scopeOf(req));
      return reply.status(204).send(null);
    },
  });

  r.get(jobNdas, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary:
        'A job’s NDAs: its template, who was sent one, who signed, which specification version each acknowledged',
      params: JobNdaParamsSchema,
      response: { 200: JobNdaOverviewSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.ndas.overview(scopeOf(req)),
  });
  r.put(`/api/v1/businesses/:businessId/jobs/:jobId/nda-template`, {
    config: { access: 'ndas.manage' },
    schema: {
      tags,
      summary: 'Choose the NDA template the job sends (null: the business’s default)',
      params: JobNdaParamsSchema,
      body: JobNdaTemplateSchema,
      response: { 200: JobNdaOverviewSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.ndas.setTemplate(scopeOf(req), req.body.templateId),
  });
  r.post(`${jobNdas}/:professionalId/send`, {
    config: { access: 'ndas.manage' },
    schema: {
      tags,
      summary: 'Send the NDA to a shortlisted professional, or remind them of an unsigned one',
      description:
        '409 when the job requires no NDA, the bid is not shortlisted, or the NDA is already signed.',
      params: ProfessionalNdaParamsSchema,
      response: { 200: NdaStateSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.ndas.send(scopeOf(req)),
  });
  r.get(`${jobNdas}/:professionalId/pdf`, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'A professional’s signed NDA as PDF: the text and the signature block',
      params: ProfessionalNdaParamsSchema,
      produces: ['application/pdf'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => download(reply, pdfFile(await s.ndas.businessPdf(scopeOf(req)))),
  });

  r.get(`${mine}/nda`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your NDA for the job: the exact text to sign and its SHA-256',
      params: JobIdParamsSchema,
      response: { 200: MyNdaSchema, ...problems(401, 404) },
    },
    handler: (req) => s.ndas.mine(scopeOf(req)),
  });
  r.post(`${mine}/nda/sign`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Sign your NDA: your full name, “I agree”, and the SHA-256 of the text you read',
      description:
        'The name must be your account’s name (case, accents, punctuation and spaces aside). A hash other than the current text’s is 409: the text changed, read it again.',
      params: JobIdParamsSchema,
      body: SignNdaSchema,
      response: { 200: MyNdaSchema, ...problems(400, 401, 404, 409) },
    },
    handler: (req) =>
      s.ndas.sign(scopeOf(req), req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? 'unknown',
      }),
  });
  r.get(`${mine}/nda/pdf`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your signed NDA as PDF',
      params: JobIdParamsSchema,
      produces: ['application/pdf'],
      response: { 200: FileSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) => download(reply, pdfFile(await s.ndas.myPdf(scopeOf(req)))),
  });

  r.get(`${mine}/spec`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary:
        'The full specification, for a professional whose bid is shortlisted or awarded (with the NDA signed, if required)',
      description:
        'Not on the shortlist: 404. On it without the required NDA signed: 403. Includes what changed since the version you last acknowledged.',
      params: JobIdParamsSchema,
      response: { 200: ProfessionalSpecSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.spec.read(scopeOf(req)),
  });
  r.post(`${mine}/spec/acknowledge`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: '“I have read the changes”: acknowledge the current version of the specification',
      params: JobIdParamsSchema,
      body: AcknowledgeSpecSchema,
      response: { 200: SpecAcknowledgedSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.spec.acknowledge(scopeOf(req), req.body.version),
  });
  r.get(`${mine}/spec/attachments/:attachmentId`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Download a file of the specification, under the same rule as the specification',
      params: SpecAttachmentParamsSchema,
      produces: ['application/octet-stream'],
      response: { 200: FileSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      const file = await s.spec.attachment(scopeOf(req));
      return download(reply, {
        ...file,
        contentType:
          file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
      });
    },
  });
}
