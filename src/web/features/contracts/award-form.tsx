import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { OfferDraft } from '../../../core/contracts/offers.ts';
import { formatMoney } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { useAward, useOfferDraft } from './contract-queries.ts';
import { toMajor, toMinor } from './contract-terms.ts';

type Milestone = { title: string; amount: string; dueDate: string };

function OfferForm({ draft, businessId }: { draft: OfferDraft; businessId: string }) {
  const award = useAward(businessId, draft.jobId, draft.bidId);
  const navigate = useNavigate();
  const cur = draft.currency;
  const [termsType, setTermsType] = useState(draft.termsType);
  const [amount, setAmount] = useState(draft.amount ? toMajor(draft.amount, cur) : '');
  const [milestones, setMilestones] = useState<Milestone[]>(
    draft.milestones.map((m) => ({
      title: m.title,
      amount: toMajor(m.amount, cur),
      dueDate: m.dueDate ?? '',
    })),
  );
  const [rate, setRate] = useState(draft.hourlyRate ? toMajor(draft.hourlyRate, cur) : '');
  const [cap, setCap] = useState(draft.weeklyCapHours ? String(draft.weeklyCapHours) : '');
  const [startDate, setStartDate] = useState('');
  const [message, setMessage] = useState('');
  const [othersMessage, setOthersMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const field = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);
  const sum = milestones.reduce((t, m) => t + (toMinor(m.amount, cur) || 0), 0);
  const total = toMinor(amount, cur) || 0;
  const setMilestone = (i: number, patch: Partial<Milestone>) =>
    setMilestones(milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const hourly = termsType === 'hourly';
        award.mutate(
          {
            termsType,
            amount: hourly ? null : total,
            milestones: hourly
              ? []
              : milestones.map((m) => ({
                  title: m.title,
                  amount: toMinor(m.amount, cur),
                  dueDate: m.dueDate || null,
                })),
            hourlyRate: hourly ? toMinor(rate, cur) : null,
            weeklyCapHours: hourly && cap ? Number(cap) : null,
            startDate: startDate || null,
            message,
            otherBiddersMessage: othersMessage,
          },
          {
            onError: setError,
            onSuccess: (contract) =>
              void navigate({
                to: '/app/contracts/$contractId',
                params: { contractId: contract.id },
              }),
          },
        );
      }}
    >
      {error !== null && <Alert>{errorMessage(error)}</Alert>}
      <Card title="Terms" description={`In ${cur}, as ${draft.professional.name} proposed them.`}>
        <fieldset className="mb-4 flex flex-wrap gap-4">
          <legend className="mb-2 text-sm font-medium text-slate-800">Kind of terms</legend>
          {(['fixed', 'hourly'] as const).map((t) => (
            <label key={t} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="termsType"
                checked={termsType === t}
                onChange={() => setTermsType(t)}
              />
              {t === 'fixed' ? 'Fixed price, paid by milestone' : 'Hourly, with a weekly cap'}
            </label>
          ))}
        </fieldset>
        {termsType === 'fixed' ? (
          <div className="space-y-4">
            <TextField
              label={`Total (${cur})`}
              inputMode="decimal"
              value={amount}
              error={field('amount')}
              onChange={(e) => setAmount(e.target.value)}
            />
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium text-slate-800">Milestones</legend>
              {milestones.map((m, i) => (
                <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
                  <TextField
                    label={`Milestone ${i + 1} title`}
                    value={m.title}
                    error={field(`milestones.${i}.title`)}
                    onChange={(e) => setMilestone(i, { title: e.target.value })}
                  />
                  <TextField
                    label={`Milestone ${i + 1} amount (${cur})`}
                    inputMode="decimal"
                    value={m.amount}
                    error={field(`milestones.${i}.amount`)}
                    onChange={(e) => setMilestone(i, { amount: e.target.value })}
                  />
                  <TextField
                    label={`Milestone ${i + 1} due`}
                    type="date"
                    value={m.dueDate}
                    onChange={(e) => setMilestone(i, { dueDate: e.target.value })}
                  />
                  <Button
                    variant="ghost"
                    aria-label={`Remove milestone ${i + 1}`}
                    onClick={() => setMilestones(milestones.filter((_, j) => j !== i))}
                  >
                    Remove
                  </Button>
                </div>
              ))}
              <Button
                variant="secondary"
                onClick={() =>
                  setMilestones([...milestones, { title: '', amount: '', dueDate: '' }])
                }
              >
                Add a milestone
              </Button>
              <p
                className={`text-sm ${sum === total ? 'text-slate-700' : 'text-red-700'}`}
                aria-live="polite"
              >
                Milestones add up to {formatMoney({ amount: sum, currency: cur })} of{' '}
                {formatMoney({ amount: total, currency: cur })}.
              </p>
              {field('milestones') && <p className="text-xs text-red-700">{field('milestones')}</p>}
            </fieldset>
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={`Hourly rate (${cur})`}
              inputMode="decimal"
              value={rate}
              error={field('hourlyRate')}
              onChange={(e) => setRate(e.target.value)}
            />
            <TextField
              label="Weekly cap (hours)"
              inputMode="decimal"
              value={cap}
              error={field('weeklyCapHours')}
              onChange={(e) => setCap(e.target.value)}
            />
          </div>
        )}
        <div className="mt-4 max-w-xs">
          <TextField
            label="Start date"
            type="date"
            value={startDate}
            error={field('startDate')}
            onChange={(e) => setStartDate(e.target.value)}
          />
        </div>
      </Card>
      <Card title="Messages">
        <div className="space-y-4">
          <TextAreaField
            label={`Message to ${draft.professional.name}`}
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
          <TextAreaField
            label="Message to the other bidders (optional)"
            hint={`Sent to the ${draft.otherBidders} other bidder${draft.otherBidders === 1 ? '' : 's'} still in the running once the offer is accepted; they are told either way.`}
            rows={3}
            value={othersMessage}
            onChange={(e) => setOthersMessage(e.target.value)}
          />
        </div>
      </Card>
      <div className="flex justify-end">
        <Button type="submit" busy={award.isPending}>
          Send the offer to {draft.professional.name}
        </Button>
      </div>
    </form>
  );
}

/** `/app/businesses/$businessId/jobs/$jobId/bids/$bidId/award`: the contract offer, prefilled. */
export function AwardPage() {
  const { businessId, jobId, bidId } = useParams({
    from: '/shell/app/businesses/$businessId/jobs/$jobId/bids/$bidId/award',
  });
  const draft = useOfferDraft(businessId, jobId, bidId);
  return (
    <>
      <PageHeader
        title="Award this bid"
        description={
          draft.data
            ? `${draft.data.jobTitle}: ${draft.data.professional.name} gets a contract offer to accept or decline.`
            : undefined
        }
        actions={
          <Link
            to="/app/businesses/$businessId/contracts"
            params={{ businessId }}
            className="text-sm text-brand-700 underline"
          >
            Contracts
          </Link>
        }
      />
      {draft.isPending && <Loading what="Loading the bid’s terms" />}
      {draft.isError && <Alert>{errorMessage(draft.error)}</Alert>}
      {draft.data && <OfferForm draft={draft.data} businessId={businessId} />}
    </>
  );
}
