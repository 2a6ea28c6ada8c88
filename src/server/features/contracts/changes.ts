/**
 * Changing a running contract: the business pauses, resumes and ends it; either side proposes an
 * amendment or a change order, which the other side accepts or rejects (the proposer may
 * withdraw it while it waits). One proposal waits at a time, under the contract row's lock.
 * Every change is an event in the contract's history, tells the other side, and reaches open
 * pages live.
 */
import {
  applyProposal,
  proposalIssues,
  proposalSummary,
  termsBefore,
  type Proposal,
  type Terms,
} from '../../../core/amendments.ts';
import type {
  Amendment,
  AnswerAmendment,
  EndContract,
  PauseContract,
  ProposeAmendment,
} from '../../../core/contracts/contract-changes.ts';
import type { Contract } from '../../../core/contracts/offers.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Notify } from '../notifications/notify.ts';
import {
  findAmendment,
  findOpenAmendment,
  insertAmendment,
  insertEvent,
  listAmendments,
  listWriterIds,
  updateAmendment,
  withNames,
  type AmendmentRow,
} from './change-queries.ts';
import { presentOne } from './contracts.ts';
import { publishContractChange } from './live.ts';
import { authorizeContractAction, type ContractParty, type ContractScope } from './policy.ts';
import { presentAmendment } from './present.ts';
import { findContract, updateContract, type ContractRecord, type ContractRow } from './queries.ts';

type Side = 'business' | 'professional';
const sideOf = (party: ContractParty): Side =>
  party.kind === 'professional' ? 'professional' : 'business';

const termsOf = (c: ContractRow): Terms => ({
  termsType: c.termsType,
  amount: c.amount,
  milestones: c.milestones,
  hourlyRate: c.hourlyRate,
  weeklyCapHours: c.weeklyCapHours,
  totalBudget: c.totalBudget,
  startDate: c.startDate,
  endDate: c.endDate,
});

const proposalOf = (row: AmendmentRow): Proposal =>
  row.kind === 'change_order' && row.milestone
    ? { kind: 'change_order', milestone: row.milestone }
    : { kind: 'terms', changes: row.changes };

