import { Link } from '@tanstack/react-router';
import { ChevronRight } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Audit } from '../../../core/contracts/audit.ts';
import { fromMajor, formatMoney } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { addDays } from '../../../core/audit.ts';
import { formatDay, todayIn } from '../../format.ts';
import { useStartAudit } from './audit-queries.ts';

/** Starts an audit: the period (from today, 30 days) and what an hour of the owner's time is worth. */
export function StartAuditForm({
  businessId,
  currency,
  timeZone,
}: {
  businessId: string;
  currency: string;
  timeZone: string;
}) {
  const [periodStart, setPeriodStart] = useState(() => todayIn(timeZone));
  const [periodDays, setPeriodDays] = useState('30');
  const [hourly, setHourly] = useState('');
  const [hourlyError, setHourlyError] = useState<string | undefined>();
  const start = useStartAudit(businessId);
  const err = start.error instanceof ApiError ? start.error : null;
  const days = Number(periodDays);
  const end =
    /^\d{4}-\d{2}-\d{2}$/.test(periodStart) && days >= 1
      ? addDays(periodStart, Math.round(days) - 1)
      : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = Number(hourly);
    if (hourly.trim() === '' || !Number.isFinite(value) || value < 0) {
      setHourlyError('Enter what an hour of your time is worth, for example 60');
      return;
    }
    setHourlyError(undefined);
    start.mutate({
      periodStart,
      periodDays: Number(periodDays),
      hourlyValue: fromMajor(Number(hourly), currency).amount,
    });
  }

  return (
    <Card
      title="Start an audit"
      description="Pick the period to log and say what an hour of your time is worth to the business; that prices the work you do yourself."
    >
      <form className="space-y-4" onSubmit={submit} noValidate>
        {start.isError && !err?.problem.errors && <Alert>{errorMessage(start.error)}</Alert>}
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="First day"
            type="date"
            required
            value={periodStart}
            error={err?.fieldError('periodStart')}
            onChange={(e) => setPeriodStart(e.target.value)}
          />
          <TextField
            label="Length in days"
            type="number"
            min={7}
            max={90}
            step={1}
            required
            value={periodDays}
            hint={end ? `Ends ${formatDay(end)}` : '7 to 90 days'}
            error={err?.fieldError('periodDays')}
            onChange={(e) => setPeriodDays(e.target.value)}
          />
          <TextField
            label={`Your hourly value (${currency})`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            required
            placeholder="60"
            value={hourly}
            hint="What an hour of your time is worth"
            error={hourlyError ?? err?.fieldError('hourlyValue')}
            onChange={(e) => setHourly(e.target.value)}
          />
        </div>
        <div className="flex justify-end">
          <Button type="submit" busy={start.isPending}>
            Start the audit
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Earlier audits, newest first; each opens its results read-only. */
export function PastAudits({ businessId, audits }: { businessId: string; audits: Audit[] }) {
  return (
    <Card title="Past audits">
      {audits.length === 0 ? (
        <EmptyState title="No past audits yet">
          When you close an audit, its results stay here to compare with the next one.
        </EmptyState>
      ) : (
        <ul className="-my-2 divide-y divide-slate-100">
          {audits.map((a) => (
            <li key={a.id}>
              <Link
                to="/app/businesses/$businessId/audits/$auditId"
                params={{ businessId, auditId: a.id }}
                className="flex items-center justify-between gap-3 rounded-md px-2 py-3 hover:bg-slate-50"
              >
                <span>
                  <span className="block font-medium text-slate-900">
                    {formatDay(a.periodStart)} – {formatDay(a.periodEnd)}
                  </span>
                  <span className="block text-sm text-slate-600">
                    Your hour valued at {formatMoney(a.hourlyValue)}
                    {a.status === 'active' ? ' · in progress' : ' · closed'}
                  </span>
                </span>
                <ChevronRight size={16} aria-hidden className="shrink-0 text-slate-500" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
