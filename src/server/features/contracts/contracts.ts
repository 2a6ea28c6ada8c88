/** Reading contracts: one (for any party), a business's, and a professional's own. */
import type { Contract } from '../../../core/contracts/offers.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { listEvents, listMembers, listReviewers } from './change-queries.ts';
import { authorizeContract, type ContractParty, type ContractScope } from './policy.ts';
import { presentContract, type ContractExtras } from './present.ts';
import {
  listBusinessContracts,
  listProfessionalContracts,
  type ContractRecord,
} from './queries.ts';

/** The events and people of these contracts, in three queries whatever their number. */
async function extrasOf(tx: Tx, records: ContractRecord[]): Promise<Map<string, ContractExtras>> {
  const ids = records.map((r) => r.contract.id);
  // One after another: every caller passes a transaction, whose one connection runs one query at
  // a time (pg 9 refuses a second while the first runs).
  const events = await listEvents(tx, ids);
  const members = await listMembers(tx, [...new Set(records.map((r) => r.contract.businessId))]);
  const reviewers = await listReviewers(tx, ids);
  const out = new Map<string, ContractExtras>();
  for (const r of records) {
    const c = r.contract;
    out.set(c.id, {
      events: events.filter((e) => e.contractId === c.id),
      people: [
        ...members
          .filter((m) => m.businessId === c.businessId)
          .map((m) => ({ id: m.id, name: m.name, side: 'business' as const })),
        { id: c.professionalId, name: r.professionalName, side: 'professional' as const },
        ...reviewers
          .filter((v) => v.contractId === c.id)
          .map((v) => ({ id: v.id, name: v.name, side: 'reviewer' as const })),
      ],
    });
  }
  return out;
}

/** Contracts as one party sees them, with their events and people. */
export async function presentContracts(
  tx: Tx,
  records: ContractRecord[],
  party: ContractParty,
): Promise<Contract[]> {
  const extras = await extrasOf(tx, records);
  return records.map((r) => presentContract(r, party, extras.get(r.contract.id)));
}

/** One contract as one party sees it, with its events and people. */
export async function presentOne(
  tx: Tx,
  record: ContractRecord,
  party: ContractParty,
): Promise<Contract> {
  const [contract] = await presentContracts(tx, [record], party);
  return contract!;
}

export function createContractService({ db }: { db: Db }) {
  return {
    async get(scope: ContractScope): Promise<Contract> {
      return db.transaction(async (tx) => {
        const { record, party } = await authorizeContract(tx, scope);
        return presentOne(tx, record, party);
      });
    },

    async listForBusiness(scope: BusinessScope): Promise<{ items: Contract[] }> {
      return db.transaction(async (tx) => {
        const role = await authorizeBusiness(tx, scope.businessId, scope.userId, 'contracts.read');
        const rows = await listBusinessContracts(tx, scope.businessId);
        return { items: await presentContracts(tx, rows, { kind: 'business', role }) };
      });
    },

    async listMine(scope: UserScope): Promise<{ items: Contract[] }> {
      return db.transaction(async (tx) => {
        const rows = await listProfessionalContracts(tx, scope.userId);
        return { items: await presentContracts(tx, rows, { kind: 'professional' }) };
      });
    },
  };
}
