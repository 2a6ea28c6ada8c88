/**
 * A contract's issues: the board and list, one issue's page, making, editing and moving them.
 * Every change locks the contract row first, so changes to one contract's tracker run one after
 * another: two people moving cards at once both land, in the order they committed, each placed
 * against the column as the other left it.
 */
import {
  WORK_ISSUE_SORTS,
  type CreateWorkIssueSchema,
  type MoveWorkIssue,
  type UpdateWorkIssueSchema,
  type WorkIssue,
  type WorkIssueBoard,
  type WorkIssueDetail,
  type WorkIssueListQuerySchema,
} from '../../../core/contracts/work-issues.ts';
import type { ContractAction } from '../../../core/contract-access.ts';
import { placeAt } from '../../../core/board-order.ts';
import { closedAtAfter, issuesRefusal } from '../../../core/work-issue-rules.ts';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import type { Notify } from '../notifications/notify.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import { contractPartyIds, type ContractRecord } from '../contracts/queries.ts';
import { createWorkIssue } from './create.ts';
import {
  presentAttachment,
  presentComment,
  presentWorkIssue,
  renderIssueMarkdown,
} from './present.ts';
import { badCursor, decodeCursor, page } from '../../lib/pagination.ts';
import {
  findWorkIssue,
  listAttachments,
  listColumn,
  listComments,
  listLabels,
  listPeople,
  listWorkIssues,
  positionAtEnd,
  setPositions,
  sortKeyCount,
  updateWorkIssue,
  type WorkIssueRecord,
} from './queries.ts';

export interface IssueScope extends ContractScope {
  readonly number: number;
}

type Deps = { db: Db; clock: Clock; notify: Notify };

/** A list cursor: the sort it was made for and the last row's sort keys (queries.ts). */
const CursorSchema = z.object({
  sort: z.enum(WORK_ISSUE_SORTS),
  k: z.array(z.number()).min(1).max(3),
});

/**
 * The caller's contract when they may take `action` on its issues, and for a change, the
 * contract row locked and still running.
 */
export async function authorizeIssues(
  tx: Tx,
  scope: ContractScope,
  action: Extract<ContractAction, 'issues.read' | 'issues.write'>,
): Promise<ContractRecord> {
  const write = action === 'issues.write';
  const { record } = await authorizeContractAction(tx, scope, action, { forUpdate: write });
  if (write) {
    const refusal = issuesRefusal(record.contract.status);
    if (refusal) throw conflict(refusal);
  }
  return record;
}

/** One issue of the contract, or 404. */
export async function findIssue(tx: Tx, scope: IssueScope): Promise<WorkIssueRecord> {
  const found = await findWorkIssue(tx, scope.contractId, scope.number);
  if (!found) throw notFound('Issue');
  return found;
}

/** An assignee must be a party to the contract: someone who can see the issue. */
async function checkAssignee(tx: Tx, contractId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  if (!(await contractPartyIds(tx, contractId)).includes(assigneeId)) {
    throw badRequest('Assign the issue to someone on this contract.', [
      { path: 'body.assigneeId', message: 'Not a person on this contract' },
    ]);
  }
}

