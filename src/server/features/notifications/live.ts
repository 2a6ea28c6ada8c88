/**
 * Live notifications across instances. `notify` and marking read send NOTIFY on
 * {@link LIVE_CHANNEL} inside their transaction; every Handoff instance LISTENs on one
 * dedicated connection (a pool client would go back to the pool and stop listening) and writes
 * server-sent events to the open streams of the person each message names.
 */
import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { z } from 'zod';
import { ContractChangeEventSchema } from '../../../core/contracts/offers.ts';
import {
  NotificationEventSchema,
  type NotificationEvent,
} from '../../../core/contracts/notifications.ts';
import { CONTRACT_TOPICS } from '../../../core/work.ts';
import type { Db } from '../../db/client.ts';
import { presentNotification } from './present.ts';
import { countUnread, findNotification, LIVE_CHANNEL } from './queries.ts';

/** Idle proxies drop a silent response after 30–60 s; a comment every 25 s keeps it open. */
const HEARTBEAT_MS = 25_000;
/** Reconnecting after the listening connection drops: first wait, doubled up to the last. */
const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 30_000;

const LiveMessageSchema = z.union([
  z.object({ userId: z.uuid(), notificationId: z.uuid() }),
  z.object({ userId: z.uuid(), read: z.literal(true) }),
  z.object({ userId: z.uuid(), contractId: z.uuid(), topic: z.enum(CONTRACT_TOPICS) }),
]);

export interface LiveHub {
  /** Connects and LISTENs; resolves once this instance hears every message sent after it. */
  start(): Promise<void>;
  /** A person's event stream, open until they leave or the server closes. */
  open(userId: string): PassThrough;
  /** Ends every open stream, so that the HTTP server can close (a `preClose` hook). */
  endStreams(): void;
  /** Stops listening for good (an `onClose` hook). */
  stop(): Promise<void>;
}

function frame(event: string, data: NotificationEvent): string {
  // Parsed through the contract: only its fields reach the wire.
  return `event: ${event}\ndata: ${JSON.stringify(NotificationEventSchema.parse(data))}\n\n`;
}

export function createLiveHub({
  db,
  connection,
  log,
}: {
  db: Db;
  /** How to open the dedicated connection: the pool's own settings. */
  connection: pg.ClientConfig;
  log: FastifyBaseLogger;
}): LiveHub {
  const streams = new Map<string, Set<PassThrough>>();
  let client: pg.Client | null = null;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryDelay = RECONNECT_FIRST_MS;
  // Messages are handled one after another, so each person's events keep commit order.
  let queue: Promise<void> = Promise.resolve();

  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const s of set) s.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function write(userId: string, text: string) {
    for (const s of streams.get(userId) ?? []) s.write(text);
  }

  async function deliver(payload: string | undefined) {
    let message: z.infer<typeof LiveMessageSchema>;
    try {
      message = LiveMessageSchema.parse(JSON.parse(payload ?? ''));
    } catch {
      log.warn({ payload }, 'Ignored a malformed live notification message');
      return;
    }
    const { userId } = message;
    if (!streams.has(userId)) return;
    if ('contractId' in message) {
      const change = ContractChangeEventSchema.parse(message);
      return write(userId, `event: contract\ndata: ${JSON.stringify(change)}\n\n`);
    }
    const unread = await countUnread(db, userId);
    if ('read' in message) return write(userId, frame('read', { unread }));
    const row = await findNotification(db, userId, message.notificationId);
    // Gone already (the person was deleted): the count alone is still right.
    write(
      userId,
      frame('notification', row ? { unread, notification: presentNotification(row) } : { unread }),
    );
  }

  /**
   * After a reconnection, messages sent while no one listened are lost: every open stream gets
   * its current count (a `notification` event without a notification) so a client refreshes.
   */
  async function resync() {
    for (const userId of streams.keys()) {
      write(userId, frame('notification', { unread: await countUnread(db, userId) }));
    }
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ ...connection, application_name: 'handoff-live' });
    // An 'error' with no listener would end the process; a dropped connection is retried.
    next.on('error', (error) => dropped(next, error));
    next.on('end', () => dropped(next));
    next.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL) return;
      queue = queue
        .then(() => deliver(msg.payload))
        .catch((error: unknown) =>
          log.error({ err: error }, 'Could not deliver a live notification'),
        );
    });
    try {
      await next.connect();
      await next.query(`listen ${LIVE_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => {});
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
  }

  function dropped(which: pg.Client, error?: Error) {
    if (which !== client || stopped) return;
    client = null;
    log.warn({ err: error }, 'The live notification connection dropped; reconnecting');
    void which.end().catch(() => {});
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect()
        .then(() => {
          retryDelay = RECONNECT_FIRST_MS;
          log.info('The live notification connection is back');
          queue = queue
            .then(resync)
            .catch((error: unknown) => log.error({ err: error }, 'Resync failed'));
        })
        .catch((error: unknown) => {
          log.warn(
            { err: error },
            `Could not reconnect the live notifications; retrying in ${retryDelay * 2} ms`,
          );
          retryDelay = Math.min(retryDelay * 2, RECONNECT_MAX_MS);
          scheduleReconnect();
        });
    }, retryDelay);
  }

  return {
    start: connect,

    open(userId) {
      const stream = new PassThrough();
      let set = streams.get(userId);
      if (!set) streams.set(userId, (set = new Set()));
      set.add(stream);
      stream.once('close', () => {
        set.delete(stream);
        if (set.size === 0 && streams.get(userId) === set) streams.delete(userId);
      });
      // Sent at once so the client sees the response start (headers go out with a first byte);
      // `retry` is how long a browser's EventSource waits before reconnecting.
      stream.write('retry: 5000\n: connected\n\n');
      return stream;
    },

    endStreams() {
      for (const set of streams.values()) for (const s of set) s.end();
    },

    async stop() {
      stopped = true;
      clearInterval(heartbeat);
      if (retryTimer) clearTimeout(retryTimer);
      const last = client;
      client = null;
      for (const set of streams.values()) for (const s of set) s.end();
      await last?.end().catch(() => {});
    },
  };
}
