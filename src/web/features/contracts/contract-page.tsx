import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Contract, ContractEventKind } from '../../../core/contracts/offers.ts';
import { formatMoney } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime, formatDay } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { AmendmentsCard, ManageContract } from './contract-changes.tsx';
import { ContractFrame, hasWorkspace } from './contract-frame.tsx';
import { useRespond } from './contract-queries.ts';
import { termsSummary } from './contract-terms.ts';

const HISTORY: Record<ContractEventKind, string> = {
  offered: 'Offer made',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Offer withdrawn',
  paused: 'Paused',
  resumed: 'Resumed',
  completed: 'Completed',
  cancelled: 'Cancelled',
  amendment_proposed: 'Change proposed',
  amendment_accepted: 'Change accepted',
  amendment_rejected: 'Change rejected',
  amendment_withdrawn: 'Proposed change withdrawn',
};

/** `/app/contracts/$contractId`: the offer or contract, for both parties (the Overview tab). */
export function ContractPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId' });
  return (
    <ContractFrame contractId={contractId} tab="overview">
      {(c) => <ContractOverview c={c} />}
    </ContractFrame>
  );
}

function ContractOverview({ c }: { c: Contract }) {
  const me = useMe();
  const respond = useRespond(c.id, c.business.id);
  const [declining, setDeclining] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const tz = me.data?.user.timeZone;
  const reasonError = error instanceof ApiError ? error.fieldError('reason') : undefined;
  return (
    <>
      <div className="space-y-6">
        {error !== null && !reasonError && <Alert>{errorMessage(error)}</Alert>}
        {c.endReason && (c.status === 'completed' || c.status === 'cancelled') && (
          <Alert tone="info">
            {c.status === 'completed' ? 'Completed' : 'Cancelled'}: {c.endReason}
          </Alert>
        )}
        <ManageContract c={c} />
        {c.viewer.canRespond && (
          <Card
            title="Your answer"
            description={`${c.business.name} offers you this contract. Accepting starts it; the job closes.`}
          >
            {declining ? (
              <form
                noValidate
                className="space-y-3"
                onSubmit={(e) => {
                  e.preventDefault();
                  setError(null);
                  respond.mutate({ decline: { reason } }, { onError: setError });
                }}
              >
                <TextAreaField
                  label="Why are you declining?"
                  hint={`${c.business.name} reads this.`}
                  rows={3}
                  value={reason}
                  error={reasonError}
                  onChange={(e) => setReason(e.target.value)}
                />
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" onClick={() => setDeclining(false)}>
                    Back
                  </Button>
                  <Button type="submit" variant="danger" busy={respond.isPending}>
                    Decline the offer
                  </Button>
                </div>
              </form>
            ) : (
              <div className="flex flex-wrap gap-2">
                <Button
                  busy={respond.isPending}
                  onClick={() => {
                    setError(null);
                    respond.mutate({ accept: true }, { onError: setError });
                  }}
                >
                  Accept the contract
                </Button>
                <Button variant="secondary" onClick={() => setDeclining(true)}>
                  Decline…
                </Button>
              </div>
            )}
          </Card>
        )}
        <Card title="Terms">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">Money</dt>
              <dd className="font-medium text-slate-900">{termsSummary(c)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Start date</dt>
              <dd className="text-slate-900">{c.startDate ? formatDay(c.startDate) : 'Not set'}</dd>
            </div>
            <div>
              <dt className="text-slate-600">End date</dt>
              <dd className="text-slate-900">{c.endDate ? formatDay(c.endDate) : 'Open-ended'}</dd>
            </div>
            {c.termsType === 'hourly' && (
              <div>
                <dt className="text-slate-600">Total budget</dt>
                <dd className="text-slate-900">
                  {c.totalBudget !== null
                    ? formatMoney({ amount: c.totalBudget, currency: c.currency })
                    : 'Not set'}
                </dd>
              </div>
            )}
          </dl>
          {c.termsType === 'fixed' && c.milestones.length > 0 && (
            <ol className="mt-4 divide-y divide-slate-100 text-sm">
              {c.milestones.map((m, i) => (
                <li key={i} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className="text-slate-900">
                    {i + 1}. {m.title}
                    {m.dueDate && (
                      <span className="text-slate-600"> — due {formatDay(m.dueDate)}</span>
                    )}
                  </span>
                  <span className="font-medium">
                    {formatMoney({ amount: m.amount, currency: c.currency })}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {c.offerMessage && (
            <blockquote className="mt-4 border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
              {c.offerMessage}
            </blockquote>
          )}
          {c.declineReason && (
            <p className="mt-4 text-sm text-slate-700">Reason given: {c.declineReason}</p>
          )}
          {c.otherBiddersMessage && (
            <p className="mt-4 text-sm text-slate-600">
              To the other bidders: “{c.otherBiddersMessage}”
            </p>
          )}
        </Card>
        {hasWorkspace(c) && <AmendmentsCard c={c} />}
        {c.people.length > 0 && (
          <Card title="People">
            <ul className="grid gap-2 text-sm sm:grid-cols-2">
              {c.people.map((p) => (
                <li key={p.id}>
                  <span className="font-medium text-slate-900">{p.name}</span>{' '}
                  <span className="text-slate-600">
                    {p.side === 'business'
                      ? c.business.name
                      : p.side === 'professional'
                        ? 'Professional'
                        : 'QA reviewer'}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title="History">
          <ol className="space-y-2 text-sm">
            {c.history.map((h) => (
              <li key={h.kind + h.at}>
                <span className="font-medium text-slate-900">{HISTORY[h.kind]}</span>{' '}
                <span className="text-slate-600">
                  {formatDateTime(h.at, tz)}
                  {h.by ? ` by ${h.by}` : ''}
                </span>
                {h.note && <span className="block text-slate-600">{h.note}</span>}
              </li>
            ))}
          </ol>
        </Card>
        {c.viewer.canWithdraw && (
          <div className="flex justify-end">
            <Button variant="danger" onClick={() => setWithdrawing(true)}>
              Withdraw the offer
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={withdrawing}
        title="Withdraw this offer?"
        confirmLabel="Withdraw the offer"
        busy={respond.isPending}
        onCancel={() => setWithdrawing(false)}
        onConfirm={() => {
          setError(null);
          respond.mutate(
            { withdraw: true },
            { onError: setError, onSettled: () => setWithdrawing(false) },
          );
        }}
      >
        <p className="text-sm text-slate-700">
          {c.professional.name} is told; their bid goes back to your list and you may award the job
          again.
        </p>
      </ConfirmDialog>
    </>
  );
}
