import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { users } from './auth.ts';

/**
 * One row per `Idempotency-Key` a caller sent (lib/idempotency.ts): the request it was first
 * used for and, once answered, the answer to replay. A row without `status` is a request still
 * running. Rows live 24 hours (`expiresAt`); an expired key is free to be used again.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    /** `POST /api/v1/businesses/…`: the method and path the key was first used with. */
    request: text().notNull(),
    /** SHA-256 of the request's body, so the same key with another body is refused. */
    fingerprint: text().notNull(),
    status: integer(),
    contentType: text(),
    body: text(),
    createdAt: ts().notNull(),
    expiresAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index().on(t.expiresAt)],
);
