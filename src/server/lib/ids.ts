import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';

/** Every row's id: UUIDv7, time-ordered so that primary-key indexes stay compact. */
export const newId = (): string => uuidv7();

/** A URL-safe random secret with a readable prefix, e.g. `hnd_…` for API tokens. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
