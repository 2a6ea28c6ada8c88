import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { calendarUrl, useAnswerInterview, useMyInterview } from './interview-queries.ts';
import { InterviewStatusBadge } from './interview-status.tsx';

/**
 * `/app/interviews/$interviewId`: the professional's interview. The times read in their own
 * time zone (their account's), with the business's beside them.
 */
export function InterviewPage() {
  const { interviewId } = useParams({ from: '/shell/app/interviews/$interviewId' });
  const interview = useMyInterview(interviewId);
  const answer = useAnswerInterview(interviewId);
  const [choice, setChoice] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (interview.isPending) return <Loading what="Loading the interview" />;
  if (interview.isError) return <Alert>{errorMessage(interview.error)}</Alert>;
  const i = interview.data;
  const mine = i.professional.timeZone;
  const theirs = i.business.timeZone;
  const canPick = i.status === 'proposed' || i.status === 'other_times_requested';
  const field = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  return (
    <>
      <PageHeader
        title={`Interview with ${i.business.name}`}
        description={`About “${i.jobTitle}”. Times are in your time zone, ${mine}; ${i.business.name} is in ${theirs}.`}
      />
      <div className="space-y-6">
        <Card>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-700">{i.durationMinutes} minutes, by video call</p>
            <InterviewStatusBadge status={i.status} />
          </div>
          {i.startsAt && i.status !== 'cancelled' && (
            <div className="mt-4 space-y-2">
              <p className="text-lg font-medium text-slate-900">
                {formatDateTime(i.startsAt, mine)}
              </p>
              <p className="text-sm text-slate-600">
                For {i.business.name}: {formatDateTime(i.startsAt, theirs)} ({theirs})
              </p>
              <div className="flex flex-wrap gap-3 text-sm">
                <a className="text-brand-700 underline" href={calendarUrl.mine(i.id)} download>
                  Add to my calendar (.ics)
                </a>
                <a className="text-brand-700 underline" href={i.callLink} rel="noreferrer">
                  Open the call link
                </a>
              </div>
            </div>
          )}
          {i.status === 'cancelled' && (
            <p className="mt-4 text-sm text-slate-700">
              {i.business.name} cancelled this interview.
            </p>
          )}
        </Card>
        {canPick && (
          <Card
            title="Pick a time"
            description="Choose the one that suits you; both of you get a calendar invitation."
          >
            <form
              noValidate
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                if (!choice) return;
                setError(null);
                answer.mutate({ book: choice }, { onError: setError });
              }}
            >
              <fieldset>
                <legend className="sr-only">Proposed times</legend>
                <ul className="space-y-2">
                  {i.slots.map((s) => (
                    <li key={s}>
                      <label className="flex cursor-pointer items-start gap-3 rounded-md p-2 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-700">
                        <input
                          type="radio"
                          name="slot"
                          value={s}
                          checked={choice === s}
                          onChange={() => setChoice(s)}
                          className="mt-1"
                        />
                        <span>
                          <span className="block font-medium text-slate-900">
                            {formatDateTime(s, mine)}
                          </span>
                          <span className="block text-xs text-slate-600">
                            {formatDateTime(s, theirs)} for {i.business.name}
                          </span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              {field('startsAt') && <p className="text-xs text-red-700">{field('startsAt')}</p>}
              {error !== null && !field('startsAt') && !asking && (
                <Alert>{errorMessage(error)}</Alert>
              )}
              <div className="flex flex-wrap justify-end gap-2">
                <Button variant="secondary" onClick={() => setAsking(true)}>
                  None of these work
                </Button>
                <Button type="submit" busy={answer.isPending} disabled={!choice}>
                  Book this time
                </Button>
              </div>
            </form>
          </Card>
        )}
        {canPick && (asking || i.status === 'other_times_requested') && (
          <Card title="Ask for other times">
            {i.professionalMessage && (
              <p className="mb-3 text-sm text-slate-700">
                You asked: “{i.professionalMessage}”. {i.business.name} may propose new times.
              </p>
            )}
            <form
              noValidate
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                setError(null);
                answer.mutate(
                  { otherTimes: { message } },
                  { onError: setError, onSuccess: () => setMessage('') },
                );
              }}
            >
              <TextAreaField
                label="When would suit you?"
                rows={3}
                value={message}
                error={field('message')}
                onChange={(e) => setMessage(e.target.value)}
              />
              <Button type="submit" busy={answer.isPending}>
                Send
              </Button>
            </form>
          </Card>
        )}
      </div>
    </>
  );
}
