import { useState, type FormEvent } from 'react';
import type { Audit } from '../../../core/contracts/audit.ts';
import { formatMoney, fromMajor, toMajor } from '../../../core/money.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/fields.tsx';
import { useUpdateAudit } from './audit-queries.ts';

/** The owner's hourly value, changeable while the audit runs: every cost is recomputed from it. */
export function HourlyValue({ audit, editable }: { audit: Audit; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const currency = audit.hourlyValue.currency;
  const save = useUpdateAudit(audit.businessId, audit.id);

  function submit(e: FormEvent) {
    e.preventDefault();
    const major = Number(value);
    if (value.trim() === '' || !Number.isFinite(major) || major < 0) {
      setLocalError('Enter an amount, for example 60');
      return;
    }
    setLocalError(undefined);
    save.mutate(
      { hourlyValue: fromMajor(major, currency).amount },
      { onSuccess: () => setEditing(false) },
    );
  }

  if (!editing)
    return (
      <span>
        Your hour is worth {formatMoney(audit.hourlyValue)}
        {editable && (
          <>
            {' · '}
            <button
              type="button"
              className="text-brand-700 underline hover:text-brand-800"
              onClick={() => {
                setValue(String(toMajor(audit.hourlyValue)));
                setEditing(true);
              }}
            >
              change
            </button>
          </>
        )}
      </span>
    );
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <form onSubmit={submit} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <div className="w-48">
        <TextField
          label={`Hourly value (${currency})`}
          type="number"
          min={0}
          step="any"
          autoFocus
          value={value}
          error={
            localError ??
            err?.fieldError('hourlyValue') ??
            (save.isError && !err?.problem.errors ? errorMessage(save.error) : undefined)
          }
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <Button type="submit" busy={save.isPending}>
        Save
      </Button>
      <Button variant="secondary" onClick={() => setEditing(false)}>
        Cancel
      </Button>
    </form>
  );
}
