import type { Config } from '../../env.ts';
import { badRequest, unauthorized } from '../../lib/errors.ts';
import type { Tx } from '../../db/client.ts';
import { authorizeBusiness } from '../accounts/policy.ts';

export type Mode = Config['mode'];

/**
 * Who may search the directory, and as which business. On a marketplace anyone may, anonymous
 * or not; a `businessId` (the viewer's business, for its terms, pool and trusted colleagues)
 * needs `talent.read` in it (non-member 404, as every business route). In a private workspace
 * nothing is public: only members, and only through their business (its private pool).
 */
export async function authorizeDirectory(
  tx: Tx,
  mode: Mode,
  userId: string | null,
  businessId: string | undefined,
): Promise<void> {
  if (mode === 'workspace') {
    if (!userId) throw unauthorized();
    if (!businessId) {
      throw badRequest('In a private workspace the directory shows a business’s own pool.', [
        { path: 'querystring.businessId', message: 'Required in a private workspace' },
      ]);
    }
  }
  if (businessId) {
    if (!userId) throw unauthorized();
    await authorizeBusiness(tx, businessId, userId, 'talent.read');
  }
}
