/**
 * A contract's messages: sending (and its notification, once per unread burst), the pages of
 * the conversation, read marks and unread counts. Who may read or write is the permissions
 * table (`messages.read`, `messages.write`) through the contract's policy.
 */
import { z } from 'zod';
import type { ContractStatus } from '../../../core/hiring.ts';
import {
  UPLOAD_KEEP_HOURS,
  type ContractMessage,
  type MarkRead,
  type MessagePage,
  type SendMessage,
  type UnreadList,
} from '../../../core/contracts/messages.ts';
import type { CursorQuery } from '../../../core/contracts/common.ts';
import { markdownToText } from '../../../core/markdown.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { decodeCursor, page } from '../../lib/pagination.ts';
import type { UserScope } from '../../lib/scope.ts';
import { publishContractChange } from '../contracts/live.ts';
import { authorizeContractAction, type ContractScope } from '../contracts/policy.ts';
import type { Notify } from '../notifications/notify.ts';
import { presentMessage } from './present.ts';
import {
  attachmentsOf,
  deleteUploads,
  findMessage,
  hasUnread,
  insertAttachments,
  insertMessage,
  lockUploads,
  listMessages,
  markRead,
  memberIds,
  unreadByContract,
  unreadCount,
  userName,
} from './queries.ts';

/**
 * A conversation stays open while the contract may still start or runs; once declined,
 * withdrawn or ended it is a record, read but not added to.
 */
export function conversationOpen(status: ContractStatus): boolean {
  switch (status) {
    case 'offered':
    case 'active':
    case 'paused':
      return true;
    case 'declined':
    case 'withdrawn':
    case 'completed':
    case 'cancelled':
      return false;
    default:
      return status satisfies never;
  }
}

/** Uploads made before this instant can no longer be sent (the uploads service sweeps them). */
export const uploadsSince = (now: Date) => new Date(now.getTime() - UPLOAD_KEEP_HOURS * 3_600_000);

export const closedConversation = () =>
  conflict('This contract has ended; its messages and files can be read but not added to.');

const CursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid() });

export function createMessageService({
  db,
  clock,
  notify,
}: {
  db: Db;
  clock: Clock;
  notify: Notify;
}) {
  return {
    async list(scope: ContractScope, query: CursorQuery): Promise<MessagePage> {
      await authorizeContractAction(db, scope, 'messages.read');
      const after = decodeCursor(CursorSchema, query.cursor);
      const rows = await listMessages(db, scope.contractId, {
        before: after ? { at: new Date(after.at), id: after.id } : undefined,
        limit: query.limit,
      });
      const { items, nextCursor } = page(rows, query.limit, (r) => ({
        at: r.message.createdAt.toISOString(),
        id: r.message.id,
      }));
      const attachments = await attachmentsOf(
        db,
        items.map((r) => r.message.id),
      );
      return {
        items: items.reverse().map((r) => presentMessage(r, attachments, scope.userId)),
        nextCursor,
        unread: await unreadCount(db, scope.contractId, scope.userId),
      };
    },

    async send(scope: ContractScope, input: SendMessage): Promise<ContractMessage> {
      return db.transaction(async (tx) => {
        const { record, party } = await authorizeContractAction(tx, scope, 'messages.write');
        const { contract } = record;
        if (!conversationOpen(contract.status)) throw closedConversation();
        // The other side hears of it; the author's own colleagues see it in the tab.
        const others =
          party.kind === 'professional'
            ? await memberIds(tx, contract.businessId)
            : [contract.professionalId];
        // One notification per burst: only those with nothing unread from this side yet are
        // told (a reader with such unread messages was told of the first one and has not opened
        // the tab since). A member's unread colleague messages were never notified: not counted.
        const from = party.kind === 'professional' ? contract.professionalId : undefined;
        const quiet: string[] = [];
        for (const userId of others) {
          if (!(await hasUnread(tx, contract.id, userId, from))) quiet.push(userId);
        }
        const now = clock.now();
        // The files come in this transaction or the message does not: the other side never
        // reads a message whose files are missing.
        const uploads = await lockUploads(tx, {
          contractId: contract.id,
          userId: scope.userId,
          ids: input.uploadIds,
          since: uploadsSince(now),
        });
        const missing = input.uploadIds.findIndex((id) => !uploads.some((u) => u.id === id));
        if (missing !== -1)
          throw badRequest('A file of this message is not among your uploads waiting to be sent.', [
            {
              path: `body.uploadIds.${missing}`,
              message: 'No such file waiting to be sent (already sent, expired, or not yours)',
            },
          ]);
        const message = await insertMessage(tx, {
          id: newId(),
          contractId: contract.id,
          authorId: scope.userId,
          body: input.body,
          createdAt: now,
        });
        await deleteUploads(
          tx,
          uploads.map((u) => u.id),
        );
        const attachments = await insertAttachments(
          tx,
          input.uploadIds.map((id) => {
            const u = uploads.find((x) => x.id === id)!;
            return {
              id: newId(),
              messageId: message.id,
              name: u.name,
              contentType: u.contentType,
              size: u.size,
              storageKey: u.storageKey,
              sha256: u.sha256,
              createdAt: now,
            };
          }),
        );
        // Writing is reading: the author has seen everything up to their own message.
        await markRead(tx, contract.id, scope.userId, now);
        const authorName =
          party.kind === 'professional'
            ? record.professionalName
            : await userName(tx, scope.userId);
        if (quiet.length > 0) {
          const text = markdownToText(input.body);
          await notify(
            tx,
            quiet.map((userId) => ({ userId })),
            'contract.message',
            {
              contractId: contract.id,
              title: contract.title,
              authorName,
              excerpt: text.length > 200 ? `${text.slice(0, 199)}…` : text,
            },
          );
        }
        await publishContractChange(tx, contract.id, 'messages');
        return presentMessage({ message, authorName }, attachments, scope.userId);
      });
    },

    /** Marks read up to the given message (what the reader's page showed). */
    async markRead(scope: ContractScope, input: MarkRead): Promise<{ unread: number }> {
      return db.transaction(async (tx) => {
        await authorizeContractAction(tx, scope, 'messages.read');
        const message = await findMessage(tx, scope.contractId, input.lastMessageId);
        if (!message) throw notFound('Message');
        await markRead(tx, scope.contractId, scope.userId, message.createdAt);
        return { unread: await unreadCount(tx, scope.contractId, scope.userId) };
      });
    },

    async unread(scope: UserScope): Promise<UnreadList> {
      const rows = await unreadByContract(db, scope.userId);
      return { items: rows.map((r) => ({ contractId: r.contractId, unread: r.unread })) };
    },
  };
}
