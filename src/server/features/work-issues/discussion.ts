/**
 * What people add to an issue besides its fields: comments (Markdown) and attached files.
 * A comment tells the issue's followers: whoever opened it, is assigned it, or commented before.
 */
import type { Readable } from 'node:stream';
import {
  MAX_WORK_ISSUE_ATTACHMENTS,
  type WorkIssueAttachment,
  type WorkIssueComment,
} from '../../../core/contracts/work-issues.ts';
import { markdownToText } from '../../../core/markdown.ts';
import { truncate } from '../../../core/text.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { nameForType, type FileStore } from '../../lib/files.ts';
import { newId } from '../../lib/ids.ts';
import { publishContractChange } from '../contracts/live.ts';
import type { Notify } from '../notifications/notify.ts';
import { authorizeIssues, findIssue, type IssueScope } from './issues.ts';
import { presentAttachment, presentComment } from './present.ts';
import {
  countAttachments,
  findAttachment,
  insertAttachment,
  insertComment,
  listCommenterIds,
  listPeople,
  updateWorkIssue,
} from './queries.ts';

type Deps = {
  db: Db;
  clock: Clock;
  notify: Notify;
  files: FileStore;
  maxUploadBytes: number;
};

export function createDiscussionService({ db, clock, notify, files, maxUploadBytes }: Deps) {
  return {
    async comment(scope: IssueScope, body: string): Promise<WorkIssueComment> {
      return db.transaction(async (tx) => {
        await authorizeIssues(tx, scope, 'issues.write');
        const { issue } = await findIssue(tx, scope);
        const now = clock.now();
        const followers = new Set([
          ...(issue.createdBy ? [issue.createdBy] : []),
          ...(issue.assigneeId ? [issue.assigneeId] : []),
          ...(await listCommenterIds(tx, issue.id)),
        ]);
        const row = await insertComment(tx, {
          id: newId(),
          issueId: issue.id,
          authorId: scope.userId,
          body,
          createdAt: now,
        });
        await updateWorkIssue(tx, issue.id, { updatedAt: now });
        const [author] = await listPeople(tx, [scope.userId]);
        followers.delete(scope.userId);
        if (followers.size > 0) {
          await notify(
            tx,
            [...followers].map((userId) => ({ userId })),
            'issue.commented',
            {
              contractId: scope.contractId,
              number: issue.number,
              title: issue.title,
              byName: author?.name ?? 'Someone',
              comment: truncate(markdownToText(body), 300),
            },
          );
        }
        await publishContractChange(tx, scope.contractId, 'issues');
        return presentComment(scope.contractId, row, author?.name ?? null);
      });
    },

    async upload(scope: IssueScope, name: string, body: Readable): Promise<WorkIssueAttachment> {
      const check = async (tx: Tx) => {
        await authorizeIssues(tx, scope, 'issues.write');
        const { issue } = await findIssue(tx, scope);
        if ((await countAttachments(tx, issue.id)) >= MAX_WORK_ISSUE_ATTACHMENTS) {
          throw conflict(
            `An issue holds at most ${MAX_WORK_ISSUE_ATTACHMENTS} files; add more to the contract’s files.`,
          );
        }
        return issue;
      };
      // Checked before the bytes are read (no upload to a refused issue), and again with the
      // contract locked once they are stored, since the issue may have filled up meanwhile.
      await db.transaction(check);
      const stored = await files.save(body, { maxBytes: maxUploadBytes });
      try {
        return await db.transaction(async (tx) => {
          const issue = await check(tx);
          const row = await insertAttachment(tx, {
            id: newId(),
            issueId: issue.id,
            uploadedBy: scope.userId,
            name: nameForType(name, stored.contentType),
            contentType: stored.contentType,
            size: stored.size,
            storageKey: stored.key,
            sha256: stored.sha256,
            createdAt: clock.now(),
          });
          await updateWorkIssue(tx, issue.id, { updatedAt: clock.now() });
          await publishContractChange(tx, scope.contractId, 'issues');
          const [uploader] = await listPeople(tx, [scope.userId]);
          return presentAttachment(row, uploader?.name ?? null);
        });
      } catch (error) {
        await files.remove(stored.key);
        throw error;
      }
    },

    async openAttachment(scope: IssueScope & { attachmentId: string }) {
      const row = await db.transaction(async (tx) => {
        await authorizeIssues(tx, scope, 'issues.read');
        const { issue } = await findIssue(tx, scope);
        const found = await findAttachment(tx, issue.id, scope.attachmentId);
        if (!found) throw notFound('File');
        return found;
      });
      return {
        name: row.name,
        contentType: row.contentType,
        size: row.size,
        body: await files.open(row.storageKey),
      };
    },
  };
}
