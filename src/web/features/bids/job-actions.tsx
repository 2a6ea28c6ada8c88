/**
 * The professional's actions on a job's page (issue 11, item 0: no dead ends): bid or edit the
 * bid, withdraw it, save the job, ask a question, decline an invitation; an anonymous visitor is
 * led to sign up and comes back to this job; a member of the job's business gets links to its
 * bids and questions instead. Answered questions are listed for every reader, asker unnamed.
 *
 * Loaded lazily by the public job page (one line there), so the public page's first load stays
 * light; it imports no zod. The anonymous visitor's part is anonymous-actions.tsx, in the page's
 * first load.
 */
import { Link } from '@tanstack/react-router';
import { Bookmark, BookmarkCheck, MessageCircleQuestion } from 'lucide-react';
import { useId, useState } from 'react';
import type { JobStatus } from '../../../core/jobs.ts';
import { errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { useViewer } from '../jobs/board-layout.tsx';
import { bidStatusLabel, money } from './bid-format.ts';
import {
  useAskQuestion,
  useDeclineInvitation,
  useJobQuestions,
  useJobViewer,
  useSaveJob,
  useWithdrawBid,
} from './bid-queries.ts';

import { primaryLink, secondaryLink } from './anonymous-actions.tsx';

export function JobActions({ jobId, status }: { jobId: string; status: JobStatus }) {
  const { signedIn, me } = useViewer();
  if (me.isPending) return null;
  // An anonymous visitor's "sign up to bid" is not here but in the page itself
  // (anonymous-actions.tsx): it is in the server-rendered HTML, so nothing shifts when this loads.
  return (
    <div className="space-y-4">
      {signedIn && <SignedInActions jobId={jobId} status={status} />}
      <AnsweredQuestions jobId={jobId} />
    </div>
  );
}

function SignedInActions({ jobId, status }: { jobId: string; status: JobStatus }) {
  const viewer = useJobViewer(jobId, true);
  const save = useSaveJob(jobId);
  const withdraw = useWithdrawBid(jobId);
  const decline = useDeclineInvitation(jobId);
  const [confirm, setConfirm] = useState<'withdraw' | 'decline' | null>(null);
  const [asking, setAsking] = useState(false);

  if (viewer.isPending) return null;
  if (viewer.isError) {
    return (
      <Alert>Your actions on this job could not be loaded ({errorMessage(viewer.error)}).</Alert>
    );
  }
  const v = viewer.data;
  if (v.memberOf) {
    const { businessId } = v.memberOf;
    return (
      <section
        aria-label="Your business’s job"
        className="flex flex-wrap items-center gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
      >
        <p className="w-full text-sm text-slate-700 sm:w-auto sm:flex-1">
          This is your business’s job.
        </p>
        <a href={`/app/businesses/${businessId}/jobs/${jobId}/bids`} className={primaryLink}>
          See the bids
        </a>
        <Link
          to="/app/businesses/$businessId/jobs/$jobId/questions"
          params={{ businessId, jobId }}
          className={secondaryLink}
        >
          Answer questions
        </Link>
      </section>
    );
  }

  const bid = v.bid;
  const label = bid ? bidStatusLabel(bid.status) : null;
  const error = save.error ?? withdraw.error ?? decline.error;
  return (
    <section
      aria-label="Your actions on this job"
      className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
    >
      {bid && label && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
          Your bid: <strong>{money(bid.total)}</strong>
          <Badge tone={label.tone} srLabel="Status">
            {label.label}
          </Badge>
          <Link to="/app/bids" className="text-brand-700 underline">
            All your bids
          </Link>
        </p>
      )}
      {v.invitation === 'declined' && (
        <p className="text-sm text-slate-600">You declined this invitation.</p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {v.canBid && (
          <Link to="/app/jobs/$jobId/bid" params={{ jobId }} className={primaryLink}>
            Bid on this job
          </Link>
        )}
        {bid?.status === 'submitted' && status === 'open' && (
          <Link to="/app/jobs/$jobId/bid" params={{ jobId }} className={primaryLink}>
            Edit your bid
          </Link>
        )}
        {bid && (bid.status === 'submitted' || bid.status === 'shortlisted') && (
          <Button variant="danger" onClick={() => setConfirm('withdraw')}>
            Withdraw bid
          </Button>
        )}
        <Button
          variant="secondary"
          aria-pressed={v.saved}
          busy={save.isPending}
          onClick={() => save.mutate(!v.saved)}
        >
          {v.saved ? <BookmarkCheck size={16} aria-hidden /> : <Bookmark size={16} aria-hidden />}
          {v.saved ? 'Saved' : 'Save for later'}
        </Button>
        {status === 'open' && (
          <Button variant="secondary" aria-expanded={asking} onClick={() => setAsking(!asking)}>
            <MessageCircleQuestion size={16} aria-hidden />
            Ask a question
          </Button>
        )}
        {v.invitation === 'invited' && !bid && (
          <Button variant="ghost" onClick={() => setConfirm('decline')}>
            Decline invitation
          </Button>
        )}
      </div>
      {!v.isProfessional && !bid && (
        <p className="text-sm text-slate-600">
          Bids come from professionals.{' '}
          <Link to="/app/profile" className="text-brand-700 underline">
            Start your professional profile
          </Link>{' '}
          to bid.
        </p>
      )}
      {error && <Alert>{errorMessage(error)}</Alert>}
      {asking && <AskForm jobId={jobId} onDone={() => setAsking(false)} />}
      <ConfirmDialog
        open={confirm === 'withdraw'}
        title="Withdraw your bid?"
        confirmLabel="Withdraw bid"
        busy={withdraw.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => bid && withdraw.mutate(bid.id, { onSuccess: () => setConfirm(null) })}
      >
        The business will no longer consider it. You can send a new bid while the job is open.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'decline'}
        title="Decline this invitation?"
        confirmLabel="Decline invitation"
        busy={decline.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => decline.mutate(undefined, { onSuccess: () => setConfirm(null) })}
      >
        The job leaves your invited jobs. You can still read it from this address.
      </ConfirmDialog>
    </section>
  );
}

function AskForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const ask = useAskQuestion(jobId);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const id = useId();
  const fieldError =
    ask.error && 'fieldError' in ask.error
      ? (ask.error as { fieldError: (f: string) => string | undefined }).fieldError('question')
      : undefined;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate(text, {
          onSuccess: () => {
            setText('');
            setSent(true);
          },
        });
      }}
    >
      <TextAreaField
        id={id}
        label="Your question to the business"
        hint="The answer is shown on this job to every professional; you are not named."
        value={text}
        maxLength={2000}
        rows={3}
        error={fieldError ?? (ask.error && !fieldError ? errorMessage(ask.error) : undefined)}
        onChange={(e) => {
          setText(e.target.value);
          setSent(false);
        }}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" busy={ask.isPending}>
          Send question
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Close
        </Button>
        <span role="status" className="text-sm text-emerald-700">
          {sent && 'Sent. You will be told when the business answers.'}
        </span>
      </div>
    </form>
  );
}

function AnsweredQuestions({ jobId }: { jobId: string }) {
  const questions = useJobQuestions(jobId);
  const { timeZone } = useViewer();
  if (!questions.data) return null;
  const { items, mine } = questions.data;
  const waiting = mine.filter((q) => q.answer === null);
  if (items.length === 0 && waiting.length === 0) return null;
  return (
    <section aria-labelledby="qa-heading" className="space-y-2">
      <h2 id="qa-heading" className="text-lg font-semibold text-slate-900">
        Questions and answers
      </h2>
      {items.length > 0 && (
        <dl className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
          {items.map((q) => (
            <div key={q.id} className="px-4 py-3">
              <dt className="font-medium break-words text-slate-900">{q.question}</dt>
              <dd className="mt-1 break-words whitespace-pre-line text-slate-800">{q.answer}</dd>
              <dd className="mt-1 text-xs text-slate-600">
                Answered {formatDate(q.answeredAt, timeZone)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {waiting.length > 0 && (
        <div className="text-sm text-slate-700">
          <p>Your questions waiting for an answer:</p>
          <ul className="list-disc pl-5">
            {waiting.map((q) => (
              <li key={q.id} className="break-words">
                {q.question}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
