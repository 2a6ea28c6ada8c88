/**
 * /app/businesses/:businessId/jobs/:jobId/questions — the business answers professionals'
 * questions on a job. An answer is shown on the job to every professional who can read it; the
 * asker is never named, here either (only whether they have bid). Viewers read; owners and
 * managers answer (`bids.manage`).
 */
import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { BusinessQuestion } from '../../../core/contracts/bids.ts';
import { can } from '../../../core/permissions.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useAnswerQuestion, useBusinessQuestions } from './bid-queries.ts';

export function JobQuestionsPage() {
  const { businessId, jobId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/questions',
  });
  const questions = useBusinessQuestions(businessId, jobId);
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.businessId === businessId)?.role;
  const mayAnswer = role !== undefined && can(role, 'bids.manage');
  const items = questions.data?.items ?? [];
  const open = items.filter((q) => q.answer === null).length;
  return (
    <>
      <PageHeader
        title="Questions from professionals"
        description={
          <>
            {open === 0 ? 'Nothing waits for an answer.' : `${open} waiting for an answer.`} Answers
            are shown on the job to every professional who can read it; who asked is never shown.
          </>
        }
        actions={
          <Link
            to="/app/businesses/$businessId/jobs/$jobId"
            params={{ businessId, jobId }}
            className="text-sm text-brand-700 underline"
          >
            Back to the job
          </Link>
        }
      />
      <ListState
        query={questions}
        count={items.length}
        loading="Loading the questions"
        empty={{
          title: 'No questions yet',
          body: 'Professionals reading the job can ask you questions; they will appear here, and you will be notified.',
        }}
      >
        <ul className="space-y-4">
          {items.map((q) => (
            <QuestionItem
              key={q.id}
              businessId={businessId}
              jobId={jobId}
              question={q}
              mayAnswer={mayAnswer}
              timeZone={me.data?.user.timeZone}
            />
          ))}
        </ul>
      </ListState>
    </>
  );
}

function QuestionItem({
  businessId,
  jobId,
  question: q,
  mayAnswer,
  timeZone,
}: {
  businessId: string;
  jobId: string;
  question: BusinessQuestion;
  mayAnswer: boolean;
  timeZone: string | undefined;
}) {
  const answer = useAnswerQuestion(businessId, jobId);
  const [editing, setEditing] = useState(q.answer === null);
  const [text, setText] = useState(q.answer ?? '');
  const id = useId();
  const fieldError =
    answer.error instanceof ApiError ? answer.error.fieldError('answer') : undefined;
  return (
    <li className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>Asked {formatDateTime(q.createdAt, timeZone)}</span>
        <Badge tone={q.askerHasBid ? 'success' : 'outline'}>
          {q.askerHasBid ? 'By a bidder' : 'By a professional (no bid yet)'}
        </Badge>
        {q.answer === null && <Badge tone="warning">Unanswered</Badge>}
      </div>
      <p className="font-medium break-words whitespace-pre-line text-slate-900">{q.question}</p>
      {q.answer !== null && !editing && (
        <div className="space-y-1">
          <p className="break-words whitespace-pre-line text-slate-800">{q.answer}</p>
          {q.answeredAt && (
            <p className="text-xs text-slate-600">
              Answered {formatDateTime(q.answeredAt, timeZone)}
            </p>
          )}
          {mayAnswer && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit answer
            </Button>
          )}
        </div>
      )}
      {mayAnswer && editing && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate(
              { questionId: q.id, answer: text },
              { onSuccess: () => setEditing(false) },
            );
          }}
        >
          <TextAreaField
            id={id}
            label="Your answer"
            hint="Shown on the job to every professional who can read it."
            rows={3}
            maxLength={5_000}
            value={text}
            error={
              fieldError ?? (answer.error && !fieldError ? errorMessage(answer.error) : undefined)
            }
            onChange={(e) => setText(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" busy={answer.isPending}>
              {q.answer === null ? 'Publish answer' : 'Save answer'}
            </Button>
            {q.answer !== null && (
              <Button variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            )}
          </div>
        </form>
      )}
      {!mayAnswer && q.answer === null && (
        <p className="text-sm text-slate-600">An owner or manager can answer it.</p>
      )}
    </li>
  );
}
