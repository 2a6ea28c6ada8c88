/**
 * The checks every tracking call shares: the contract tracks time (hourly, active), the week is
 * still open for entries, an issue reference is this contract's, and the weekly cap.
 */
import { autoApproveAt, capRefusal, issueNumberOf } from '../../../core/time-entries.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, HttpProblem } from '../../lib/errors.ts';
import type { ContractRecord } from '../contracts/queries.ts';
import { findIssue, weekMinutes, type IssueRef } from './queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Time is tracked on a running hourly contract only. */
export function requireTracking(record: ContractRecord) {
  const c = record.contract;
  if (c.termsType !== 'hourly')
    throw conflict('This contract has a fixed price: time is tracked on hourly contracts only.');
  if (c.status !== 'active')
    throw conflict(
      `This contract is ${c.status}: time can be tracked only while the contract is active.`,
    );
}

/**
 * A week takes entries until its entries are approved automatically: after that the business
 * has had its say (or its chance), and a new entry would slip in unreviewed.
 */
export function requireWeekOpen(weekStart: string, timeZone: string, now: Date, field: string) {
  const closes = autoApproveAt(weekStart, timeZone);
  if (closes <= now)
    throw new HttpProblem(
      409,
      'Conflict',
      `The week of ${weekStart} closed for review on ${closes.toISOString().slice(0, 10)}; time can no longer be added to it or changed.`,
      [{ path: field, message: 'This week is closed' }],
    );
}

/** Resolves `#12`, `12` or an issue id to one of this contract's issues (null for none). */
export async function resolveIssue(
  tx: Tx,
  contractId: string,
  reference: string | null,
): Promise<IssueRef | null> {
  if (reference === null || reference.trim() === '') return null;
  const number = issueNumberOf(reference);
  const issue =
    number !== null
      ? await findIssue(tx, contractId, { number })
      : UUID.test(reference.trim())
        ? await findIssue(tx, contractId, { id: reference.trim() })
        : null;
  if (!issue)
    throw badRequest(`There is no issue ${reference} on this contract.`, [
      { path: 'body.issue', message: 'No such issue on this contract; use its number, like #3' },
    ]);
  return issue;
}

/** Refuses an entry of `minutes` that would take the week past the contract's cap. */
export async function requireUnderCap(
  tx: Tx,
  record: ContractRecord,
  weekStart: string,
  minutes: number,
  exceptEntryId?: string,
) {
  const cap = record.contract.weeklyCapHours;
  if (cap === null) return;
  const used = await weekMinutes(tx, record.contract.id, weekStart, exceptEntryId);
  const refusal = capRefusal(used, minutes, cap);
  if (refusal)
    throw new HttpProblem(409, 'Conflict', refusal, [{ path: 'body.minutes', message: refusal }]);
}
