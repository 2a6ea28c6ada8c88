/**
 * The running contract's changes on its Overview: the business pauses, resumes or ends it; either
 * side proposes new terms or a change order, and the other side accepts or rejects it.
 */
import { useState } from 'react';
import type { Amendment, ProposeAmendmentInput } from '../../../core/contracts/contract-changes.ts';
import type { Contract } from '../../../core/contracts/offers.ts';
import { formatMoney } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDateTime, formatDay } from '../../format.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { useAmend, useAmendments, useChangeState } from './contract-queries.ts';
import { toMajor, toMinor } from './contract-terms.ts';

const running = (c: Contract) => c.status === 'active' || c.status === 'paused';

/** Pause / resume / end, for owners and managers of a running contract. */
export function ManageContract({ c }: { c: Contract }) {
  const change = useChangeState(c.id);
  const [dialog, setDialog] = useState<'pause' | 'end' | null>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<'completed' | 'cancelled'>('completed');
  const [error, setError] = useState<unknown>(null);
  if (!c.viewer.abilities.includes('contract.manage') || !running(c)) return null;
  const close = () => {
    setDialog(null);
    setError(null);
    setReason('');
  };
  const reasonError = error instanceof ApiError ? error.fieldError('reason') : undefined;
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {c.status === 'active' ? (
          <Button variant="secondary" onClick={() => setDialog('pause')}>
            Pause…
          </Button>
        ) : (
          <Button
            variant="secondary"
            busy={change.isPending}
            onClick={() => change.mutate({ resume: true }, { onError: setError })}
          >
            Resume
          </Button>
        )}
        <Button variant="secondary" onClick={() => setDialog('end')}>
          End contract…
        </Button>
      </div>
      {error !== null && dialog === null && <Alert>{errorMessage(error)}</Alert>}
      <Dialog
        open={dialog === 'pause'}
        title="Pause this contract?"
        onClose={close}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Keep it running
            </Button>
            <Button
              busy={change.isPending}
              onClick={() =>
                change.mutate({ pause: { reason } }, { onError: setError, onSuccess: close })
              }
            >
              Pause the contract
            </Button>
          </>
        }
      >
        <p>
          {c.professional.name} is told and logs no time until you resume it. Everything else stays
          as it is.
        </p>
        <TextAreaField
          className="mt-3"
          label="Why (optional)"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {error !== null && <Alert>{errorMessage(error)}</Alert>}
      </Dialog>
      <Dialog
        open={dialog === 'end'}
        title="End this contract?"
        onClose={close}
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Keep it
            </Button>
            <Button
              variant="danger"
              busy={change.isPending}
              onClick={() =>
                change.mutate({ end: { outcome, reason } }, { onError: setError, onSuccess: close })
              }
            >
              {outcome === 'completed' ? 'Mark as completed' : 'Cancel the contract'}
            </Button>
          </>
        }
      >
        <p>An ended contract cannot be resumed or changed.</p>
        <fieldset className="mt-3 space-y-2">
          <legend className="text-sm font-medium text-slate-900">How did it end?</legend>
          {(
            [
              ['completed', 'Completed: the work is done'],
              ['cancelled', 'Cancelled: the work stops unfinished'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          className="mt-3"
          label={outcome === 'cancelled' ? 'Why is it cancelled?' : 'A word to close (optional)'}
          hint={`${c.professional.name} reads this.`}
          rows={2}
          value={reason}
          error={reasonError}
          onChange={(e) => setReason(e.target.value)}
        />
        {error !== null && !reasonError && <Alert>{errorMessage(error)}</Alert>}
      </Dialog>
    </>
  );
}

/** Proposed changes: the one waiting (with its answer buttons) and the ones answered. */
export function AmendmentsCard({ c }: { c: Contract }) {
  const amendments = useAmendments(c.id);
  const amend = useAmend(c.id);
  const [proposing, setProposing] = useState(false);
  const [answering, setAnswering] = useState<{ id: string; verb: 'accept' | 'reject' } | null>(
    null,
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const items = amendments.data?.items ?? [];
  const waiting = items.some((a) => a.status === 'proposed');
  const canPropose = c.viewer.abilities.includes('contract.amend') && running(c) && !waiting;
  return (
    <Card
      title="Changes to the terms"
      description="Either side proposes new terms or a change order; nothing changes until the other side accepts."
    >
      {amendments.isPending ? (
        <Loading what="Loading proposed changes" />
      ) : amendments.isError ? (
        <Alert>{errorMessage(amendments.error)}</Alert>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">
          No changes proposed.{' '}
          {canPropose && 'If the scope, the rate or the dates need to change, propose it here.'}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((a) => (
            <li key={a.id} className="py-3 text-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium text-slate-900">
                  {a.kind === 'change_order' ? 'Change order' : 'New terms'} proposed by{' '}
                  {a.proposedBySide === 'professional' ? c.professional.name : c.business.name}
                </span>
                <AmendmentStatus status={a.status} />
              </div>
              <ul className="mt-1 list-disc pl-5 text-slate-700">
                {describe(a, c).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {a.message && <p className="mt-1 text-slate-600">“{a.message}”</p>}
              {a.responseNote && <p className="mt-1 text-slate-600">Answer: “{a.responseNote}”</p>}
              <p className="mt-1 text-xs text-slate-500">{formatDateTime(a.createdAt)}</p>
              {(a.viewer.canAnswer || a.viewer.canWithdraw) && (
                <div className="mt-2 flex flex-wrap gap-2">
                  {a.viewer.canAnswer && (
                    <>
                      <Button onClick={() => setAnswering({ id: a.id, verb: 'accept' })}>
                        Accept…
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => setAnswering({ id: a.id, verb: 'reject' })}
                      >
                        Reject…
                      </Button>
                    </>
                  )}
                  {a.viewer.canWithdraw && (
                    <Button
                      variant="secondary"
                      busy={amend.isPending}
                      onClick={() => amend.mutate({ withdraw: a.id }, { onError: setError })}
                    >
                      Withdraw
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && answering === null && <Alert>{errorMessage(error)}</Alert>}
      {canPropose && (
        <div className="mt-3">
          <Button variant="secondary" onClick={() => setProposing(true)}>
            Propose a change…
          </Button>
        </div>
      )}
      {proposing && <ProposeDialog c={c} onClose={() => setProposing(false)} />}
      <Dialog
        open={answering !== null}
        title={answering?.verb === 'accept' ? 'Accept this change?' : 'Reject this change?'}
        onClose={() => setAnswering(null)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setAnswering(null)}>
              Back
            </Button>
            <Button
              variant={answering?.verb === 'reject' ? 'danger' : 'primary'}
              busy={amend.isPending}
              onClick={() =>
                answering &&
                amend.mutate(
                  { answer: answering.verb, amendmentId: answering.id, note },
                  {
                    onError: setError,
                    onSuccess: () => {
                      setAnswering(null);
                      setNote('');
                    },
                  },
                )
              }
            >
              {answering?.verb === 'accept' ? 'Accept the change' : 'Reject the change'}
            </Button>
          </>
        }
      >
        <p>
          {answering?.verb === 'accept'
            ? 'The terms change now, for both sides.'
            : 'The terms stay as they are; the other side is told.'}
        </p>
        <TextAreaField
          className="mt-3"
          label="A note (optional)"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error !== null && <Alert>{errorMessage(error)}</Alert>}
      </Dialog>
    </Card>
  );
}

function AmendmentStatus({ status }: { status: Amendment['status'] }) {
  const map = {
    proposed: ['Waiting for an answer', 'warning'],
    accepted: ['Accepted', 'success'],
    rejected: ['Rejected', 'muted'],
    withdrawn: ['Withdrawn', 'muted'],
  } as const;
  const [label, tone] = map[status];
  return (
    <Badge tone={tone} srLabel="Status">
      {label}
    </Badge>
  );
}

/** An amendment in words, from the old value to the new one. */
function describe(a: Amendment, c: Contract): string[] {
  const money = (m: number | null | undefined) =>
    m === null || m === undefined ? 'none' : formatMoney({ amount: m, currency: c.currency });
  const day = (d: string | null | undefined) => (d ? formatDay(d) : 'none');
  if (a.milestone) {
    const m = a.milestone;
    return [
      `New milestone “${m.title}”: ${money(m.amount)}${m.dueDate ? `, due ${formatDay(m.dueDate)}` : ''}`,
      `Done means: ${m.criteria}`,
    ];
  }
  const { changes: to, before: from } = a;
  const lines: string[] = [];
  if (to.hourlyRate !== undefined)
    lines.push(`Hourly rate: ${money(from.hourlyRate)} → ${money(to.hourlyRate)}`);
  if (to.weeklyCapHours !== undefined)
    lines.push(`Weekly cap: ${from.weeklyCapHours ?? 'none'} h → ${to.weeklyCapHours} h`);
  if (to.totalBudget !== undefined)
    lines.push(`Total budget: ${money(from.totalBudget)} → ${money(to.totalBudget)}`);
  if (to.startDate !== undefined)
    lines.push(`Start date: ${day(from.startDate)} → ${day(to.startDate)}`);
  if (to.endDate !== undefined) lines.push(`End date: ${day(from.endDate)} → ${day(to.endDate)}`);
  if (to.milestones !== undefined)
    lines.push(
      `Milestones: ${to.milestones.map((m) => `${m.title} (${money(m.amount)})`).join(', ')}`,
    );
  return lines;
}

/** The proposal form: new terms (hourly: rate, cap, budget; both: dates) or a change order (fixed). */
function ProposeDialog({ c, onClose }: { c: Contract; onClose: () => void }) {
  const amend = useAmend(c.id);
  const cur = c.currency;
  const hourly = c.termsType === 'hourly';
  const [kind, setKind] = useState<'terms' | 'change_order'>('terms');
  const [rate, setRate] = useState(c.hourlyRate ? toMajor(c.hourlyRate, cur) : '');
  const [cap, setCap] = useState(c.weeklyCapHours ? String(c.weeklyCapHours) : '');
  const [budget, setBudget] = useState(c.totalBudget ? toMajor(c.totalBudget, cur) : '');
  const [startDate, setStartDate] = useState(c.startDate ?? '');
  const [endDate, setEndDate] = useState(c.endDate ?? '');
  const [milestone, setMilestone] = useState({ title: '', amount: '', dueDate: '', criteria: '' });
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const field = (n: string) => (error instanceof ApiError ? error.fieldError(n) : undefined);

  function proposal(): ProposeAmendmentInput {
    if (kind === 'change_order')
      return {
        kind,
        message,
        milestone: {
          title: milestone.title,
          amount: toMinor(milestone.amount, cur),
          dueDate: milestone.dueDate || null,
          criteria: milestone.criteria,
        },
      };
    // Only what differs from the terms goes in the proposal.
    const changes: Extract<ProposeAmendmentInput, { kind: 'terms' }>['changes'] = {};
    if (hourly) {
      if (rate && toMinor(rate, cur) !== c.hourlyRate) changes.hourlyRate = toMinor(rate, cur);
      if (cap && Number(cap) !== c.weeklyCapHours) changes.weeklyCapHours = Number(cap);
      const nextBudget = budget ? toMinor(budget, cur) : null;
      if (nextBudget !== c.totalBudget) changes.totalBudget = nextBudget;
    }
    if ((startDate || null) !== c.startDate) changes.startDate = startDate || null;
    if ((endDate || null) !== c.endDate) changes.endDate = endDate || null;
    return { kind, changes, message };
  }

  return (
    <Dialog
      open
      wide
      title="Propose a change"
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            busy={amend.isPending}
            onClick={() => {
              setError(null);
              amend.mutate({ propose: proposal() }, { onError: setError, onSuccess: onClose });
            }}
          >
            Send the proposal
          </Button>
        </>
      }
    >
      <p>The other side accepts or rejects it; the terms change only when they accept.</p>
      <div className="mt-3 space-y-3">
        {!hourly && (
          <SelectField
            label="What to change"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'terms' | 'change_order')}
            options={[
              { value: 'terms', label: 'The dates' },
              { value: 'change_order', label: 'A change order: add a priced milestone' },
            ]}
          />
        )}
        {kind === 'change_order' ? (
          <>
            <TextField
              label="Milestone"
              value={milestone.title}
              error={field('milestone.title')}
              onChange={(e) => setMilestone({ ...milestone, title: e.target.value })}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label={`Price (${cur})`}
                inputMode="decimal"
                value={milestone.amount}
                error={field('milestone.amount')}
                onChange={(e) => setMilestone({ ...milestone, amount: e.target.value })}
              />
              <TextField
                label="Due date (optional)"
                type="date"
                value={milestone.dueDate}
                error={field('milestone.dueDate')}
                onChange={(e) => setMilestone({ ...milestone, dueDate: e.target.value })}
              />
            </div>
            <TextAreaField
              label="Done means"
              hint="What must be true for this milestone to count as delivered."
              rows={3}
              value={milestone.criteria}
              error={field('milestone.criteria')}
              onChange={(e) => setMilestone({ ...milestone, criteria: e.target.value })}
            />
          </>
        ) : (
          <>
            {hourly && (
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField
                  label={`Hourly rate (${cur})`}
                  inputMode="decimal"
                  value={rate}
                  error={field('changes.hourlyRate')}
                  onChange={(e) => setRate(e.target.value)}
                />
                <TextField
                  label="Weekly cap (hours)"
                  inputMode="decimal"
                  value={cap}
                  error={field('changes.weeklyCapHours')}
                  onChange={(e) => setCap(e.target.value)}
                />
                <TextField
                  label={`Total budget (${cur}, optional)`}
                  inputMode="decimal"
                  value={budget}
                  error={field('changes.totalBudget')}
                  onChange={(e) => setBudget(e.target.value)}
                />
              </div>
            )}
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                label="Start date"
                type="date"
                value={startDate}
                error={field('changes.startDate')}
                onChange={(e) => setStartDate(e.target.value)}
              />
              <TextField
                label="End date"
                type="date"
                value={endDate}
                error={field('changes.endDate')}
                onChange={(e) => setEndDate(e.target.value)}
              />
            </div>
          </>
        )}
        <TextAreaField
          label="Why (optional)"
          rows={2}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        {error !== null && <Alert>{errorMessage(error)}</Alert>}
      </div>
    </Dialog>
  );
}
