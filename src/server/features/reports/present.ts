/** Report rows as the API shows them. */
import type { Report, ReportComment } from '../../../core/contracts/reports.ts';
import type { listComments, listReports } from './queries.ts';

type ReportRecord = Awaited<ReturnType<typeof listReports>>[number];
type CommentRecord = Awaited<ReturnType<typeof listComments>>[number];

export function presentComment({ comment, authorName }: CommentRecord): ReportComment {
  return {
    id: comment.id,
    author: comment.authorId ? { id: comment.authorId, name: authorName ?? '' } : null,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  };
}

export function presentReport(
  { report, submitterName }: ReportRecord,
  comments: CommentRecord[],
): Report {
  return {
    id: report.id,
    dueOn: report.dueOn,
    done: report.done,
    next: report.next,
    blockers: report.blockers,
    hours: report.hours,
    percentComplete: report.percentComplete,
    submittedBy: report.submittedBy ? { id: report.submittedBy, name: submitterName ?? '' } : null,
    submittedAt: report.submittedAt.toISOString(),
    late: report.late,
    comments: comments.filter((c) => c.comment.reportId === report.id).map(presentComment),
  };
}
