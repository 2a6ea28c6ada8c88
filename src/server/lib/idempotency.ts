/**
 * `Idempotency-Key` on /api/v1 (the IETF httpapi draft's header): a client that sends a
 * state-changing request with a key may send it again — a double click, a retry after a lost
 * answer — and get the first answer back (its status and body) instead of a second record.
 *
 * - A key belongs to its caller: two people may use the same key without meeting.
 * - Same key, same method and path, same body: the stored answer, with `Idempotent-Replayed: true`.
 * - Same key with another method, path or body: 422, nothing runs.
 * - Same key while the first request still runs: 409 with Retry-After; the second never runs.
 * - Answers of 5xx are not kept (the request may be retried); keys expire after 24 hours.
 * - Anonymous requests and requests without the header are untouched.
 * Raw-body uploads are matched by length and type rather than by their bytes, which are streamed
 * to disk, not held.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { HttpProblem } from './errors.ts';
import { sha256 } from './ids.ts';
import { claimKey, findKey, releaseKey, saveAnswer } from './idempotency-queries.ts';
import { isStream } from './raw-body.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * A key still without an answer after this long was left by a process that stopped mid-request;
 * a retry may take it over. Longer than any request runs (a 100,000-row import takes seconds).
 */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Printable ASCII without spaces, as the draft's sf-string allows; a UUID fits easily. */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request owns, until its answer is stored or the key released. */
    idempotency?: { userId: string; key: string; settled: boolean };
  }
}

function fingerprint(request: FastifyRequest): string {
  const body = request.body;
  const what = isStream(body)
    ? `stream ${request.headers['content-type'] ?? ''} ${request.headers['content-length'] ?? ''}`
    : JSON.stringify(body ?? null);
  return sha256(what);
}

/**
 * Registers the hooks. Call after authentication (the key is the caller's) and the rate limit
 * (a refused request does not take a key).
 */
export function registerIdempotency(app: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (key === undefined || !UNSAFE.has(request.method)) return;
    if (!request.url.startsWith('/api/v1/') || !request.caller) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key))
      throw new HttpProblem(400, 'Invalid request', 'The Idempotency-Key header is not valid.', [
        {
          path: 'headers.idempotency-key',
          message: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID',
        },
      ]);
    const userId = request.caller.userId;
    const now = clock.now();
    const claim = {
      userId,
      key,
      request: `${request.method} ${request.url}`,
      fingerprint: fingerprint(request),
    };
    const owned = await claimKey(db, {
      ...claim,
      now,
      expiresAt: new Date(now.getTime() + KEY_LIFETIME_MS),
      abandonedBefore: new Date(now.getTime() - ABANDONED_AFTER_MS),
    });
    if (owned) {
      request.idempotency = { userId, key, settled: false };
      return;
    }
    const row = await findKey(db, userId, key);
    if (!row) {
      // Released between the two statements (its request failed): this one may simply retry.
      reply.header('retry-after', '1');
      throw new HttpProblem(
        409,
        'Conflict',
        'A request with this Idempotency-Key just failed; send it again.',
      );
    }
    if (row.request !== claim.request || row.fingerprint !== claim.fingerprint)
      throw new HttpProblem(
        422,
        'Idempotency-Key already used',
        'This Idempotency-Key was already used for a different request; send a new key for a new request.',
        [{ path: 'headers.idempotency-key', message: 'This key was used for a different request' }],
      );
    if (row.status === null) {
      reply.header('retry-after', '1');
      throw new HttpProblem(
        409,
        'Request in progress',
        'A request with this Idempotency-Key is still running; its answer will be replayed once it is done.',
      );
    }
    reply.header('idempotent-replayed', 'true');
    if (row.contentType) reply.header('content-type', row.contentType);
    return reply.status(row.status).send(row.body || undefined);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const owned = request.idempotency;
    if (!owned || owned.settled) return payload;
    owned.settled = true;
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : payload == null
            ? ''
            : null;
    // A failure may not happen again, and a streamed answer is not held: neither is replayed.
    if (reply.statusCode >= 500 || body === null) await releaseKey(db, owned.userId, owned.key);
    else {
      const type = reply.getHeader('content-type');
      await saveAnswer(db, owned.userId, owned.key, {
        status: reply.statusCode,
        contentType: typeof type === 'string' ? type : null,
        body,
      });
    }
    return payload;
  });

  // The connection went before an answer was sent: the key is freed for the client's retry.
  const release = async (request: FastifyRequest) => {
    const owned = request.idempotency;
    if (!owned || owned.settled) return;
    owned.settled = true;
    await releaseKey(db, owned.userId, owned.key);
  };
  app.addHook('onRequestAbort', release);
  app.addHook('onResponse', release);
}
