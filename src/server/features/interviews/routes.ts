import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { BusinessJobParamsSchema } from '../../../core/contracts/jobs.ts';
import {
  AskOtherTimesSchema,
  AssessInterviewSchema,
  BidInterviewParamsSchema,
  BookInterviewSchema,
  BusinessInterviewParamsSchema,
  BusinessInterviewSchema,
  CancelInterviewSchema,
  InterviewParamsSchema,
  MoveInterviewSchema,
  ProfessionalInterviewSchema,
  ProposeInterviewSchema,
  RescheduleInterviewSchema,
} from '../../../core/contracts/interviews.ts';
import { listOf } from '../../../core/contracts/common.ts';
import { problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { CalendarFile, InterviewService } from './interviews.ts';

const job = '/api/v1/businesses/:businessId/jobs/:jobId';
const one = `${job}/interviews/:interviewId`;
const mine = '/api/v1/interviews/:interviewId';
const CalendarSchema = z.string().meta({ description: 'An iCalendar (RFC 5545) file' });

function sendCalendar(reply: FastifyReply, file: CalendarFile) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.text);
}

/** Interviews: the business's side under its job, the professional's under /interviews. */
export function interviewRoutes(app: FastifyInstance, s: InterviewService) {
  const r = typed(app);
  const tags = ['interviews'];

  r.post(`${job}/bids/:bidId/interviews`, {
    config: { access: 'interviews.manage' },
    schema: {
      tags,
      summary: 'Propose up to five times for an interview about a submitted or shortlisted bid',
      description:
        'The professional is told and picks one (or asks for others). Times in the past are refused, each named. One interview at a time per bid (409).',
      params: BidInterviewParamsSchema,
      body: ProposeInterviewSchema,
      response: { 201: BusinessInterviewSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await s.propose(scopeOf(req), req.body)),
  });
  r.get(`${job}/interviews`, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'The job’s interviews, with the business’s notes and scores',
      params: BusinessJobParamsSchema,
      response: { 200: listOf(BusinessInterviewSchema), ...problems(401, 403, 404) },
    },
    handler: (req) => s.list(scopeOf(req)),
  });
  r.post(`${one}/reschedule`, {
    config: { access: 'interviews.manage' },
    schema: {
      tags,
      summary: 'Propose new times (a booked time is cancelled in both calendars)',
      params: BusinessInterviewParamsSchema,
      body: RescheduleInterviewSchema,
      response: { 200: BusinessInterviewSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.reschedule(scopeOf(req), req.body),
  });
  r.post(`${one}/move`, {
    config: { access: 'interviews.manage' },
    schema: {
      tags,
      summary: 'Move a booked interview to another time (an updated invitation to both sides)',
      params: BusinessInterviewParamsSchema,
      body: MoveInterviewSchema,
      response: { 200: BusinessInterviewSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.move(scopeOf(req), req.body),
  });
  r.post(`${one}/cancel`, {
    config: { access: 'interviews.manage' },
    schema: {
      tags,
      summary: 'Cancel an interview (a booked one is removed from both calendars)',
      params: BusinessInterviewParamsSchema,
      body: CancelInterviewSchema,
      response: { 200: BusinessInterviewSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.cancel(scopeOf(req), req.body),
  });
  r.put(`${one}/assessment`, {
    config: { access: 'interviews.manage' },
    schema: {
      tags,
      summary: 'Notes and a 1–5 score, once the booked time has come',
      params: BusinessInterviewParamsSchema,
      body: AssessInterviewSchema,
      response: { 200: BusinessInterviewSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.assess(scopeOf(req), req.body),
  });
  r.get(`${one}/calendar.ics`, {
    config: { access: 'bids.read' },
    schema: {
      tags,
      summary: 'The booked interview as an .ics file (a cancelled one as its cancellation)',
      params: BusinessInterviewParamsSchema,
      produces: ['text/calendar'],
      response: { 200: CalendarSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => sendCalendar(reply, await s.businessCalendar(scopeOf(req))),
  });

  // The professional's side: their own interviews only (anyone else's is a 404).
  r.get(mine, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'One of my interviews, with the proposed times',
      params: InterviewParamsSchema,
      response: { 200: ProfessionalInterviewSchema, ...problems(401, 404) },
    },
    handler: (req) => s.get(scopeOf(req)),
  });
  r.post(`${mine}/book`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Book one of the proposed times; both sides get the calendar invitation',
      params: InterviewParamsSchema,
      body: BookInterviewSchema,
      response: { 200: ProfessionalInterviewSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.book(scopeOf(req), req.body),
  });
  r.post(`${mine}/other-times`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Ask the business for other times, with a message',
      params: InterviewParamsSchema,
      body: AskOtherTimesSchema,
      response: { 200: ProfessionalInterviewSchema, ...problems(401, 404, 409) },
    },
    handler: (req) => s.askOtherTimes(scopeOf(req), req.body),
  });
  r.get(`${mine}/calendar.ics`, {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'My booked interview as an .ics file',
      params: InterviewParamsSchema,
      produces: ['text/calendar'],
      response: { 200: CalendarSchema, ...problems(401, 404) },
    },
    handler: async (req, reply) => sendCalendar(reply, await s.professionalCalendar(scopeOf(req))),
  });
}
