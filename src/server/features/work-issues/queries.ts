/** SQL of a contract's issues. */
import { and, asc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { WorkIssuePriority, WorkIssueStatus } from '../../../core/work.ts';
import type { Tx } from '../../db/client.ts';
import {
  contracts,
  users,
  workIssueAttachments,
  workIssueComments,
  workIssues,
} from '../../db/schema/index.ts';

export type WorkIssueRow = typeof workIssues.$inferSelect;

/**
 * The contract's next issue number (`#N`), taken from its counter in the caller's transaction:
 * the row lock makes two issues made at once get two numbers, and a rolled-back one gives its
 * number back.
 */
export async function takeIssueNumber(tx: Tx, contractId: string): Promise<number> {
  const [row] = await tx
    .update(contracts)
    .set({ issueCounter: sql`${contracts.issueCounter} + 1` })
    .where(eq(contracts.id, contractId))
    .returning({ number: contracts.issueCounter });
  if (!row) throw new Error(`No contract ${contractId}`);
  return row.number;
}

/** A position after every issue of the column, so a new issue goes to its bottom. */
export async function positionAtEnd(
  tx: Tx,
  contractId: string,
  status: WorkIssueRow['status'],
): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(${workIssues.position})` })
    .from(workIssues)
    .where(and(eq(workIssues.contractId, contractId), eq(workIssues.status, status)));
  return (row?.last ?? 0) + 1;
}

export async function insertWorkIssue(tx: Tx, values: typeof workIssues.$inferInsert) {
  const [row] = await tx.insert(workIssues).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export type WorkIssueCommentRow = typeof workIssueComments.$inferSelect;
export type WorkIssueAttachmentRow = typeof workIssueAttachments.$inferSelect;
export type Person = { id: string; name: string };

/** An issue with the names it shows and its number of comments. */
export interface WorkIssueRecord {
  issue: WorkIssueRow;
  assigneeName: string | null;
  creatorName: string | null;
  commentCount: number;
}

const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');

const recordFields = {
  issue: workIssues,
  assigneeName: assignee.name,
  creatorName: creator.name,
  commentCount: sql<number>`(select count(*)::int from ${workIssueComments} where ${workIssueComments.issueId} = ${workIssues.id})`,
};

function issueRecords(tx: Tx) {
  return tx
    .select(recordFields)
    .from(workIssues)
    .leftJoin(assignee, eq(assignee.id, workIssues.assigneeId))
    .leftJoin(creator, eq(creator.id, workIssues.createdBy));
}

export interface IssueFilter {
  status?: WorkIssueStatus;
  priority?: WorkIssuePriority;
  label?: string;
  assignee?: string;
  q?: string;
  sort: 'board' | 'number' | 'updated' | 'priority';
}

/** Escapes `%`, `_` and `\\` so a search word matches itself in `ilike`. */
const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type SortKey = { expr: SQL; dir: 'asc' | 'desc' };

/**
 * Each sort as the keys it orders by, ending with the issue's number (unique in the contract),
 * so the order is total and a page can resume strictly after its last row. Every key is a
 * number: `updated` is compared at the millisecond a JavaScript date carries, so a cursor made
 * from a row finds that row again.
 */
function sortKeys(sort: IssueFilter['sort']): SortKey[] {
  const number: SortKey = { expr: sql`${workIssues.number}::float8`, dir: 'asc' };
  switch (sort) {
    case 'board':
      return [
        {
          expr: sql`array_position(array['open','in_progress','in_review','done','wont_do']::text[], ${workIssues.status}::text)::float8`,
          dir: 'asc',
        },
        { expr: sql`${workIssues.position}`, dir: 'asc' },
        number,
      ];
    case 'number':
      return [{ ...number, dir: 'desc' }];
    case 'updated':
      return [
        {
          expr: sql`(extract(epoch from date_trunc('milliseconds', ${workIssues.updatedAt})) * 1000)::float8`,
          dir: 'desc',
        },
        { ...number, dir: 'desc' },
      ];
    case 'priority':
      return [
        {
          expr: sql`array_position(array['urgent','high','medium','low']::text[], ${workIssues.priority}::text)::float8`,
          dir: 'asc',
        },
        { ...number, dir: 'desc' },
      ];
    default:
      return sort satisfies never;
  }
}

/** Rows strictly after `values` in the keys' order (a lexicographic comparison, mixed directions). */
function afterKeys(keys: SortKey[], values: number[]): SQL {
  const step = (i: number): SQL => {
    const k = keys[i]!;
    const v = values[i]!;
    const past = k.dir === 'asc' ? sql`${k.expr} > ${v}` : sql`${k.expr} < ${v}`;
    return i === keys.length - 1 ? past : sql`(${past} or (${k.expr} = ${v} and ${step(i + 1)}))`;
  };
  return step(0);
}

/** How many keys a sort's cursor carries, so a cursor of another sort is refused. */
export const sortKeyCount = (sort: IssueFilter['sort']) => sortKeys(sort).length;

/**
 * One page of the contract's issues matching `f`, in its sort, after the cursor's keys: `limit`
 * rows plus one to tell whether more follow. Each row carries its `sortKey`, the next cursor.
 */
export function listWorkIssues(
  tx: Tx,
  contractId: string,
  f: IssueFilter,
  pageOf: { after?: number[]; limit: number },
): Promise<(WorkIssueRecord & { sortKey: number[] })[]> {
  const where: (SQL | undefined)[] = [eq(workIssues.contractId, contractId)];
  if (f.status) where.push(eq(workIssues.status, f.status));
  if (f.priority) where.push(eq(workIssues.priority, f.priority));
  if (f.label) where.push(sql`${f.label} = any(${workIssues.labels})`);
  if (f.assignee === 'none') where.push(isNull(workIssues.assigneeId));
  else if (f.assignee) where.push(eq(workIssues.assigneeId, f.assignee));
  const q = f.q?.trim();
  if (q) {
    const number = /^#?(\d{1,9})$/.exec(q)?.[1];
    const words = q
      .split(/\s+/)
      .map((w) =>
        or(ilike(workIssues.title, likeWord(w)), ilike(workIssues.description, likeWord(w))),
      );
    where.push(number ? or(eq(workIssues.number, Number(number)), and(...words)) : and(...words));
  }
  const keys = sortKeys(f.sort);
  if (pageOf.after) where.push(afterKeys(keys, pageOf.after));
  return tx
    .select({
      ...recordFields,
      sortKey: sql<number[]>`array[${sql.join(
        keys.map((k) => k.expr),
        sql`, `,
      )}]::float8[]`,
    })
    .from(workIssues)
    .leftJoin(assignee, eq(assignee.id, workIssues.assigneeId))
    .leftJoin(creator, eq(creator.id, workIssues.createdBy))
    .where(and(...where))
    .orderBy(...keys.map((k) => (k.dir === 'asc' ? sql`${k.expr} asc` : sql`${k.expr} desc`)))
    .limit(pageOf.limit + 1);
}

export async function findWorkIssue(
  tx: Tx,
  contractId: string,
  number: number,
): Promise<WorkIssueRecord | null> {
  const [row] = await issueRecords(tx).where(
    and(eq(workIssues.contractId, contractId), eq(workIssues.number, number)),
  );
  return row ?? null;
}

/** The column's cards in board order, without `exceptId` (the card being moved). */
export function listColumn(
  tx: Tx,
  contractId: string,
  status: WorkIssueStatus,
  exceptId: string,
): Promise<{ id: string; position: number }[]> {
  return tx
    .select({ id: workIssues.id, position: workIssues.position })
    .from(workIssues)
    .where(
      and(
        eq(workIssues.contractId, contractId),
        eq(workIssues.status, status),
        ne(workIssues.id, exceptId),
      ),
    )
    .orderBy(asc(workIssues.position), asc(workIssues.number));
}

export async function updateWorkIssue(
  tx: Tx,
  id: string,
  values: Partial<typeof workIssues.$inferInsert>,
): Promise<void> {
  await tx.update(workIssues).set(values).where(eq(workIssues.id, id));
}

export async function setPositions(tx: Tx, cards: { id: string; position: number }[]) {
  for (const card of cards) {
    await tx.update(workIssues).set({ position: card.position }).where(eq(workIssues.id, card.id));
  }
}

/** The contract's labels in use, sorted. */
export async function listLabels(tx: Tx, contractId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ label: sql<string>`unnest(${workIssues.labels})` })
    .from(workIssues)
    .where(eq(workIssues.contractId, contractId));
  return rows.map((r) => r.label).sort();
}

/** People by id, with their names (for the assignable people of a contract). */
export async function listPeople(tx: Tx, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.name));
}

export function listComments(tx: Tx, issueId: string) {
  return tx
    .select({ comment: workIssueComments, authorName: users.name })
    .from(workIssueComments)
    .leftJoin(users, eq(users.id, workIssueComments.authorId))
    .where(eq(workIssueComments.issueId, issueId))
    .orderBy(asc(workIssueComments.createdAt), asc(workIssueComments.id));
}

export async function insertComment(tx: Tx, values: typeof workIssueComments.$inferInsert) {
  const [row] = await tx.insert(workIssueComments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Who has commented on the issue (for telling them of a new comment). */
export async function listCommenterIds(tx: Tx, issueId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: workIssueComments.authorId })
    .from(workIssueComments)
    .where(eq(workIssueComments.issueId, issueId));
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

export function listAttachments(tx: Tx, issueId: string) {
  return tx
    .select({ attachment: workIssueAttachments, uploaderName: users.name })
    .from(workIssueAttachments)
    .leftJoin(users, eq(users.id, workIssueAttachments.uploadedBy))
    .where(eq(workIssueAttachments.issueId, issueId))
    .orderBy(asc(workIssueAttachments.createdAt), asc(workIssueAttachments.id));
}

export async function findAttachment(
  tx: Tx,
  issueId: string,
  attachmentId: string,
): Promise<WorkIssueAttachmentRow | null> {
  const [row] = await tx
    .select()
    .from(workIssueAttachments)
    .where(
      and(eq(workIssueAttachments.issueId, issueId), eq(workIssueAttachments.id, attachmentId)),
    );
  return row ?? null;
}

export async function countAttachments(tx: Tx, issueId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(workIssueAttachments)
    .where(eq(workIssueAttachments.issueId, issueId));
  return row?.n ?? 0;
}

export async function insertAttachment(tx: Tx, values: typeof workIssueAttachments.$inferInsert) {
  const [row] = await tx.insert(workIssueAttachments).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}