export function createWorkIssueService({ db, clock, notify }: Deps) {
  async function tellAssignee(
    tx: Tx,
    record: ContractRecord,
    issue: { number: number; title: string; assigneeId: string | null },
    byId: string,
  ) {
    if (!issue.assigneeId || issue.assigneeId === byId) return;
    const [by] = await listPeople(tx, [byId]);
    await notify(tx, [{ userId: issue.assigneeId }], 'issue.assigned', {
      contractId: record.contract.id,
      number: issue.number,
      title: issue.title,
      byName: by?.name ?? 'Someone',
    });
  }

  async function detail(tx: Tx, contractId: string, found: WorkIssueRecord) {
    // In turn: a transaction's one connection runs one query at a time (pg 9 refuses overlap).
    const comments = await listComments(tx, found.issue.id);
    const attachments = await listAttachments(tx, found.issue.id);
    return {
      ...presentWorkIssue(found),
      description: found.issue.description,
      descriptionHtml: renderIssueMarkdown(contractId, found.issue.description),
      comments: comments.map((c) => presentComment(contractId, c.comment, c.authorName)),
      attachments: attachments.map((a) => presentAttachment(a.attachment, a.uploaderName)),
    } satisfies WorkIssueDetail;
  }

  return {
    async list(
      scope: ContractScope,
      query: z.output<typeof WorkIssueListQuerySchema>,
    ): Promise<WorkIssueBoard> {
      return db.transaction(async (tx) => {
        await authorizeIssues(tx, scope, 'issues.read');
        const after = decodeCursor(CursorSchema, query.cursor);
        // A cursor of another sort would resume at a meaningless place.
        if (after && (after.sort !== query.sort || after.k.length !== sortKeyCount(query.sort)))
          throw badCursor('This cursor belongs to another sort');
        // In turn, not Promise.all: the transaction's one connection takes one query at a time.
        const rows = await listWorkIssues(tx, scope.contractId, query, {
          after: after?.k,
          limit: query.limit,
        });
        const people = await listPeople(tx, await contractPartyIds(tx, scope.contractId));
        const labels = await listLabels(tx, scope.contractId);
        const { items, nextCursor } = page(rows, query.limit, (last) => ({
          sort: query.sort,
          k: last.sortKey,
        }));
        return { items: items.map(presentWorkIssue), nextCursor, people, labels };
      });
    },

    async get(scope: IssueScope): Promise<WorkIssueDetail> {
      return db.transaction(async (tx) => {
        await authorizeIssues(tx, scope, 'issues.read');
        return detail(tx, scope.contractId, await findIssue(tx, scope));
      });
    },

    async create(
      scope: ContractScope,
      input: z.output<typeof CreateWorkIssueSchema>,
    ): Promise<WorkIssueDetail> {
      return db.transaction(async (tx) => {
        const record = await authorizeIssues(tx, scope, 'issues.write');
        await checkAssignee(tx, scope.contractId, input.assigneeId);
        const row = await createWorkIssue(tx, {
          contractId: scope.contractId,
          ...input,
          createdBy: scope.userId,
          now: clock.now(),
        });
        await tellAssignee(tx, record, row, scope.userId);
        const found = await findWorkIssue(tx, scope.contractId, row.number);
        if (!found) throw new Error('The new issue is missing');
        return detail(tx, scope.contractId, found);
      });
    },

    async update(
      scope: IssueScope,
      input: z.output<typeof UpdateWorkIssueSchema>,
    ): Promise<WorkIssueDetail> {
      return db.transaction(async (tx) => {
        const record = await authorizeIssues(tx, scope, 'issues.write');
        const { issue } = await findIssue(tx, scope);
        await checkAssignee(tx, scope.contractId, input.assigneeId);
        const now = clock.now();
        const moving = input.status !== undefined && input.status !== issue.status;
        await updateWorkIssue(tx, issue.id, {
          ...input,
          ...(moving && input.status
            ? {
                position: await positionAtEnd(tx, scope.contractId, input.status),
                closedAt: closedAtAfter(issue.status, input.status, issue.closedAt, now),
              }
            : {}),
          updatedAt: now,
        });
        if (input.assigneeId && input.assigneeId !== issue.assigneeId) {
          await tellAssignee(
            tx,
            record,
            { ...issue, title: input.title ?? issue.title, assigneeId: input.assigneeId },
            scope.userId,
          );
        }
        await publishContractChange(tx, scope.contractId, 'issues');
        return detail(tx, scope.contractId, await findIssue(tx, scope));
      });
    },

    /**
     * Puts the issue at `index` of the `status` column (0 = top), as the other cards of that
     * column stand once the contract is locked, so the place is judged against the latest order.
     */
    async move(scope: IssueScope, input: MoveWorkIssue): Promise<WorkIssue> {
      return db.transaction(async (tx) => {
        await authorizeIssues(tx, scope, 'issues.write');
        const { issue } = await findIssue(tx, scope);
        const column = await listColumn(tx, scope.contractId, input.status, issue.id);
        const placement = placeAt(column, input.index);
        await setPositions(tx, placement.renumbered);
        const now = clock.now();
        await updateWorkIssue(tx, issue.id, {
          status: input.status,
          position: placement.position,
          closedAt: closedAtAfter(issue.status, input.status, issue.closedAt, now),
          updatedAt: now,
        });
        await publishContractChange(tx, scope.contractId, 'issues');
        return presentWorkIssue(await findIssue(tx, scope));
      });
    },
  };
}
