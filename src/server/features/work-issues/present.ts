/** The API's shapes of a contract's issues, from their rows. */
import type {
  WorkIssue,
  WorkIssueAttachment,
  WorkIssueComment,
} from '../../../core/contracts/work-issues.ts';
import { linkIssueReferences } from '../../../core/issue-references.ts';
import { renderMarkdown } from '../../../core/markdown.ts';
import type { WorkIssueAttachmentRow, WorkIssueCommentRow, WorkIssueRecord } from './queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const person = (id: string | null, name: string | null) =>
  id && name !== null ? { id, name } : null;

/** The web app's path of issue `n` of the contract. */
export const issuePath = (contractId: string, n: number) =>
  `/app/contracts/${contractId}/issues/${n}`;

/** Markdown as safe HTML, each `#N` a link to that issue of the same contract. */
export function renderIssueMarkdown(contractId: string, source: string): string {
  return renderMarkdown(linkIssueReferences(source, (n) => issuePath(contractId, n)));
}

export function presentWorkIssue(r: WorkIssueRecord): WorkIssue {
  const i = r.issue;
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    status: i.status,
    priority: i.priority,
    labels: i.labels,
    assignee: person(i.assigneeId, r.assigneeName),
    position: i.position,
    createdBy: person(i.createdBy, r.creatorName),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    closedAt: iso(i.closedAt),
    commentCount: r.commentCount,
  };
}

export function presentComment(
  contractId: string,
  c: WorkIssueCommentRow,
  authorName: string | null,
): WorkIssueComment {
  return {
    id: c.id,
    author: person(c.authorId, authorName),
    body: c.body,
    bodyHtml: renderIssueMarkdown(contractId, c.body),
    createdAt: c.createdAt.toISOString(),
  };
}

export function presentAttachment(
  a: WorkIssueAttachmentRow,
  uploaderName: string | null,
): WorkIssueAttachment {
  return {
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: person(a.uploadedBy, uploaderName),
    createdAt: a.createdAt.toISOString(),
  };
}
