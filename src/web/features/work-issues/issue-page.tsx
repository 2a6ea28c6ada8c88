/**
 * `/app/contracts/$contractId/issues/$number`: one issue — its fields (editable by those who
 * may write issues), its description, files and comments.
 */
import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import type { Contract } from '../../../core/contracts/offers.ts';
import type { WorkIssueAttachment, WorkIssueDetail } from '../../../core/contracts/work-issues.ts';
import { WORK_ISSUE_PRIORITIES, WORK_ISSUE_STATUSES } from '../../../core/work.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { uploadFile } from '../audit/upload.ts';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import { MarkdownHtml } from '../profiles/markdown-html.tsx';
import { PRIORITY_LABEL, PRIORITY_TONE, STATUS_LABEL } from './issue-labels.ts';
import {
  issueKeys,
  useCommentIssue,
  useIssue,
  useIssueBoard,
  useUpdateIssue,
} from './issue-queries.ts';
import { useQueryClient } from '@tanstack/react-query';

export function IssuePage() {
  const { contractId, number } = useParams({
    from: '/shell/app/contracts/$contractId/issues/$number',
  });
  return (
    <ContractFrame contractId={contractId} tab="issues">
      {(contract) => <IssueView contract={contract} number={Number(number)} />}
    </ContractFrame>
  );
}

function IssueView({ contract, number }: { contract: Contract; number: number }) {
  const issue = useIssue(contract.id, number);
  const me = useMe();
  const canWrite = contract.viewer.abilities.includes('issues.write');
  const timeZone = me.data?.user.timeZone;
  const back = (
    <Link
      to="/app/contracts/$contractId/issues"
      params={{ contractId: contract.id }}
      className="text-sm text-brand-700 hover:underline"
    >
      ← All issues
    </Link>
  );
  if (issue.isPending) return <Loading what="Loading the issue" />;
  if (issue.isError) {
    const missing = issue.error instanceof ApiError && issue.error.problem.status === 404;
    return (
      <div className="space-y-3">
        {back}
        <Alert>
          {missing ? `There is no issue #${number} on this contract.` : errorMessage(issue.error)}
        </Alert>
      </div>
    );
  }
  const i = issue.data;
  return (
    <div className="space-y-4">
      {back}
      <header>
        <h2 className="text-xl font-semibold text-slate-900">
          <span className="text-slate-600">#{i.number}</span> {i.title}
        </h2>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge>{STATUS_LABEL[i.status]}</Badge>
          <Badge tone={PRIORITY_TONE[i.priority]}>{PRIORITY_LABEL[i.priority]}</Badge>
          {i.labels.map((l) => (
            <Badge key={l} tone="outline">
              {l}
            </Badge>
          ))}
          <span>
            Opened by {i.createdBy?.name ?? 'a former member'} on{' '}
            {formatDateTime(i.createdAt, timeZone)}
            {i.closedAt && ` · closed ${formatDateTime(i.closedAt, timeZone)}`}
          </span>
        </p>
      </header>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title="Description">
            {i.description.trim() ? (
              <MarkdownHtml html={i.descriptionHtml} />
            ) : (
              <p className="text-sm text-slate-600">
                No description{canWrite ? ' yet: add one with Edit.' : '.'}
              </p>
            )}
          </Card>
          <Comments contractId={contract.id} issue={i} canWrite={canWrite} timeZone={timeZone} />
        </div>
        <div className="space-y-4">
          {canWrite ? (
            <EditIssue contractId={contract.id} issue={i} />
          ) : (
            <Card title="Details">
              <p className="text-sm">Assignee: {i.assignee?.name ?? 'Nobody'}</p>
            </Card>
          )}
          <Files contractId={contract.id} issue={i} canWrite={canWrite} timeZone={timeZone} />
        </div>
      </div>
    </div>
  );
}

