/**
 * Who is a party to a contract, and what that lets them do. The parties are the business (its
 * members, by role), the professional, and any QA reviewer hired on it (`contract_reviewers`);
 * what each may do is the permissions table, read through `core/contract-access.ts`. Every route
 * that reads or changes a contract, or anything inside it, goes through this file.
 * Anyone who is not a party gets 404: a contract's existence does not leak. A party whose role
 * lacks the action gets 403.
 */
import {
  contractCan,
  type ContractAction,
  type ContractParty,
} from '../../../core/contract-access.ts';
import { roleCan } from '../../../core/roles.ts';
import type { Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { findRole } from '../accounts/queries.ts';
import { findContract, isActiveReviewer, type ContractRecord } from './queries.ts';

export type { ContractParty };

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
  if (await isActiveReviewer(tx, contractId, userId))
    return { record, party: { kind: 'reviewer' } };
  throw notFound('Contract');
}

/**
 * The caller's part in the contract when it allows `action` (a workspace row of the permissions
 * table): 404 for someone who is no party, 403 for a party whose role lacks it.
 */
export async function authorizeContractAction(
  tx: Tx,
  scope: ContractScope,
  action: ContractAction,
  options: { forUpdate?: boolean } = {},
): Promise<{ record: ContractRecord; party: ContractParty }> {
  const found = await authorizeContract(tx, scope, options);
  if (!contractCan(found.party, action)) {
    throw forbidden(
      found.party.kind === 'business'
        ? `A ${found.party.role} cannot do this on a contract; ask an owner of the business.`
        : 'Your part in this contract does not allow this.',
    );
  }
  return found;
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
