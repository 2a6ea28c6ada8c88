/**
 * `/app/trials/$trialId`: a professional's own trial — the task, the deadline in their time
 * zone with a countdown, the time box; accept or decline (with a reason); then files, links and
 * notes, submitted and resubmitted until the deadline (after it, a first submission is marked
 * late). Nothing of the other participants is ever here.
 */
import { useParams } from '@tanstack/react-router';
import { Download, Trash2, Upload as UploadIcon } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { MAX_TRIAL_LINKS, type MyTrial, type TrialFile } from '../../../core/contracts/trials.ts';
import { formatMoney } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ErrorPanel } from '../../ui/error-boundary.tsx';
import { uploadFile } from '../audit/upload.ts';
import { MarkdownHtml } from '../profiles/markdown-html.tsx';
import { ParticipantStatus } from './trial-compare.tsx';
import {
  countdown,
  myTrialFileUrl,
  timeBox,
  trialKeys,
  useAcceptTrial,
  useDeclineTrial,
  useMyTrial,
  useRemoveTrialFile,
  useSubmitTrial,
} from './trial-queries.ts';
import { useQueryClient } from '@tanstack/react-query';

/** The time left, refreshed every half minute. */
function Countdown({ deadline }: { deadline: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return <span className="font-medium">{countdown(deadline, now)}</span>;
}

function Respond({ trial }: { trial: MyTrial }) {
  const accept = useAcceptTrial(trial.id);
  const decline = useDeclineTrial(trial.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Card title="Will you do it?" description="The business sees your answer at once.">
      <div className="space-y-3">
        {declining ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              decline.mutate({ reason });
            }}
          >
            <TextAreaField
              label="Reason (optional)"
              hint="Shown to the business."
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" variant="danger" busy={decline.isPending}>
                Decline the trial
              </Button>
              <Button variant="secondary" onClick={() => setDeclining(false)}>
                Back
              </Button>
            </div>
          </form>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button busy={accept.isPending} onClick={() => accept.mutate()}>
              Accept the trial
            </Button>
            <Button variant="secondary" onClick={() => setDeclining(true)}>
              Decline…
            </Button>
          </div>
        )}
        {(accept.isError || decline.isError) && (
          <Alert>{errorMessage(accept.error ?? decline.error)}</Alert>
        )}
      </div>
    </Card>
  );
}

