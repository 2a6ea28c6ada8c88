import { timestamp } from 'drizzle-orm/pg-core';

/** Every instant is stored as `timestamptz` (UTC) and read as a Date. */
export const ts = () => timestamp({ withTimezone: true, mode: 'date' });
