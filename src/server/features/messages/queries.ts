/** SQL of a contract's messages, their attachments and read marks. */
import { and, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  businessMembers,
  contractMessageAttachments,
  contractMessageReads,
  contractMessageUploads,
  contractMessages,
  contracts,
  users,
} from '../../db/schema/index.ts';

/** A deleted account's messages stay, under this name. */
const FORMER_NAME = sql<string>`coalesce(${users.name}, 'A former member')`;

export type MessageRow = typeof contractMessages.$inferSelect;
export type MessageAttachmentRow = typeof contractMessageAttachments.$inferSelect;
export interface MessageRecord {
  message: MessageRow;
  authorName: string;
}

export async function insertMessage(tx: Tx, values: typeof contractMessages.$inferInsert) {
  const [row] = await tx.insert(contractMessages).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findMessage(
  tx: Tx,
  contractId: string,
  messageId: string,
  options: { forUpdate?: boolean } = {},
): Promise<MessageRow | undefined> {
  const query = tx
    .select()
    .from(contractMessages)
    .where(and(eq(contractMessages.id, messageId), eq(contractMessages.contractId, contractId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * A page of the contract's messages, newest first, starting strictly before `before` (the
 * (created_at, id) of the oldest message of the previous page). Reads `limit + 1` rows.
 */
export async function listMessages(
  tx: Tx,
  contractId: string,
  { before, limit }: { before?: { at: Date; id: string }; limit: number },
): Promise<MessageRecord[]> {
  const rows = await tx
    .select({ message: contractMessages, authorName: FORMER_NAME })
    .from(contractMessages)
    .leftJoin(users, eq(users.id, contractMessages.authorId))
    .where(
      and(
        eq(contractMessages.contractId, contractId),
        before
          ? or(
              lt(contractMessages.createdAt, before.at),
              and(eq(contractMessages.createdAt, before.at), lt(contractMessages.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(contractMessages.createdAt), desc(contractMessages.id))
    .limit(limit + 1);
  return rows;
}

export async function attachmentsOf(tx: Tx, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return tx
    .select()
    .from(contractMessageAttachments)
    .where(inArray(contractMessageAttachments.messageId, messageIds))
    .orderBy(contractMessageAttachments.createdAt, contractMessageAttachments.id);
}

export async function insertAttachments(
  tx: Tx,
  values: (typeof contractMessageAttachments.$inferInsert)[],
): Promise<MessageAttachmentRow[]> {
  if (values.length === 0) return [];
  return tx.insert(contractMessageAttachments).values(values).returning();
}

export type MessageUploadRow = typeof contractMessageUploads.$inferSelect;

export async function insertUpload(tx: Tx, values: typeof contractMessageUploads.$inferInsert) {
  const [row] = await tx.insert(contractMessageUploads).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The person's uploads on the contract made after `since` and not sent yet. */
export async function countPendingUploads(
  tx: Tx,
  contractId: string,
  userId: string,
  since: Date,
): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contractMessageUploads)
    .where(
      and(
        eq(contractMessageUploads.contractId, contractId),
        eq(contractMessageUploads.uploadedBy, userId),
        gt(contractMessageUploads.createdAt, since),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Of `ids`, the person's unsent uploads on the contract made after `since`, locked: of two
 * sends naming one upload, the second waits and then finds it gone.
 */
export function lockUploads(
  tx: Tx,
  scope: { contractId: string; userId: string; ids: string[]; since: Date },
): Promise<MessageUploadRow[]> {
  if (scope.ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(contractMessageUploads)
    .where(
      and(
        inArray(contractMessageUploads.id, scope.ids),
        eq(contractMessageUploads.contractId, scope.contractId),
        eq(contractMessageUploads.uploadedBy, scope.userId),
        gt(contractMessageUploads.createdAt, scope.since),
      ),
    )
    .for('update');
}

export async function deleteUploads(tx: Tx, ids: string[]) {
  if (ids.length === 0) return;
  await tx.delete(contractMessageUploads).where(inArray(contractMessageUploads.id, ids));
}

/** Deletes the person's uploads made before `before` (never sent); answers their stored files. */
export async function deleteExpiredUploads(tx: Tx, userId: string, before: Date) {
  const rows = await tx
    .delete(contractMessageUploads)
    .where(
      and(
        eq(contractMessageUploads.uploadedBy, userId),
        lt(contractMessageUploads.createdAt, before),
      ),
    )
    .returning({ storageKey: contractMessageUploads.storageKey });
  return rows.map((r) => r.storageKey);
}

export async function findAttachment(
  tx: Tx,
  contractId: string,
  messageId: string,
  attachmentId: string,
): Promise<MessageAttachmentRow | undefined> {
  const [row] = await tx
    .select({ attachment: contractMessageAttachments })
    .from(contractMessageAttachments)
    .innerJoin(contractMessages, eq(contractMessages.id, contractMessageAttachments.messageId))
    .where(
      and(
        eq(contractMessageAttachments.id, attachmentId),
        eq(contractMessageAttachments.messageId, messageId),
        eq(contractMessages.contractId, contractId),
      ),
    );
  return row?.attachment;
}

/** Messages from others after the person's read mark (all of them without a mark). */
const unreadFor = (userId: string) =>
  and(
    sql`${contractMessages.authorId} is distinct from ${userId}`,
    sql`${contractMessages.createdAt} > coalesce((select ${contractMessageReads.lastReadAt} from ${contractMessageReads} where ${contractMessageReads.contractId} = ${contractMessages.contractId} and ${contractMessageReads.userId} = ${userId}), '-infinity'::timestamptz)`,
  );

export async function unreadCount(tx: Tx, contractId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(contractMessages)
    .where(and(eq(contractMessages.contractId, contractId), unreadFor(userId)));
  return row?.n ?? 0;
}

/**
 * The person's unread counts on every contract whose messages they may read: as its
 * professional, or as a member of its business (every member role reads messages).
 */
export async function unreadByContract(tx: Tx, userId: string) {
  return tx
    .select({ contractId: contractMessages.contractId, unread: count() })
    .from(contractMessages)
    .innerJoin(contracts, eq(contracts.id, contractMessages.contractId))
    .where(
      and(
        or(
          eq(contracts.professionalId, userId),
          inArray(
            contracts.businessId,
            tx
              .select({ id: businessMembers.businessId })
              .from(businessMembers)
              .where(eq(businessMembers.userId, userId)),
          ),
        ),
        unreadFor(userId),
      ),
    )
    .groupBy(contractMessages.contractId);
}

/** Moves the read mark forward to `at` (never back: an older page read later changes nothing). */
export async function markRead(tx: Tx, contractId: string, userId: string, at: Date) {
  await tx
    .insert(contractMessageReads)
    .values({ contractId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [contractMessageReads.contractId, contractMessageReads.userId],
      set: { lastReadAt: sql`greatest(${contractMessageReads.lastReadAt}, excluded.last_read_at)` },
    });
}

/**
 * Whether the person has a message they have not read yet from the other side of the contract
 * (`fromAuthorId`: the professional, for a member; anyone else, for the professional).
 */
export async function hasUnread(
  tx: Tx,
  contractId: string,
  userId: string,
  fromAuthorId?: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: contractMessages.id })
    .from(contractMessages)
    .where(
      and(
        eq(contractMessages.contractId, contractId),
        unreadFor(userId),
        fromAuthorId ? eq(contractMessages.authorId, fromAuthorId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The business's members, who hear of the professional's messages. */
export async function memberIds(tx: Tx, businessId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: businessMembers.userId })
    .from(businessMembers)
    .where(eq(businessMembers.businessId, businessId));
  return rows.map((r) => r.userId);
}

export async function userName(tx: Tx, userId: string): Promise<string> {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? 'Someone';
}