export function createChangeService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  /** The people on the other side from `side`: the professional, or the business's owners and managers. */
  async function otherSide(tx: Tx, c: ContractRow, side: Side) {
    const ids = side === 'business' ? [c.professionalId] : await listWriterIds(tx, c.businessId);
    return ids.map((userId) => ({ userId }));
  }

  async function reload(tx: Tx, contractId: string): Promise<ContractRecord> {
    const record = await findContract(tx, contractId);
    if (!record) throw notFound('Contract');
    return record;
  }

  async function changeState(
    scope: ContractScope,
    to: 'paused' | 'resumed' | 'completed' | 'cancelled',
    reason: string,
  ): Promise<Contract> {
    return db.transaction(async (tx) => {
      const { record, party } = await authorizeContractAction(tx, scope, 'contract.manage', {
        forUpdate: true,
      });
      const c = record.contract;
      const allowed =
        to === 'paused'
          ? c.status === 'active'
          : to === 'resumed'
            ? c.status === 'paused'
            : c.status === 'active' || c.status === 'paused';
      if (!allowed) throw conflict(stateConflict(c.status, to));
      const now = clock.now();
      await updateContract(tx, c.id, {
        status: to === 'resumed' ? 'active' : to,
        pausedAt: to === 'paused' ? now : to === 'resumed' ? null : c.pausedAt,
        endedAt: to === 'completed' || to === 'cancelled' ? now : null,
        endReason: to === 'completed' || to === 'cancelled' ? reason || null : c.endReason,
        updatedAt: now,
      });
      // An end settles any proposal still waiting: nothing is left to amend.
      if (to === 'completed' || to === 'cancelled') {
        const open = await findOpenAmendment(tx, c.id);
        if (open) await updateAmendment(tx, open.id, { status: 'withdrawn', respondedAt: now });
      }
      await insertEvent(tx, {
        contractId: c.id,
        actorId: scope.userId,
        kind: to,
        note: reason || null,
        at: now,
      });
      const actor = nameOf(record, scope.userId);
      await notify(tx, await otherSide(tx, c, sideOf(party)), 'contract.state-changed', {
        contractId: c.id,
        title: c.title,
        by: actor,
        state: to,
        reason,
      });
      await publishContractChange(tx, c.id, 'contract');
      return presentOne(tx, await reload(tx, c.id), party);
    });
  }

  return {
    pause: (scope: ContractScope, input: PauseContract) =>
      changeState(scope, 'paused', input.reason),
    resume: (scope: ContractScope) => changeState(scope, 'resumed', ''),
    end: (scope: ContractScope, input: EndContract) =>
      changeState(scope, input.outcome, input.reason),

    async listAmendments(scope: ContractScope): Promise<{ items: Amendment[] }> {
      return db.transaction(async (tx) => {
        const { party } = await authorizeContractAction(tx, scope, 'contract.view');
        const rows = await listAmendments(tx, scope.contractId);
        return { items: rows.map((r) => presentAmendment(r, party)) };
      });
    },

    async propose(scope: ContractScope, input: ProposeAmendment): Promise<Amendment> {
      return db.transaction(async (tx) => {
        const { record, party } = await authorizeContractAction(tx, scope, 'contract.amend', {
          forUpdate: true,
        });
        const c = record.contract;
        if (c.status !== 'active' && c.status !== 'paused')
          throw conflict('Only an active or paused contract can be amended.');
        const terms = termsOf(c);
        const issues = proposalIssues(terms, input);
        if (issues.length > 0)
          throw badRequest(
            'The proposal does not fit this contract.',
            issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
          );
        if (await findOpenAmendment(tx, c.id))
          throw conflict(
            'A proposed change is already waiting for an answer; withdraw it or wait for the answer first.',
          );
        const now = clock.now();
        const row = await insertAmendment(tx, {
          id: newId(),
          contractId: c.id,
          kind: input.kind,
          proposedBySide: sideOf(party),
          proposedBy: scope.userId,
          changes: input.kind === 'terms' ? input.changes : {},
          before: input.kind === 'terms' ? termsBefore(terms, input.changes) : {},
          milestone: input.kind === 'change_order' ? input.milestone : null,
          message: input.message,
          createdAt: now,
        });
        const summary = proposalSummary(terms, input, c.currency);
        await insertEvent(tx, {
          contractId: c.id,
          actorId: scope.userId,
          kind: 'amendment_proposed',
          note: summary.join('; '),
          at: now,
        });
        await notify(tx, await otherSide(tx, c, sideOf(party)), 'contract.amendment-proposed', {
          contractId: c.id,
          title: c.title,
          by: nameOf(record, scope.userId),
          summary: [...summary, ...(input.message ? [`“${input.message}”`] : [])].join('\n'),
        });
        await publishContractChange(tx, c.id, 'amendments');
        const [named] = await withNames(tx, [row]);
        return presentAmendment(named!, party);
      });
    },

    async answer(
      scope: ContractScope & { amendmentId: string },
      accept: boolean,
      input: AnswerAmendment,
    ): Promise<Amendment> {
      return db.transaction(async (tx) => {
        const { record, party } = await authorizeContractAction(tx, scope, 'contract.amend', {
          forUpdate: true,
        });
        const c = record.contract;
        const row = await findAmendment(tx, c.id, scope.amendmentId);
        if (!row) throw notFound('Amendment');
        if (row.status !== 'proposed') throw conflict(`This change was already ${row.status}.`);
        if (row.proposedBySide === sideOf(party))
          throw forbidden('The other side answers a proposed change; you may withdraw yours.');
        const now = clock.now();
        if (accept) {
          if (c.status !== 'active' && c.status !== 'paused')
            throw conflict('The contract has ended; nothing can change it now.');
          const next = applyProposal(termsOf(c), proposalOf(row));
          await updateContract(tx, c.id, {
            amount: next.amount,
            milestones: next.milestones,
            hourlyRate: next.hourlyRate,
            weeklyCapHours: next.weeklyCapHours,
            totalBudget: next.totalBudget,
            startDate: next.startDate,
            endDate: next.endDate,
            updatedAt: now,
          });
        }
        await updateAmendment(tx, row.id, {
          status: accept ? 'accepted' : 'rejected',
          respondedBy: scope.userId,
          respondedAt: now,
          responseNote: input.note || null,
        });
        await insertEvent(tx, {
          contractId: c.id,
          actorId: scope.userId,
          kind: accept ? 'amendment_accepted' : 'amendment_rejected',
          note: input.note || null,
          at: now,
        });
        if (row.proposedBy)
          await notify(tx, [{ userId: row.proposedBy }], 'contract.amendment-answered', {
            contractId: c.id,
            title: c.title,
            by: nameOf(record, scope.userId),
            accepted: accept,
            note: input.note,
          });
        await publishContractChange(tx, c.id, 'amendments');
        const [named] = await withNames(tx, [(await findAmendment(tx, c.id, row.id))!]);
        return presentAmendment(named!, party);
      });
    },

    async withdraw(scope: ContractScope & { amendmentId: string }): Promise<Amendment> {
      return db.transaction(async (tx) => {
        const { record, party } = await authorizeContractAction(tx, scope, 'contract.amend', {
          forUpdate: true,
        });
        const row = await findAmendment(tx, record.contract.id, scope.amendmentId);
        if (!row) throw notFound('Amendment');
        if (row.status !== 'proposed') throw conflict(`This change was already ${row.status}.`);
        if (row.proposedBySide !== sideOf(party))
          throw forbidden('Only the side that proposed a change may withdraw it.');
        const now = clock.now();
        await updateAmendment(tx, row.id, { status: 'withdrawn', respondedAt: now });
        await insertEvent(tx, {
          contractId: record.contract.id,
          actorId: scope.userId,
          kind: 'amendment_withdrawn',
          at: now,
        });
        await publishContractChange(tx, record.contract.id, 'amendments');
        const [named] = await withNames(tx, [
          (await findAmendment(tx, record.contract.id, row.id))!,
        ]);
        return presentAmendment(named!, party);
      });
    },
  };
}

function stateConflict(status: string, to: string): string {
  if (status === 'completed' || status === 'cancelled') return `The contract is ${status} already.`;
  if (status === 'offered' || status === 'declined' || status === 'withdrawn')
    return 'The offer was never accepted, so there is no contract to change.';
  if (to === 'paused') return 'The contract is paused already.';
  if (to === 'resumed') return 'The contract is running; only a paused contract resumes.';
  return `A ${status} contract cannot be ${to}.`;
}

/** Who acted, as the other side knows them: the professional, or the business. */
function nameOf(record: ContractRecord, userId: string): string {
  if (userId === record.contract.professionalId) return record.professionalName;
  return record.businessName;
}
