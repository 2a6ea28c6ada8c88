/**
 * Who may reach a business's pool, notes and lists: its members read (`talent.read`), owners and
 * managers change (`talent.manage`); anyone else gets 404, as for every business resource. The
 * professional a record is about is not a member and never reads it.
 */
import type { Tx } from '../../db/client.ts';
import { authorizeBusiness } from '../accounts/policy.ts';

export type PoolAction = 'talent.read' | 'talent.manage';

export function authorizePool(tx: Tx, businessId: string, userId: string, action: PoolAction) {
  return authorizeBusiness(tx, businessId, userId, action);
}
