import { useRef, useState, type FormEvent } from 'react';
import type { AuditEntry } from '../../../core/contracts/audit.ts';
import { parseTimeSpent, TIME_SPENT_HINT } from '../../../core/time-spent.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatMinutes } from './audit-format.ts';
import { formatDay } from '../../format.ts';
import { TaskNameField } from './task-name-field.tsx';
import { useAddEntry } from './audit-queries.ts';

export const QUICK_ADD_ID = 'quick-add';

/**
 * Logs work after the fact: a task, a day and how long. The duration is read by
 * `parseTimeSpent` (core): minutes (45, 45m), h:mm (1:30), hours (1.5h) or both (2h 15m).
 */
export function QuickAddCard({
  businessId,
  auditId,
  taskNames,
  date,
  onDateChange,
  period,
}: {
  businessId: string;
  auditId: string;
  taskNames: string[];
  date: string;
  onDateChange: (date: string) => void;
  period: { start: string; end: string };
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [taskName, setTaskName] = useState('');
  const [duration, setDuration] = useState('');
  const [durationError, setDurationError] = useState<string | undefined>();
  const [added, setAdded] = useState<AuditEntry | null>(null);
  const add = useAddEntry(businessId, auditId);
  const err = add.error instanceof ApiError ? add.error : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const spent = parseTimeSpent(duration);
    if (!spent.ok) {
      setDurationError(spent.message);
      return;
    }
    const minutes = spent.minutes;
    setDurationError(undefined);
    setAdded(null);
    add.mutate(
      { taskName, date, minutes },
      {
        onSuccess: (entry) => {
          setAdded(entry);
          setTaskName('');
          setDuration('');
          formRef.current?.querySelector('input')?.focus();
        },
      },
    );
  }

  return (
    <Card title="Quick add" description="Log something you already did.">
      <form id={QUICK_ADD_ID} ref={formRef} className="space-y-3" onSubmit={submit} noValidate>
        {added && (
          <Alert tone="success">
            Added {formatMinutes(added.minutes)} of “{added.taskName}” on {formatDay(added.date)}.
          </Alert>
        )}
        {add.isError && !err?.problem.errors && <Alert>{errorMessage(add.error)}</Alert>}
        <TaskNameField
          names={taskNames}
          value={taskName}
          required
          placeholder="e.g. Bookkeeping"
          error={err?.fieldError('taskName')}
          onChange={(e) => setTaskName(e.target.value)}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Date"
            type="date"
            required
            min={period.start}
            max={period.end}
            value={date}
            error={err?.fieldError('date')}
            onChange={(e) => onDateChange(e.target.value)}
          />
          <TextField
            label="Time spent"
            required
            placeholder="45m or 1:30"
            value={duration}
            hint={TIME_SPENT_HINT}
            error={durationError ?? err?.fieldError('minutes')}
            onChange={(e) => setDuration(e.target.value)}
          />
        </div>
        <Button type="submit" busy={add.isPending} disabled={!taskName.trim() || !duration}>
          Add entry
        </Button>
      </form>
    </Card>
  );
}
