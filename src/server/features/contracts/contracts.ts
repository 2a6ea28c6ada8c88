/** Reading contracts: one (for either party), a business's, and a professional's own. */
import type { Contract } from '../../../core/contracts/offers.ts';
import type { Db } from '../../db/client.ts';
import type { BusinessScope, UserScope } from '../../lib/scope.ts';
import { authorizeBusiness } from '../accounts/policy.ts';
import { authorizeContract, type ContractScope } from './policy.ts';
import { presentContract } from './present.ts';
import { listBusinessContracts, listProfessionalContracts } from './queries.ts';

export function createContractService({ db }: { db: Db }) {
  return {
    async get(scope: ContractScope): Promise<Contract> {
      return db.transaction(async (tx) => {
        const { record, party } = await authorizeContract(tx, scope);
        return presentContract(record, party);
      });
    },

    async listForBusiness(scope: BusinessScope): Promise<{ items: Contract[] }> {
      return db.transaction(async (tx) => {
        const role = await authorizeBusiness(tx, scope.businessId, scope.userId, 'contracts.read');
        const rows = await listBusinessContracts(tx, scope.businessId);
        return { items: rows.map((r) => presentContract(r, { kind: 'business', role })) };
      });
    },

    async listMine(scope: UserScope): Promise<{ items: Contract[] }> {
      return db.transaction(async (tx) => {
        const rows = await listProfessionalContracts(tx, scope.userId);
        return { items: rows.map((r) => presentContract(r, { kind: 'professional' })) };
      });
    },
  };
}
