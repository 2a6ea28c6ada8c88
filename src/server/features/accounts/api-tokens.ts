import type { ApiToken, ApiTokenScope } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserScope } from '../../lib/scope.ts';
import { notFound } from '../../lib/errors.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import { presentApiToken } from './present.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from './queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Personal API tokens: `Authorization: Bearer hnd_…` acts as the person who made the token. */
export function createApiTokenService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** The tokens that still work: revoked and expired ones are gone from the list. */
    async list({ userId }: UserScope): Promise<ApiToken[]> {
      return (await listApiTokens(db, userId, clock.now())).map(presentApiToken);
    },
    /** `expiresInDays: null` (no expiry) is for the test factories; the API always sets one. */
    async create(
      { userId }: UserScope,
      input: { name: string; expiresInDays: number | null; scope: ApiTokenScope },
    ): Promise<ApiToken & { token: string }> {
      const token = newSecret('hnd');
      const now = clock.now();
      const row = await insertApiToken(db, {
        id: newId(),
        userId,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 8),
        scope: input.scope,
        createdAt: now,
        expiresAt:
          input.expiresInDays === null
            ? null
            : new Date(now.getTime() + input.expiresInDays * DAY_MS),
      });
      return { ...presentApiToken(row), token };
    },
    async revoke({ userId, tokenId }: UserScope & { tokenId: string }): Promise<void> {
      if (!(await revokeApiToken(db, userId, tokenId, clock.now()))) throw notFound('API token');
    },
  };
}
