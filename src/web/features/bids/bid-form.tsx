/**
 * /app/jobs/:jobId/bid — send a bid, or edit it while it is only submitted: a fixed price with
 * milestones that add up to it, or an hourly rate with the hours expected; the answers to the
 * job's screening questions; files once the bid exists. Amounts are typed in major units and
 * sent in minor units; the server's field errors land under their fields.
 */
import { Link, useParams } from '@tanstack/react-router';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Bid, SaveBidInput } from '../../../core/contracts/bids.ts';
import type { PublicJob } from '../../../core/contracts/jobs.ts';
import type { TermsType } from '../../../core/hiring.ts';
import { fromMajor, toMajor } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { COMMON_CURRENCIES, currencyName } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { usePublicJob } from '../jobs/board-queries.ts';
import { BidFiles } from './bid-files.tsx';
import { money } from './bid-format.ts';
import { useBid, useJobViewer, useSaveBid } from './bid-queries.ts';

interface MilestoneRow {
  key: number;
  title: string;
  amount: string;
  dueDate: string;
}

interface FormState {
  termsType: TermsType;
  currency: string;
  amount: string;
  hourlyRate: string;
  estimatedHours: string;
  durationDays: string;
  coverLetter: string;
  milestones: MilestoneRow[];
  answers: string[];
}

let nextKey = 1;
const major = (amount: number | null, currency: string) =>
  amount === null ? '' : String(toMajor({ amount, currency }));

function initialState(job: PublicJob, bid: Bid | undefined, fallbackCurrency: string): FormState {
  if (bid) {
    return {
      termsType: bid.termsType,
      currency: bid.currency,
      amount: major(bid.amount, bid.currency),
      hourlyRate: major(bid.hourlyRate, bid.currency),
      estimatedHours: bid.estimatedHours === null ? '' : String(bid.estimatedHours),
      durationDays: bid.durationDays === null ? '' : String(bid.durationDays),
      coverLetter: bid.coverLetter,
      milestones: bid.milestones.map((m) => ({
        key: nextKey++,
        title: m.title,
        amount: major(m.amount, bid.currency),
        dueDate: m.dueDate ?? '',
      })),
      answers: job.brief.screeningQuestions.map(
        (q, i) => bid.answers.find((a) => a.question === q)?.answer ?? bid.answers[i]?.answer ?? '',
      ),
    };
  }
  const budget = job.brief.budget;
  return {
    termsType: budget?.type ?? 'fixed',
    currency: budget?.currency ?? fallbackCurrency,
    amount: '',
    hourlyRate: '',
    estimatedHours: '',
    durationDays: job.brief.durationDays ? String(job.brief.durationDays) : '',
    coverLetter: '',
    milestones: [],
    answers: job.brief.screeningQuestions.map(() => ''),
  };
}

/** A typed amount in minor units; NaN stays NaN so the server names the field. */
const minor = (text: string, currency: string) =>
  text.trim() === '' ? null : fromMajor(Number(text), currency).amount;
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

function toBody(s: FormState): SaveBidInput {
  const fixed = s.termsType === 'fixed';
  return {
    termsType: s.termsType,
    currency: s.currency,
    amount: fixed ? minor(s.amount, s.currency) : null,
    hourlyRate: fixed ? null : minor(s.hourlyRate, s.currency),
    estimatedHours: fixed ? null : numberOrNull(s.estimatedHours),
    durationDays: numberOrNull(s.durationDays),
    coverLetter: s.coverLetter,
    milestones: fixed
      ? s.milestones.map((m) => ({
          title: m.title,
          amount: minor(m.amount, s.currency) ?? 0,
          dueDate: m.dueDate || null,
        }))
      : [],
    answers: s.answers,
  };
}

