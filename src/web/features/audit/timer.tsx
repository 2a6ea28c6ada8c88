import { Play, Square, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { AuditEntry } from '../../../core/contracts/audit.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { ConfirmDialog } from '../../ui/confirm.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatElapsed, formatMinutes } from './audit-format.ts';
import { formatDay } from '../../format.ts';
import { TaskNameField } from './task-name-field.tsx';
import { useTimer, useTimerActions } from './audit-queries.ts';

/** Re-renders every second while mounted, for a ticking clock. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/**
 * The running timer. It lives on the server (one per person and audit), so a reload, another
 * tab or another device shows the same clock; stopping it logs an entry for today.
 */
export function TimerCard({
  businessId,
  auditId,
  taskNames,
}: {
  businessId: string;
  auditId: string;
  taskNames: string[];
}) {
  const timer = useTimer(businessId, auditId);
  const { start, stop, discard } = useTimerActions(businessId, auditId);
  const [taskName, setTaskName] = useState('');
  const [logged, setLogged] = useState<AuditEntry | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const running = timer.data ?? null;
  const now = useNow(running !== null);
  const error = start.error ?? stop.error ?? discard.error;
  const fieldError = start.error instanceof ApiError ? start.error.fieldError('taskName') : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setLogged(null);
    start.mutate(taskName, { onSuccess: () => setTaskName('') });
  }

  return (
    <Card title="Timer" description="Start it when you begin a task; stop it when you are done.">
      {timer.isPending ? (
        <Loading what="Loading the timer" />
      ) : timer.isError ? (
        <Alert>{errorMessage(timer.error)}</Alert>
      ) : running ? (
        <div className="space-y-4">
          <div className="rounded-md bg-brand-50 px-4 py-3 ring-1 ring-brand-100">
            <p className="text-sm text-slate-700">Running for</p>
            <p className="truncate font-medium text-slate-900">{running.taskName}</p>
            <p
              role="timer"
              className="mt-1 font-mono text-3xl font-semibold text-brand-800 tabular-nums"
              aria-label="Elapsed time"
            >
              {formatElapsed(now - Date.parse(running.startedAt))}
            </p>
          </div>
          {error && !fieldError && <Alert>{errorMessage(error)}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button
              busy={stop.isPending}
              onClick={() => stop.mutate(undefined, { onSuccess: setLogged })}
            >
              <Square size={14} aria-hidden /> Stop and log
            </Button>
            <Button variant="secondary" onClick={() => setDiscarding(true)}>
              <Trash2 size={14} aria-hidden /> Discard
            </Button>
          </div>
        </div>
      ) : (
        <form className="space-y-3" onSubmit={submit}>
          {logged && (
            <Alert tone="success">
              Logged {formatMinutes(logged.minutes)} of “{logged.taskName}” on{' '}
              {formatDay(logged.date)}.
            </Alert>
          )}
          {error && !fieldError && <Alert>{errorMessage(error)}</Alert>}
          <TaskNameField
            label="What are you working on?"
            names={taskNames}
            value={taskName}
            required
            placeholder="e.g. Answer customer e-mails"
            error={fieldError ?? undefined}
            onChange={(e) => setTaskName(e.target.value)}
          />
          <Button type="submit" busy={start.isPending} disabled={!taskName.trim()}>
            <Play size={14} aria-hidden /> Start timer
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={discarding}
        title="Discard the running timer?"
        confirmLabel="Discard time"
        busy={discard.isPending}
        onCancel={() => setDiscarding(false)}
        onConfirm={() => discard.mutate(undefined, { onSettled: () => setDiscarding(false) })}
      >
        The time on “{running?.taskName}” is thrown away and nothing is logged.
      </ConfirmDialog>
    </Card>
  );
}
