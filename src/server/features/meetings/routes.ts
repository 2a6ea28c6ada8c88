import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { listOf } from '../../../core/contracts/common.ts';
import {
  ActionItemIssueResultSchema,
  ActionItemIssueSchema,
  BookMeetingSchema,
  CalendarFeedParamsSchema,
  CalendarFeedSchema,
  CalendarFeedStatusSchema,
  MeetingMinutesSchema,
  MeetingParamsSchema,
  MeetingPersonSchema,
  MeetingSchema,
  UpdateMeetingSchema,
} from '../../../core/contracts/meetings.ts';
import { ContractParamsSchema } from '../../../core/contracts/offers.ts';
import { requireCaller } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import { scopeOf } from '../../lib/scope.ts';
import type { CalendarFeedService } from './feeds.ts';
import type { MeetingService } from './meetings.ts';

const list = '/api/v1/contracts/:contractId/meetings';
const one = `${list}/:meetingId`;
const CalendarSchema = z.string().meta({ description: 'An iCalendar (RFC 5545) file' });

function sendCalendar(reply: FastifyReply, filename: string, text: string) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(text);
}

/** A contract's meetings, and each person's calendar feed. */
export function meetingRoutes(
  app: FastifyInstance,
  { meetings: s, feeds }: { meetings: MeetingService; feeds: CalendarFeedService },
) {
  const r = typed(app);
  const tags = ['meetings'];

  r.get(list, {
    config: { access: 'meetings.read' },
    schema: {
      tags,
      summary: 'The contract’s meetings, soonest first (cancelled ones marked)',
      params: ContractParamsSchema,
      response: { 200: listOf(MeetingSchema), ...problems(401, 403, 404) },
    },
    handler: (req) => s.list(scopeOf(req)),
  });
  r.get(`${list}/people`, {
    config: { access: 'meetings.read' },
    schema: {
      tags,
      summary: 'Who a meeting may invite: the professional and the business’s members',
      params: ContractParamsSchema,
      response: { 200: listOf(MeetingPersonSchema), ...problems(401, 403, 404) },
    },
    handler: (req) => s.people(scopeOf(req)),
  });
  r.post(list, {
    config: { access: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Book a meeting; every attendee is e-mailed the calendar invitation',
      description:
        'The start is an instant (the form converts the booker’s wall-clock time). A start in the past and a person who is not on the contract are refused (400, naming the field); an ended contract is 409.',
      params: ContractParamsSchema,
      body: BookMeetingSchema,
      response: { 201: MeetingSchema, ...problems(401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await s.book(scopeOf(req), req.body)),
  });
  r.get(one, {
    config: { access: 'meetings.read' },
    schema: {
      tags,
      summary: 'One meeting, with its minutes and action items',
      params: MeetingParamsSchema,
      response: { 200: MeetingSchema, ...problems(401, 403, 404) },
    },
    handler: (req) => s.get(scopeOf(req)),
  });
  r.patch(one, {
    config: { access: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Edit or move a meeting; attendees get an update (same UID, higher SEQUENCE)',
      description:
        'Someone taken off the attendees gets a cancellation. A cancelled meeting is 409.',
      params: MeetingParamsSchema,
      body: UpdateMeetingSchema,
      response: { 200: MeetingSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.update(scopeOf(req), req.body),
  });
  r.post(`${one}/cancel`, {
    config: { access: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Cancel a meeting: a METHOD:CANCEL invitation to every attendee',
      params: MeetingParamsSchema,
      response: { 200: MeetingSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.cancel(scopeOf(req)),
  });
  r.put(`${one}/minutes`, {
    config: { access: 'meetings.manage' },
    schema: {
      tags,
      summary: 'Write the meeting’s minutes (Markdown; `- [ ] …` lines are action items)',
      params: MeetingParamsSchema,
      body: MeetingMinutesSchema,
      response: { 200: MeetingSchema, ...problems(401, 403, 404, 409) },
    },
    handler: (req) => s.writeMinutes(scopeOf(req), req.body),
  });
  r.post(`${one}/action-items/issue`, {
    config: { access: 'issues.write' },
    schema: {
      tags,
      summary: 'Make an issue of an action item of the minutes (once: again returns the same)',
      description:
        '201 with the new issue; 200 with the issue made before when the item already has one; 400 when the minutes have no such item.',
      params: MeetingParamsSchema,
      body: ActionItemIssueSchema,
      response: {
        200: ActionItemIssueResultSchema,
        201: ActionItemIssueResultSchema,
        ...problems(401, 403, 404),
      },
    },
    handler: async (req, reply) => {
      const result = await s.actionItemIssue(scopeOf(req), req.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  });
  r.get(`${one}/calendar.ics`, {
    config: { access: 'meetings.read' },
    schema: {
      tags,
      summary: 'The meeting as an .ics file (a cancelled one as its cancellation)',
      params: MeetingParamsSchema,
      produces: ['text/calendar'],
      response: { 200: CalendarSchema, ...problems(401, 403, 404) },
    },
    handler: async (req, reply) => {
      const file = await s.calendar(scopeOf(req));
      return sendCalendar(reply, file.filename, file.text);
    },
  });

  // Calendar feeds: the caller's own; the feed itself is read with its secret token alone.
  const feed = '/api/v1/me/calendar-feed';
  const feedTags = ['meetings'];
  r.get(feed, {
    config: { access: 'signedIn' },
    schema: {
      tags: feedTags,
      summary: 'Whether I have a calendar feed (its address is shown only when made)',
      response: { 200: CalendarFeedStatusSchema, ...problems(401) },
    },
    handler: (req) => feeds.status({ userId: requireCaller(req).userId }),
  });
  r.post(feed, {
    config: { access: 'signedIn' },
    schema: {
      tags: feedTags,
      summary: 'Make my calendar feed, revoking any earlier address',
      response: { 201: CalendarFeedSchema, ...problems(401) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await feeds.make({ userId: requireCaller(req).userId })),
  });
  r.delete(feed, {
    config: { access: 'signedIn' },
    schema: {
      tags: feedTags,
      summary: 'Revoke my calendar feed',
      response: { 204: NoContent, ...problems(401) },
    },
    handler: async (req, reply) => {
      await feeds.revoke({ userId: requireCaller(req).userId });
      return reply.status(204).send(null);
    },
  });
  r.get('/api/v1/calendar/:token.ics', {
    config: { access: 'public' },
    schema: {
      tags: feedTags,
      summary:
        'A calendar feed (webcal): every meeting of its owner’s contracts and their booked interviews',
      description: 'The secret token in the address is the only credential; a bad one is 404.',
      params: CalendarFeedParamsSchema,
      produces: ['text/calendar'],
      response: { 200: CalendarSchema, ...problems(404) },
    },
    handler: async (req, reply) => {
      const text = await feeds.feed(req.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(text);
    },
  });
}
