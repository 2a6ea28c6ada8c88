import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api.ts';
import { fromWallTime } from '../../format.ts';
import { useBusiness } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useProposeInterview } from './interview-queries.ts';
import { SlotsEditor } from './slots-editor.tsx';

const LENGTHS = [15, 30, 45, 60, 90, 120].map((m) => ({ value: String(m), label: `${m} minutes` }));

/** `/app/businesses/$businessId/jobs/$jobId/bids/$bidId/interview`: propose times to a bidder. */
export function ProposeInterviewPage() {
  const { businessId, jobId, bidId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/bids/$bidId/interview',
  });
  const business = useBusiness(businessId);
  const propose = useProposeInterview(businessId, jobId, bidId);
  const navigate = useNavigate();
  const [slots, setSlots] = useState<string[]>(['', '', '']);
  const [duration, setDuration] = useState('30');
  const [callLink, setCallLink] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (business.isPending) return <Loading what="Loading the business" />;
  if (business.isError) return <Alert>{errorMessage(business.error)}</Alert>;
  const timeZone = business.data.timeZone;
  const field = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const filled = slots.filter((s) => s !== '');
  return (
    <>
      <PageHeader
        title="Propose interview times"
        description={`Times are in your business’s time zone, ${timeZone}. The professional sees them in theirs and picks one.`}
      />
      <Card>
        <form
          noValidate
          className="space-y-5"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            propose.mutate(
              {
                slots: filled.map((s) => fromWallTime(s, timeZone)),
                durationMinutes: Number(duration),
                callLink: callLink.trim(),
              },
              {
                onError: setError,
                onSuccess: () =>
                  void navigate({
                    to: '/app/businesses/$businessId/jobs/$jobId/interviews',
                    params: { businessId, jobId },
                  }),
              },
            );
          }}
        >
          {error !== null && !(error instanceof ApiError && error.problem.errors) && (
            <Alert>{errorMessage(error)}</Alert>
          )}
          <SlotsEditor
            slots={slots}
            onChange={setSlots}
            timeZone={timeZone}
            errorFor={(i) => field(`slots.${slots.slice(0, i).filter((s) => s !== '').length}`)}
          />
          {field('slots') && !field('slots.0') && (
            <p className="text-xs text-red-700">{field('slots')}</p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Length"
              options={LENGTHS}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            />
            <TextField
              label="Call link"
              type="url"
              placeholder="https://meet.example.com/…"
              hint="Google Meet, Zoom, Jitsi… both sides get it with the invitation."
              value={callLink}
              error={field('callLink')}
              onChange={(e) => setCallLink(e.target.value)}
            />
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <Link
              to="/app/businesses/$businessId/jobs/$jobId/interviews"
              params={{ businessId, jobId }}
              className="rounded-md px-3 py-2 text-sm text-slate-700 underline"
            >
              Back to the job’s interviews
            </Link>
            <Button type="submit" busy={propose.isPending} disabled={filled.length === 0}>
              Send {filled.length === 1 ? 'this time' : `${filled.length} times`}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
