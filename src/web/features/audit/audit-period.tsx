import { useState, type FormEvent } from 'react';
import { PERIOD_DAYS } from '../../../core/audit.ts';
import type { Audit } from '../../../core/contracts/audit.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { useUpdateAudit } from './audit-queries.ts';
import { formatDay } from '../../format.ts';

/**
 * The audit's period, changeable while it runs: an audit started today for last month's log
 * would otherwise refuse every row. The server keeps every logged day inside the period and
 * says which end to move when it cannot.
 */
export function AuditPeriod({ audit }: { audit: Audit }) {
  const [editing, setEditing] = useState(false);
  const [start, setStart] = useState(audit.periodStart);
  const [end, setEnd] = useState(audit.periodEnd);
  const save = useUpdateAudit(audit.businessId, audit.id);
  const err = save.error instanceof ApiError ? save.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ periodStart: start, periodEnd: end }, { onSuccess: () => setEditing(false) });
  }

  if (!editing)
    return (
      <span>
        {formatDay(audit.periodStart)} – {formatDay(audit.periodEnd)}
        {audit.status === 'active' && (
          <>
            {' · '}
            <button
              type="button"
              className="text-brand-700 underline hover:text-brand-800"
              onClick={() => {
                save.reset();
                setStart(audit.periodStart);
                setEnd(audit.periodEnd);
                setEditing(true);
              }}
            >
              change<span className="sr-only"> the audit period</span>
            </button>
          </>
        )}
      </span>
    );
  return (
    <form onSubmit={submit} noValidate className="mt-2 space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-44">
          <TextField
            label="First day"
            type="date"
            autoFocus
            value={start}
            error={err?.fieldError('periodStart')}
            onChange={(e) => setStart(e.target.value)}
          />
        </div>
        <div className="w-44">
          <TextField
            label="Last day"
            type="date"
            value={end}
            error={err?.fieldError('periodEnd')}
            onChange={(e) => setEnd(e.target.value)}
          />
        </div>
        <Button type="submit" busy={save.isPending}>
          Save period
        </Button>
        <Button variant="secondary" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
      <p className="text-xs text-slate-600">
        {PERIOD_DAYS.min} to {PERIOD_DAYS.max} days, holding every day you have logged.
      </p>
      {save.isError && !err?.problem.errors && <Alert>{errorMessage(save.error)}</Alert>}
    </form>
  );
}
