import { contractAbilities } from '../../../core/contract-access.ts';
import type { Contract } from '../../../core/contracts/offers.ts';
import type { ContractParty } from './policy.ts';
import type { ContractRecord } from './queries.ts';

/**
 * A contract as one party sees it. The offer's history is read from its own columns (offered,
 * then one answer); the Work issue's contract events will extend it.
 */
export function presentContract(r: ContractRecord, party: ContractParty): Contract {
  const c = r.contract;
  const history: Contract['history'] = [
    { kind: 'offered', at: c.offeredAt.toISOString(), by: r.offeredByName },
  ];
  if (c.respondedAt) {
    const answered =
      c.status === 'withdrawn' ? 'withdrawn' : c.status === 'declined' ? 'declined' : 'accepted';
    history.push({
      kind: answered,
      at: c.respondedAt.toISOString(),
      by: answered === 'withdrawn' ? r.businessName : r.professionalName,
    });
  }
  const offered = c.status === 'offered';
  return {
    id: c.id,
    jobId: c.jobId,
    jobTitle: r.jobTitle,
    bidId: c.bidId,
    business: { id: c.businessId, name: r.businessName },
    professional: { id: c.professionalId, name: r.professionalName },
    status: c.status,
    title: c.title,
    termsType: c.termsType,
    currency: c.currency,
    amount: c.amount,
    milestones: c.milestones,
    hourlyRate: c.hourlyRate,
    weeklyCapHours: c.weeklyCapHours,
    startDate: c.startDate,
    offerMessage: c.offerMessage,
    declineReason: c.declineReason,
    otherBiddersMessage: party.kind === 'business' ? c.otherBiddersMessage : null,
    offeredAt: c.offeredAt.toISOString(),
    respondedAt: c.respondedAt?.toISOString() ?? null,
    history,
    viewer: {
      party: party.kind,
      abilities: contractAbilities(party),
      canRespond: offered && party.kind === 'professional',
      canWithdraw: offered && party.kind === 'business' && party.role === 'owner',
    },
  };
}