function EditIssue({ contractId, issue }: { contractId: string; issue: WorkIssueDetail }) {
  const update = useUpdateIssue(contractId, issue.number);
  const people = useIssueBoard(contractId).data?.people ?? [];
  const [title, setTitle] = useState(issue.title);
  const [description, setDescription] = useState(issue.description);
  const [labels, setLabels] = useState(issue.labels.join(', '));
  const [saved, setSaved] = useState(false);
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const save = (body: Parameters<typeof update.mutateAsync>[0]) => {
    setSaved(false);
    update.mutateAsync(body).then(
      () => setSaved(true),
      () => undefined,
    );
  };
  return (
    <Card title="Details">
      <div className="space-y-3">
        <SelectField
          label="Status"
          value={issue.status}
          onChange={(e) => save({ status: e.target.value as WorkIssueDetail['status'] })}
          options={WORK_ISSUE_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
        />
        <SelectField
          label="Priority"
          value={issue.priority}
          onChange={(e) => save({ priority: e.target.value as WorkIssueDetail['priority'] })}
          options={WORK_ISSUE_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
        />
        <SelectField
          label="Assignee"
          value={issue.assignee?.id ?? ''}
          error={fieldErrors.assigneeId}
          onChange={(e) => save({ assigneeId: e.target.value || null })}
          options={[
            { value: '', label: 'Nobody' },
            ...people.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            save({
              title,
              description,
              labels: labels
                .split(',')
                .map((l) => l.trim())
                .filter(Boolean),
            });
          }}
        >
          <TextField
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={fieldErrors.title}
          />
          <TextAreaField
            label="Description"
            hint="Markdown. Write #12 to link to issue 12."
            rows={6}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={fieldErrors.description}
          />
          <TextField
            label="Labels"
            hint="Separated by commas"
            value={labels}
            onChange={(e) => setLabels(e.target.value)}
            error={fieldErrors.labels}
          />
          <Button type="submit" variant="secondary" disabled={update.isPending}>
            Save title, description and labels
          </Button>
        </form>
        {update.isError && Object.keys(fieldErrors).length === 0 && (
          <Alert>{errorMessage(update.error)}</Alert>
        )}
        {saved && !update.isPending && <Alert tone="success">Saved.</Alert>}
      </div>
    </Card>
  );
}

function Comments({
  contractId,
  issue,
  canWrite,
  timeZone,
}: {
  contractId: string;
  issue: WorkIssueDetail;
  canWrite: boolean;
  timeZone: string | undefined;
}) {
  const comment = useCommentIssue(contractId, issue.number);
  const [body, setBody] = useState('');
  const error = comment.error instanceof ApiError ? comment.error.fieldErrors().body : undefined;
  return (
    <Card title={`Comments (${issue.comments.length})`}>
      <div className="space-y-4">
        {issue.comments.length === 0 ? (
          <p className="text-sm text-slate-600">
            No comments yet.{canWrite ? ' Ask a question or note progress below.' : ''}
          </p>
        ) : (
          <ol className="space-y-3">
            {issue.comments.map((c) => (
              <li key={c.id} className="rounded-md bg-slate-50 p-3">
                <p className="mb-1 text-xs text-slate-600">
                  <span className="font-semibold text-slate-800">
                    {c.author?.name ?? 'A former member'}
                  </span>{' '}
                  · {formatDateTime(c.createdAt, timeZone)}
                </p>
                <MarkdownHtml html={c.bodyHtml} />
              </li>
            ))}
          </ol>
        )}
        {canWrite && (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              comment.mutateAsync({ body }).then(
                () => setBody(''),
                () => undefined,
              );
            }}
          >
            <TextAreaField
              label="Add a comment"
              hint="Markdown. Write #12 to link to issue 12."
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              error={error}
            />
            {comment.isError && !error && <Alert>{errorMessage(comment.error)}</Alert>}
            <Button type="submit" disabled={comment.isPending || !body.trim()}>
              Comment
            </Button>
          </form>
        )}
      </div>
    </Card>
  );
}

function Files({
  contractId,
  issue,
  canWrite,
  timeZone,
}: {
  contractId: string;
  issue: WorkIssueDetail;
  canWrite: boolean;
  timeZone: string | undefined;
}) {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const base = `/contracts/${contractId}/issues/${issue.number}/attachments`;

  async function upload(file: File) {
    setFailure(null);
    setProgress(`Uploading ${file.name}…`);
    const q = new URLSearchParams({ name: file.name.slice(0, 200) });
    try {
      await uploadFile<WorkIssueAttachment>(
        `${base}?${q.toString()}`,
        file,
        'application/octet-stream',
        (loaded, total) =>
          setProgress(
            `Uploading ${file.name}: ${Math.round((loaded / Math.max(total, 1)) * 100)}%`,
          ),
      ).done;
      void queryClient.invalidateQueries({ queryKey: issueKeys.all(contractId) });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Card title="Files">
      <div className="space-y-3">
        {issue.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">
            No files.{canWrite ? ' Attach screenshots, logs or documents below.' : ''}
          </p>
        ) : (
          <ul className="space-y-2 text-sm">
            {issue.attachments.map((a) => (
              <li key={a.id}>
                <a
                  href={`/api/v1${base}/${a.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {a.name}
                </a>{' '}
                <span className="text-slate-600">
                  {formatBytes(a.size)} · {a.uploadedBy?.name ?? 'a former member'} ·{' '}
                  {formatDateTime(a.createdAt, timeZone)}
                </span>
                <span className="block truncate font-mono text-xs text-slate-600" title={a.sha256}>
                  SHA-256 {a.sha256}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canWrite && (
          <div>
            <label htmlFor="issue-file" className="block text-sm font-medium text-slate-800">
              Attach a file
            </label>
            <input
              id="issue-file"
              ref={input}
              type="file"
              className="mt-1 block w-full text-sm"
              disabled={progress !== null}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </div>
        )}
        {progress && (
          <p role="status" className="text-sm text-slate-600">
            {progress}
          </p>
        )}
        {failure && <Alert>{failure}</Alert>}
      </div>
    </Card>
  );
}
