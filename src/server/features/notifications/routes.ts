import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  NotificationPageSchema,
  NotificationParamsSchema,
  NotificationPreferencesSchema,
  NotificationsQuerySchema,
  UnreadCountSchema,
  UpdateNotificationPreferencesSchema,
} from '../../../core/contracts/notifications.ts';
import { requireCaller } from '../../lib/caller.ts';
import { NoContent, problems, typed } from '../../lib/route-kit.ts';
import type { LiveHub } from './live.ts';
import type { NotificationService } from './service.ts';

const EventStreamSchema = z.string().meta({ description: 'Server-sent events' });

/** A stream is piped as it is, not serialized against the schema. */
function sendEvents(reply: FastifyReply, stream: Readable) {
  return (
    reply
      .type('text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      // nginx and its kin buffer responses by default, which would hold the events back.
      .header('x-accel-buffering', 'no')
      .send(stream)
  );
}

/** The caller's own notifications and preferences; nobody reads anyone else's. */
export function notificationRoutes(
  app: FastifyInstance,
  { notifications: s, live }: { notifications: NotificationService; live: LiveHub },
) {
  const r = typed(app);
  const tags = ['notifications'];

  r.get('/api/v1/notifications', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Your notifications, newest first, with the unread count',
      querystring: NotificationsQuerySchema,
      response: { 200: NotificationPageSchema, ...problems(401) },
    },
    handler: (req) => {
      const { userId } = requireCaller(req);
      const { cursor, limit, unread } = req.query;
      return s.list({ userId }, { cursor, limit, unread });
    },
  });

  r.get('/api/v1/notifications/unread-count', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'How many of your notifications are unread',
      response: { 200: UnreadCountSchema, ...problems(401) },
    },
    handler: (req) => s.unreadCount({ userId: requireCaller(req).userId }),
  });

  r.post('/api/v1/notifications/:notificationId/read', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Mark one of your notifications read',
      params: NotificationParamsSchema,
      response: { 204: NoContent, ...problems(401, 404) },
    },
    handler: async (req, reply) => {
      await s.markRead({ userId: requireCaller(req).userId }, req.params);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/notifications/read-all', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Mark all your notifications read',
      response: { 204: NoContent, ...problems(401) },
    },
    handler: async (req, reply) => {
      await s.markAllRead({ userId: requireCaller(req).userId });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/notification-preferences', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Where you hear of each type of notification (every type, defaults included)',
      response: { 200: NotificationPreferencesSchema, ...problems(401) },
    },
    handler: (req) => s.preferences({ userId: requireCaller(req).userId }),
  });

  r.put('/api/v1/notification-preferences', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Choose in app, e-mail or off for the listed types',
      body: UpdateNotificationPreferencesSchema,
      response: { 200: NotificationPreferencesSchema, ...problems(401) },
    },
    handler: (req) => s.updatePreferences({ userId: requireCaller(req).userId }, req.body),
  });

  r.get('/api/v1/notifications/stream', {
    config: { access: 'signedIn' },
    schema: {
      tags,
      summary: 'Live updates as server-sent events (text/event-stream)',
      description:
        'Event `notification` (data: NotificationEvent) when one arrives, `read` when your unread count changes because you read something; a comment every 25 s keeps the connection open. A `notification` event without a notification means "refresh": some events may have been missed.',
      produces: ['text/event-stream'],
      response: { 200: EventStreamSchema, ...problems(401) },
    },
    handler: async (req, reply) => {
      const stream = live.open(requireCaller(req).userId);
      // The client left (or the socket died): stop writing to it.
      reply.raw.once('close', () => stream.destroy());
      return sendEvents(reply, stream);
    },
  });
}
