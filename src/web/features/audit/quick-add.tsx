import { useRef, useState, type FormEvent } from 'react';
import type { AuditEntry } from '../../../core/contracts/audit.ts';
import { parseDuration } from '../../../core/time-log-import.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatDay, formatMinutes } from './audit-format.ts';
import { TaskNameField } from './task-name-field.tsx';
import { useAddEntry } from './audit-queries.ts';

export const QUICK_ADD_ID = 'quick-add';

/**
 * Logs work after the fact: a task, a day and how long. The duration takes minutes (45) or
 * hours and minutes (1:30), read by the same parser as the CSV import.
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
    const minutes = parseDuration(duration, 'minutes');
    if (minutes === null || minutes < 1 || minutes > 1440) {
      setDurationError('Enter minutes (45) or hours and minutes (1:30), up to a day');
      return;
    }
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
            placeholder="45 or 1:30"
            value={duration}
            hint="minutes, or h:mm"
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
