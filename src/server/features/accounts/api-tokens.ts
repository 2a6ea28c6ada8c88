import type { ApiToken } from '../../../core/contracts/accounts.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId, newSecret, sha256 } from '../../lib/ids.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from './queries.ts';

const present = (t: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** Personal API tokens: `Authorization: Bearer hnd_…` acts as the person who made the token. */
export function createApiTokenService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async list(userId: string): Promise<ApiToken[]> {
      return (await listApiTokens(db, userId)).map(present);
    },
    async create(userId: string, name: string): Promise<ApiToken & { token: string }> {
      const token = newSecret('hnd');
      const row = await insertApiToken(db, {
        id: newId(),
        userId,
        name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 8),
        createdAt: clock.now(),
      });
      return { ...present(row), token };
    },
    async revoke(userId: string, tokenId: string): Promise<void> {
      if (!(await revokeApiToken(db, userId, tokenId, clock.now()))) throw notFound('API token');
    },
  };
}
