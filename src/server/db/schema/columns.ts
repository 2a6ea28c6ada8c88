import { bigint, text, timestamp } from 'drizzle-orm/pg-core';

/** Every instant is stored as `timestamptz` (UTC) and read as a Date. */
export const ts = () => timestamp({ withTimezone: true, mode: 'date' });

/**
 * An uploaded file's columns, shared by the tables of attachments (jobs, bids, trials): its
 * name as uploaded, its type detected from the content (never taken from the upload), its size,
 * its generated name under DATA_DIR/files, and its SHA-256.
 */
export const storedFile = () => ({
  name: text().notNull(),
  contentType: text().notNull(),
  size: bigint({ mode: 'number' }).notNull(),
  storageKey: text().notNull().unique(),
  sha256: text().notNull(),
});
