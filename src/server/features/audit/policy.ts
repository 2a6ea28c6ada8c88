import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { BusinessScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findAudit, type AuditRow } from './queries.ts';

/** A call on one audit of a business. */
export interface AuditScope extends BusinessScope {
  readonly auditId: string;
}

/**
 * The audit, after checking the caller may run the business's audits: the business's policy
 * first (non-member → 404, role without `audit.manage` → 403), then the audit must belong to
 * that business (else 404). `lock` locks its row in the caller's transaction (see findAudit).
 */
export async function authorizeAudit(
  tx: Tx,
  userId: string,
  businessId: string,
  auditId: string,
  lock?: 'update' | 'share',
): Promise<AuditRow> {
  await authorizeBusiness(tx, businessId, userId, 'audit.manage');
  const audit = await findAudit(tx, businessId, auditId, lock);
  if (!audit) throw notFound('Audit');
  return audit;
}
