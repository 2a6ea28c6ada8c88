/**
 * Making one of a contract's issues, numbered `#N` within the contract. The issues feature's
 * routes call it, and so do other parts of the workspace (an action item in a meeting's minutes
 * becomes an issue in one click). Runs in the caller's transaction; the caller has checked that
 * the person may write issues on this contract.
 */
import type { WorkIssuePriority } from '../../../core/work.ts';
import type { Tx } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { publishContractChange } from '../contracts/live.ts';
import { insertWorkIssue, positionAtEnd, takeIssueNumber, type WorkIssueRow } from './queries.ts';

export interface NewWorkIssue {
  contractId: string;
  title: string;
  description?: string;
  priority?: WorkIssuePriority;
  labels?: string[];
  assigneeId?: string | null;
  sourceMeetingId?: string | null;
  createdBy: string;
  now: Date;
}

export async function createWorkIssue(tx: Tx, input: NewWorkIssue): Promise<WorkIssueRow> {
  const number = await takeIssueNumber(tx, input.contractId);
  const row = await insertWorkIssue(tx, {
    id: newId(),
    contractId: input.contractId,
    number,
    title: input.title,
    description: input.description ?? '',
    priority: input.priority ?? 'medium',
    labels: input.labels ?? [],
    assigneeId: input.assigneeId ?? null,
    position: await positionAtEnd(tx, input.contractId, 'open'),
    sourceMeetingId: input.sourceMeetingId ?? null,
    createdBy: input.createdBy,
    createdAt: input.now,
    updatedAt: input.now,
  });
  await publishContractChange(tx, input.contractId, 'issues');
  return row;
}