function Files({ trial, open, timeZone }: { trial: MyTrial; open: boolean; timeZone?: string }) {
  const queryClient = useQueryClient();
  const remove = useRemoveTrialFile(trial.id);
  const [failure, setFailure] = useState<string | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TrialFile | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function send(file: File) {
    setFailure(null);
    setUploading(file.name);
    const q = new URLSearchParams({ name: file.name.slice(0, 200) });
    try {
      await uploadFile<TrialFile>(
        `/trials/${trial.id}/files?${q.toString()}`,
        file,
        'application/octet-stream',
        () => {},
      ).done;
      await queryClient.invalidateQueries({ queryKey: trialKeys.mine(trial.id) });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setUploading(null);
    }
  }

  return (
    <div className="space-y-2">
      <h3 className="text-sm font-medium text-slate-900">Files</h3>
      {trial.me.files.length === 0 ? (
        <p className="text-sm text-slate-600">No files yet.</p>
      ) : (
        <ul className="space-y-1">
          {trial.me.files.map((f) => (
            <li key={f.id} className="flex items-center gap-2">
              <a
                href={myTrialFileUrl(trial.id, f.id)}
                download={f.name}
                className="inline-flex min-w-0 items-center gap-1 text-sm text-brand-700 underline"
              >
                <span className="truncate">{f.name}</span> <Download size={12} aria-hidden />
              </a>
              <span className="text-xs text-slate-600">
                {formatBytes(f.size)} · {formatDateTime(f.createdAt, timeZone)}
              </span>
              {open && (
                <button
                  type="button"
                  onClick={() => setRemoving(f)}
                  className="rounded-md p-1.5 text-slate-600 hover:bg-red-50 hover:text-red-700"
                >
                  <Trash2 size={14} aria-hidden />
                  <span className="sr-only">Remove {f.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {uploading && (
        <p role="status" className="text-sm text-slate-700">
          Uploading {uploading}…
        </p>
      )}
      {failure && <Alert>{failure}</Alert>}
      {open && !uploading && (
        <div>
          <input
            ref={input}
            id="trial-file"
            type="file"
            className="peer sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void send(file);
            }}
          />
          <label
            htmlFor="trial-file"
            className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700 hover:bg-slate-50"
          >
            <UploadIcon size={16} aria-hidden /> Add a file
          </label>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this file?"
        confirmLabel="Remove file"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing && remove.mutate(removing.id, { onSettled: () => setRemoving(null) })
        }
      >
        {removing?.name} is removed from your trial work.
      </ConfirmDialog>
    </div>
  );
}

function Work({ trial, timeZone }: { trial: MyTrial; timeZone?: string }) {
  const submit = useSubmitTrial(trial.id);
  const [notes, setNotes] = useState(trial.me.notes);
  const [links, setLinks] = useState(trial.me.links.join('\n'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const past = new Date(trial.deadline).getTime() < Date.now();
  const open = !(trial.me.status === 'submitted' && past) && !trial.cancelledAt;

  function send(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    const list = links
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    submit.mutate(
      { notes, links: list },
      {
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fieldErrors() : {};
          setErrors({
            notes: fields['body.notes'] ?? '',
            links: Object.entries(fields)
              .filter(([k]) => k.startsWith('body.links'))
              .map(([, m]) => m)
              .join(' '),
          });
        },
      },
    );
  }

  return (
    <Card
      title="Your work"
      description={
        trial.me.status === 'submitted'
          ? past
            ? 'Submitted. The deadline has passed, so it stays as sent.'
            : 'Submitted. You can change it and submit again until the deadline.'
          : past
            ? 'The deadline has passed: you can still submit, and it will be marked late.'
            : 'Add files, links and notes, then submit. You can resubmit until the deadline.'
      }
    >
      <div className="space-y-4">
        <Files trial={trial} open={open} timeZone={timeZone} />
        <form className="space-y-3" onSubmit={send}>
          <TextAreaField
            label="Notes"
            rows={5}
            maxLength={10_000}
            value={notes}
            disabled={!open}
            onChange={(e) => setNotes(e.target.value)}
            error={errors.notes || undefined}
          />
          <TextAreaField
            label="Links (one per line)"
            hint={`Up to ${MAX_TRIAL_LINKS}, each starting with https://`}
            rows={3}
            value={links}
            disabled={!open}
            onChange={(e) => setLinks(e.target.value)}
            error={errors.links || undefined}
          />
          {submit.isError && !errors.notes && !errors.links && (
            <Alert>{errorMessage(submit.error)}</Alert>
          )}
          {submit.isSuccess && <Alert tone="success">Submitted. The business has been told.</Alert>}
          {open && (
            <Button type="submit" busy={submit.isPending}>
              {trial.me.status === 'submitted' ? 'Submit again' : 'Submit'}
            </Button>
          )}
        </form>
      </div>
    </Card>
  );
}

export function MyTrialPage() {
  const { trialId } = useParams({ from: '/shell/app/trials/$trialId' });
  const me = useMe();
  const trial = useMyTrial(trialId);
  const timeZone = me.data?.user.timeZone;

  if (trial.isPending) return <Loading what="Loading the trial" />;
  if (trial.isError) {
    if (trial.error instanceof ApiError && trial.error.problem.status === 404)
      return (
        <EmptyState title="Trial not found">
          This trial does not exist or was not sent to you. Your trials are linked from your
          notifications.
        </EmptyState>
      );
    return <ErrorPanel error={trial.error} onRetry={() => void trial.refetch()} />;
  }
  const t = trial.data;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t.title}
        description={`A trial from ${t.businessName} for “${t.jobTitle}”.`}
      />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-600">Deadline</dt>
            <dd className="text-slate-900">
              {formatDateTime(t.deadline, timeZone)}
              <br />
              {!t.cancelledAt && <Countdown deadline={t.deadline} />}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Time box</dt>
            <dd className="text-slate-900">{timeBox(t.timeBoxMinutes)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Your status</dt>
            <dd>
              <ParticipantStatus p={t.me} />
            </dd>
          </div>
          {t.paid && (
            <div>
              <dt className="text-slate-600">Paid</dt>
              <dd className="text-slate-900">{formatMoney(t.paid)}</dd>
            </div>
          )}
        </dl>
      </Card>
      {t.cancelledAt && (
        <Alert tone="warning">
          {t.businessName} cancelled this trial on {formatDateTime(t.cancelledAt, timeZone)}.
          Nothing more is needed from you.
        </Alert>
      )}
      <Card title="Instructions">
        <MarkdownHtml html={t.instructionsHtml} />
        <h3 className="mt-4 text-sm font-medium text-slate-900">How it is judged</h3>
        <ul className="list-disc pl-5 text-sm text-slate-700">
          {t.rubric.map((c) => (
            <li key={c.id}>
              {c.label} (weight {c.weight})
            </li>
          ))}
        </ul>
      </Card>
      {!t.cancelledAt && t.me.status === 'invited' && <Respond trial={t} />}
      {t.me.status === 'declined' && (
        <Alert tone="info">
          You declined this trial{t.me.declineReason ? `: “${t.me.declineReason}”` : '.'}
        </Alert>
      )}
      {t.me.status === 'closed' && (
        <Alert tone="info">
          This trial is closed: {t.businessName} gave the job to another professional. Nothing more
          is needed from you.
        </Alert>
      )}
      {(t.me.status === 'accepted' || t.me.status === 'submitted') && (
        <Work trial={t} timeZone={timeZone} />
      )}
    </div>
  );
}