export function BidFormPage() {
  const { jobId } = useParams({ from: '/shell/app/jobs/$jobId/bid' });
  const job = usePublicJob(jobId);
  const viewer = useJobViewer(jobId, true);
  const bid = useBid(viewer.data?.bid?.id);
  const me = useMe();

  if (job.isPending || viewer.isPending || (viewer.data?.bid && bid.isPending) || me.isPending)
    return <Loading what="Loading the job" />;
  const failed = job.error ?? viewer.error ?? bid.error;
  if (failed || !job.data || !viewer.data) {
    return (
      <Alert>
        This job could not be loaded ({errorMessage(failed)}).{' '}
        <Link to="/jobs" className="underline">
          Browse open jobs
        </Link>
      </Alert>
    );
  }
  const v = viewer.data;
  if (v.memberOf) {
    return <Alert tone="info">This is your business’s job: members do not bid on it.</Alert>;
  }
  if (v.bid && v.bid.status !== 'submitted') {
    return (
      <>
        <PageHeader title={`Your bid on ${job.data.brief.title}`} />
        <Alert tone="info">
          Your bid is {v.bid.status.replace('_', ' ')}; it can no longer be edited.{' '}
          <Link to="/app/bids" className="underline">
            See your bids
          </Link>
        </Alert>
      </>
    );
  }
  if (!v.bid && !v.canBid) {
    return (
      <Alert tone="info">
        {v.isProfessional
          ? 'This job is not taking bids.'
          : 'Bids come from professionals: start your professional profile first.'}{' '}
        <Link to="/jobs/$jobId" params={{ jobId }} className="underline">
          Back to the job
        </Link>
      </Alert>
    );
  }
  return (
    // No key: once a new bid is sent the same form goes on, now editing it (with its files).
    <BidForm job={job.data} bid={bid.data} fallbackCurrency={me.data?.user.currency ?? 'USD'} />
  );
}

