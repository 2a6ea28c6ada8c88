import type { z } from 'zod';
import { badRequest } from './errors.ts';

/**
 * Keyset pagination, one way for every list. A cursor travels as base64url of a small JSON:
 * opaque to clients, and checked by the list's zod schema on the way back in, so a cursor this
 * list never gave out is a 400 naming `cursor` — never a query Postgres refuses.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A 400 naming the cursor, as every list answers a cursor it cannot use. */
export const badCursor = (message = 'Invalid cursor') =>
  badRequest('The cursor is not one this list gave out.', [
    { path: 'querystring.cursor', message },
  ]);

/** The cursor's value, checked by `schema`; undefined for the first page (no cursor). */
export function decodeCursor<S extends z.ZodType>(
  schema: S,
  text: string | undefined,
): z.output<S> | undefined {
  if (text === undefined || text === '') return undefined;
  // Node's base64 decoder skips characters it does not know; a cursor is only ever ours.
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw badCursor();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

/**
 * One page of a list read with `limit + 1` rows: the first `limit` rows, and the cursor of the
 * last of them when the extra row shows there is more (else null).
 */
export function page<R>(
  rows: R[],
  limit: number,
  cursorOf: (last: R) => unknown,
): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
