import { contractAbilities, contractCan } from '../../../core/contract-access.ts';
import type { Amendment } from '../../../core/contracts/contract-changes.ts';
import type { AmendmentRow } from './change-queries.ts';
import { ContractEventSchema, type Contract } from '../../../core/contracts/offers.ts';
import type { ContractParty } from './policy.ts';
import type { ContractRecord } from './queries.ts';

/** What a contract's page shows besides its own row: its events and its people. */
export interface ContractExtras {
  events: { kind: string; detail: Record<string, unknown>; at: Date; by: string | null }[];
  people: Contract['people'];
}

const NO_EXTRAS: ContractExtras = { events: [], people: [] };

/**
 * A contract as one party sees it. The offer's history is read from its own columns (offered,
 * then one answer); what came after (pauses, amendments, the end) from its events.
 */
export function presentContract(
  r: ContractRecord,
  party: ContractParty,
  extras: ContractExtras = NO_EXTRAS,
): Contract {
  const c = r.contract;
  const history: Contract['history'] = [
    { kind: 'offered', at: c.offeredAt.toISOString(), by: r.offeredByName, note: null },
  ];
  if (c.respondedAt) {
    const answered =
      c.status === 'withdrawn' ? 'withdrawn' : c.status === 'declined' ? 'declined' : 'accepted';
    history.push({
      kind: answered,
      at: c.respondedAt.toISOString(),
      by: answered === 'withdrawn' ? r.businessName : r.professionalName,
      note: null,
    });
  }
  for (const e of extras.events) {
    const kind = ContractEventSchema.shape.kind.safeParse(e.kind);
    if (!kind.success) continue;
    const note = typeof e.detail.note === 'string' ? e.detail.note : null;
    history.push({ kind: kind.data, at: e.at.toISOString(), by: e.by, note });
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
    endDate: c.endDate,
    totalBudget: c.totalBudget,
    reportCadence: c.reportCadence,
    reportWeekday: c.reportWeekday,
    activatedAt: c.activatedAt?.toISOString() ?? null,
    pausedAt: c.pausedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    endReason: c.endReason,
    people: extras.people,
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

/** An amendment as one party sees it: what it changes, and what they may do with it now. */
export function presentAmendment(
  {
    row,
    proposedByName,
    respondedByName,
  }: {
    row: AmendmentRow;
    proposedByName: string | null;
    respondedByName: string | null;
  },
  party: ContractParty,
): Amendment {
  const side = party.kind === 'professional' ? 'professional' : 'business';
  const waiting = row.status === 'proposed' && contractCan(party, 'contract.amend');
  return {
    id: row.id,
    contractId: row.contractId,
    kind: row.kind,
    status: row.status,
    proposedBySide: row.proposedBySide,
    proposedBy: proposedByName,
    changes: row.changes,
    before: row.before,
    milestone: row.milestone ?? null,
    message: row.message,
    respondedBy: respondedByName,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    responseNote: row.responseNote,
    createdAt: row.createdAt.toISOString(),
    viewer: {
      canAnswer: waiting && row.proposedBySide !== side,
      canWithdraw: waiting && row.proposedBySide === side,
    },
  };
}
