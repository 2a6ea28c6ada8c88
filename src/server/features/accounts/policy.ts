import { roleCan, type BusinessAction, type BusinessRole } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { findRole } from './queries.ts';

/**
 * Who may act on a business: its members, as their role allows. A non-member gets 404 (the
 * business's existence does not leak); a member whose role does not allow the action gets 403.
 * Returns the caller's role.
 */
export async function authorizeBusiness(
  tx: Tx,
  businessId: string,
  userId: string,
  action: BusinessAction,
): Promise<BusinessRole> {
  const role = await findRole(tx, businessId, userId);
  if (!role) throw notFound('Business');
  if (!roleCan(role, action))
    throw forbidden(`A ${role} cannot do this; ask an owner of the business.`);
  return role;
}
