import type { RunningTimer, TimeEntry } from '../../../core/contracts/time.ts';
import type { TimeEntryRecord } from './queries.ts';

/** An entry as both parties see it (who made it is the contract's professional). */
export function presentEntry({ entry: e, issue }: TimeEntryRecord): TimeEntry {
  return {
    id: e.id,
    contractId: e.contractId,
    source: e.source,
    startedAt: e.startedAt.toISOString(),
    endedAt: e.endedAt?.toISOString() ?? null,
    minutes: e.minutes,
    memo: e.memo,
    issue,
    weekStart: e.weekStart,
    status: e.status,
    autoApproved: e.autoApproved,
    disputeReason: e.disputeReason,
    reviewedAt: e.reviewedAt?.toISOString() ?? null,
  };
}

export function presentRunning(r: TimeEntryRecord & { contractTitle: string }): RunningTimer {
  return { ...presentEntry(r), contractTitle: r.contractTitle };
}
