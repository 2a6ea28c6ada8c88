import { Pencil, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { AuditEntry, AuditTask } from '../../../core/contracts/audit.ts';
import { parseDuration } from '../../../core/time-log-import.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { Badge } from '../../ui/badge.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { formatMinutes } from './audit-format.ts';
import { formatDay } from '../../format.ts';
import { TaskNameField } from './task-name-field.tsx';
import { useDeleteEntry, useEntries, useUpdateEntry } from './audit-queries.ts';

const SOURCE_LABEL = { timer: 'timer', manual: 'added', import: 'imported' } as const;

function EditEntry({
  entry,
  businessId,
  auditId,
  taskNames,
  period,
  onDone,
}: {
  entry: AuditEntry;
  businessId: string;
  auditId: string;
  taskNames: string[];
  period: { start: string; end: string };
  onDone: () => void;
}) {
  const [taskName, setTaskName] = useState(entry.taskName);
  const [date, setDate] = useState(entry.date);
  const [duration, setDuration] = useState(String(entry.minutes));
  const [durationError, setDurationError] = useState<string | undefined>();
  const save = useUpdateEntry(businessId, auditId, entry.id);
  const err = save.error instanceof ApiError ? save.error : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    const minutes = parseDuration(duration, 'minutes');
    if (minutes === null || minutes < 1 || minutes > 1440) {
      setDurationError('Minutes (45) or h:mm (1:30), up to a day');
      return;
    }
    setDurationError(undefined);
    save.mutate({ taskName, date, minutes }, { onSuccess: onDone });
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Edit entry ${entry.taskName}`}
      className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
    >
      {save.isError && !err?.problem.errors && <Alert>{errorMessage(save.error)}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_7rem]">
        <TaskNameField
          names={taskNames}
          value={taskName}
          error={err?.fieldError('taskName')}
          onChange={(e) => setTaskName(e.target.value)}
        />
        <TextField
          label="Date"
          type="date"
          min={period.start}
          max={period.end}
          value={date}
          error={err?.fieldError('date')}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          label="Time spent"
          value={duration}
          error={durationError ?? err?.fieldError('minutes')}
          onChange={(e) => setDuration(e.target.value)}
        />
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" busy={save.isPending}>
          Save entry
        </Button>
      </div>
    </form>
  );
}

/**
 * Everything logged, newest day first, a page at a time; each entry can be corrected or deleted
 * (read-only for a closed audit). A filter narrows the list to one task.
 */
export function EntriesCard({
  businessId,
  auditId,
  tasks,
  period,
  readOnly = false,
}: {
  businessId: string;
  auditId: string;
  tasks: AuditTask[];
  period: { start: string; end: string };
  readOnly?: boolean;
}) {
  const [taskId, setTaskId] = useState('');
  const entries = useEntries(businessId, auditId, taskId || undefined);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AuditEntry | null>(null);
  const remove = useDeleteEntry(businessId, auditId);
  const taskNames = tasks.map((t) => t.name);
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title="Entries">
      {tasks.length > 1 && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            Show
            <select
              value={taskId}
              onChange={(e) => setTaskId(e.target.value)}
              className="max-w-[14rem] rounded-md bg-white px-2 py-1.5 text-sm ring-1 ring-slate-300"
            >
              <option value="">all tasks</option>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {remove.isError && <Alert>{errorMessage(remove.error)}</Alert>}
      <ListState
        query={entries}
        count={items.length}
        loading="Loading entries"
        empty={{
          title: 'Nothing logged yet',
          body: readOnly
            ? 'This audit has no entries.'
            : 'Start the timer, add an entry by hand, or import a CSV from your time tracker.',
        }}
      >
        <ul className="divide-y divide-slate-100">
          {items.map((entry) => (
            <li key={entry.id} className="py-2.5">
              {editing === entry.id ? (
                <EditEntry
                  entry={entry}
                  auditId={auditId}
                  businessId={businessId}
                  taskNames={taskNames}
                  period={period}
                  onDone={() => setEditing(null)}
                />
              ) : (
                <div className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 sm:grid-cols-[7rem_minmax(0,1fr)_6rem_5rem_auto]">
                  <span className="hidden text-sm text-slate-600 tabular-nums sm:block">
                    {formatDay(entry.date, 'weekday')}
                  </span>
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900" title={entry.taskName}>
                      {entry.taskName}
                    </p>
                    <p className="text-xs text-slate-600 sm:hidden">
                      {formatDay(entry.date, 'weekday')} · {formatMinutes(entry.minutes)} ·{' '}
                      {SOURCE_LABEL[entry.source]}
                    </p>
                  </div>
                  <span className="hidden text-right text-sm text-slate-800 tabular-nums sm:block">
                    {formatMinutes(entry.minutes)}
                  </span>
                  <span className="hidden justify-self-start sm:block">
                    <Badge tone="muted">{SOURCE_LABEL[entry.source]}</Badge>
                  </span>
                  {!readOnly && (
                    <span className="flex gap-1">
                      <Button
                        variant="ghost"
                        className="!px-2"
                        aria-label={`Edit ${entry.taskName} on ${formatDay(entry.date)}`}
                        onClick={() => setEditing(entry.id)}
                      >
                        <Pencil size={15} aria-hidden />
                      </Button>
                      <Button
                        variant="ghost"
                        className="!px-2 text-red-700"
                        aria-label={`Delete ${entry.taskName} on ${formatDay(entry.date)}`}
                        onClick={() => setDeleting(entry)}
                      >
                        <Trash2 size={15} aria-hidden />
                      </Button>
                    </span>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      </ListState>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      >
        {deleting &&
          `${formatMinutes(deleting.minutes)} of “${deleting.taskName}” on ${formatDay(deleting.date)} will be removed from the audit.`}
      </ConfirmDialog>
    </Card>
  );
}
