/**
 * Who is a party to a contract, and what that lets them do. Today the parties are the
 * business (its members, by role: every member reads, owners award and withdraw) and the
 * professional; the Work issue adds a hired QA reviewer as one more kind of party here, and
 * every route that reads a contract goes through this one function.
 * Anyone who is not a party gets 404: a contract's existence does not leak.
 */
import { roleCan, type BusinessRole } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findRole } from '../accounts/queries.ts';
import { findContract, type ContractRecord } from './queries.ts';

export type ContractParty = { kind: 'business'; role: BusinessRole } | { kind: 'professional' };

export interface ContractScope extends UserScope {
  readonly contractId: string;
}
export interface BusinessContractScope extends BusinessScope {
  readonly contractId: string;
}

/** The caller's part in the contract, or 404. */
export async function authorizeContract(
  tx: Tx,
  { contractId, userId }: ContractScope,
  options: { forUpdate?: boolean } = {},
): Promise<{ record: ContractRecord; party: ContractParty }> {
  const record = await findContract(tx, contractId, options);
  if (!record) throw notFound('Contract');
  if (record.contract.professionalId === userId) return { record, party: { kind: 'professional' } };
  const role = await findRole(tx, record.contract.businessId, userId);
  if (role && roleCan(role, 'contracts.read')) return { record, party: { kind: 'business', role } };
  throw notFound('Contract');
}

/** Only the professional answers an offer made to them. */
export async function authorizeOfferee(tx: Tx, scope: ContractScope): Promise<ContractRecord> {
  const { record, party } = await authorizeContract(tx, scope, { forUpdate: true });
  if (party.kind !== 'professional') throw notFound('Contract');
  return record;
}

/** A member of the business acting on one of its contracts, as the permissions table allows. */
export async function authorizeBusinessContract(
  tx: Tx,
  { businessId, contractId, userId }: BusinessContractScope,
  action: 'contracts.read' | 'contracts.award',
  options: { forUpdate?: boolean } = {},
): Promise<ContractRecord> {
  await authorizeBusiness(tx, businessId, userId, action);
  const record = await findContract(tx, contractId, options);
  if (!record || record.contract.businessId !== businessId) throw notFound('Contract');
  return record;
}