function BidForm({
  job,
  bid,
  fallbackCurrency,
}: {
  job: PublicJob;
  bid: Bid | undefined;
  fallbackCurrency: string;
}) {
  const [s, setS] = useState(() => initialState(job, bid, fallbackCurrency));
  const [saved, setSaved] = useState<string | null>(null);
  const saveBid = useSaveBid(job.id, bid?.id);
  const set = (patch: Partial<FormState>) => {
    setSaved(null);
    setS((prev) => ({ ...prev, ...patch }));
  };
  const errors = saveBid.error instanceof ApiError ? saveBid.error.fieldErrors() : {};
  const placed = Object.keys(errors).length > 0;
  const err = (path: string) => errors[path];

  const fixed = s.termsType === 'fixed';
  const currencies = [...new Set([s.currency, ...COMMON_CURRENCIES])];
  const milestoneSum = s.milestones.reduce((sum, m) => sum + (minor(m.amount, s.currency) ?? 0), 0);
  const total = minor(s.amount, s.currency);
  const setMilestone = (key: number, patch: Partial<MilestoneRow>) =>
    set({ milestones: s.milestones.map((m) => (m.key === key ? { ...m, ...patch } : m)) });

  return (
    <>
      <PageHeader
        title={bid ? 'Edit your bid' : 'Bid on this job'}
        description={
          <>
            <Link to="/jobs/$jobId" params={{ jobId: job.id }} className="underline">
              {job.brief.title}
            </Link>{' '}
            · {job.business.name}. Bidding is free; you can edit your bid until the business
            shortlists it.
          </>
        }
      />
      <form
        noValidate
        className="space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          saveBid.mutate(toBody(s), {
            onSuccess: () => setSaved(bid ? 'Your changes are saved.' : 'Your bid is sent.'),
          });
        }}
      >
        <Card title="Your price">
          <div className="space-y-4">
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">How you charge</legend>
              <div className="mt-2 flex flex-wrap gap-4">
                {(['fixed', 'hourly'] as const).map((t) => (
                  <label key={t} className="flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="radio"
                      name="termsType"
                      value={t}
                      checked={s.termsType === t}
                      onChange={() => set({ termsType: t })}
                    />
                    {t === 'fixed' ? 'A fixed price' : 'By the hour'}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                label="Currency"
                value={s.currency}
                error={err('currency')}
                onChange={(e) => set({ currency: e.target.value })}
                options={currencies.map((c) => ({ value: c, label: `${c} — ${currencyName(c)}` }))}
              />
              {fixed ? (
                <TextField
                  label={`Total price (${s.currency})`}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step="0.01"
                  value={s.amount}
                  error={err('amount')}
                  onChange={(e) => set({ amount: e.target.value })}
                />
              ) : (
                <>
                  <TextField
                    label={`Hourly rate (${s.currency})`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="0.01"
                    value={s.hourlyRate}
                    error={err('hourlyRate')}
                    onChange={(e) => set({ hourlyRate: e.target.value })}
                  />
                  <TextField
                    label="Estimated hours"
                    type="number"
                    inputMode="decimal"
                    min={0.5}
                    step="0.5"
                    value={s.estimatedHours}
                    error={err('estimatedHours')}
                    onChange={(e) => set({ estimatedHours: e.target.value })}
                  />
                </>
              )}
              <TextField
                label="Duration (days)"
                type="number"
                inputMode="numeric"
                min={1}
                step="1"
                value={s.durationDays}
                hint="How long the work takes you."
                error={err('durationDays')}
                onChange={(e) => set({ durationDays: e.target.value })}
              />
            </div>
          </div>
        </Card>

        {fixed && (
          <Card
            title="Milestones"
            description="Optional: split the price into parts, each paid when delivered. They must add up to the total."
          >
            <div className="space-y-3">
              {s.milestones.length === 0 && (
                <p className="text-sm text-slate-600">
                  No milestones: the whole price is due at the end. Add one to split the work.
                </p>
              )}
              {s.milestones.map((m, i) => (
                <fieldset
                  key={m.key}
                  className="grid items-end gap-3 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[2fr_1fr_1fr_auto]"
                >
                  <legend className="sr-only">Milestone {i + 1}</legend>
                  <TextField
                    label={`Milestone ${i + 1} title`}
                    value={m.title}
                    maxLength={200}
                    error={err(`milestones.${i}.title`)}
                    onChange={(e) => setMilestone(m.key, { title: e.target.value })}
                  />
                  <TextField
                    label={`Amount (${s.currency})`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="0.01"
                    value={m.amount}
                    error={err(`milestones.${i}.amount`)}
                    onChange={(e) => setMilestone(m.key, { amount: e.target.value })}
                  />
                  <TextField
                    label="Due"
                    type="date"
                    value={m.dueDate}
                    error={err(`milestones.${i}.dueDate`)}
                    onChange={(e) => setMilestone(m.key, { dueDate: e.target.value })}
                  />
                  <Button
                    variant="ghost"
                    onClick={() => set({ milestones: s.milestones.filter((x) => x.key !== m.key) })}
                  >
                    <Trash2 size={16} aria-hidden />
                    <span className="sr-only">Remove milestone {i + 1}</span>
                  </Button>
                </fieldset>
              ))}
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Button
                  variant="secondary"
                  onClick={() =>
                    set({
                      milestones: [
                        ...s.milestones,
                        { key: nextKey++, title: '', amount: '', dueDate: '' },
                      ],
                    })
                  }
                >
                  <Plus size={16} aria-hidden /> Add a milestone
                </Button>
                {s.milestones.length > 0 && (
                  <p
                    className={`text-sm ${total !== null && milestoneSum !== total ? 'text-amber-800' : 'text-slate-700'}`}
                  >
                    Milestones add up to {money({ amount: milestoneSum, currency: s.currency })}
                    {total !== null && ` of ${money({ amount: total, currency: s.currency })}`}
                  </p>
                )}
              </div>
              {err('milestones') && (
                <p className="text-sm text-red-700" role="alert">
                  {err('milestones')}
                </p>
              )}
            </div>
          </Card>
        )}

        <Card title="Your proposal">
          <div className="space-y-4">
            <TextAreaField
              label="Cover letter"
              hint="How you would do the job, and similar work you have done."
              rows={6}
              maxLength={10_000}
              value={s.coverLetter}
              error={err('coverLetter')}
              onChange={(e) => set({ coverLetter: e.target.value })}
            />
            {job.brief.screeningQuestions.map((q, i) => (
              <TextAreaField
                key={i}
                label={q}
                hint="The business asks every bidder this."
                rows={3}
                maxLength={5_000}
                value={s.answers[i] ?? ''}
                error={err(`answers.${i}`)}
                onChange={(e) =>
                  set({ answers: s.answers.map((a, j) => (j === i ? e.target.value : a)) })
                }
              />
            ))}
          </div>
        </Card>

        {saveBid.error && !placed && <Alert>{errorMessage(saveBid.error)}</Alert>}
        {placed && <Alert>Some answers need a change: see the messages above.</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" busy={saveBid.isPending}>
            {bid ? 'Save changes' : 'Send bid'}
          </Button>
          <span role="status" className="text-sm text-emerald-700">
            {saved}
          </span>
          {saved && (
            <Link to="/app/bids" className="text-sm text-brand-700 underline">
              See all your bids
            </Link>
          )}
        </div>
      </form>
      {bid && <BidFiles jobId={job.id} bid={bid} />}
    </>
  );
}
