/** The rules of a contract's issues that need no I/O. */
import type { ContractStatus } from './hiring.ts';
import type { WorkIssueStatus } from './work.ts';

/** Done and won't do close an issue; the other columns are open work. */
export function isClosedStatus(status: WorkIssueStatus): boolean {
  switch (status) {
    case 'open':
    case 'in_progress':
    case 'in_review':
      return false;
    case 'done':
    case 'wont_do':
      return true;
    default:
      return status satisfies never;
  }
}

/**
 * `closedAt` after a status change: set when an issue closes, kept when it moves between the
 * two closed columns (it closed then, not now), cleared when it is reopened.
 */
export function closedAtAfter(
  from: WorkIssueStatus,
  to: WorkIssueStatus,
  closedAt: Date | null,
  now: Date,
): Date | null {
  if (!isClosedStatus(to)) return null;
  return isClosedStatus(from) ? (closedAt ?? now) : now;
}

/**
 * Why the contract's issues cannot be changed now, or null. Issues are work on a running
 * contract: an offer has none yet, and an ended contract keeps its tracker as a record.
 */
export function issuesRefusal(status: ContractStatus): string | null {
  switch (status) {
    case 'active':
    case 'paused':
      return null;
    case 'offered':
      return 'The contract is still an offer; issues open once it is accepted.';
    case 'declined':
    case 'withdrawn':
      return 'This offer did not become a contract, so it has no issues.';
    case 'completed':
    case 'cancelled':
      return 'The contract has ended; its issues are kept as they are.';
    default:
      return status satisfies never;
  }
}
