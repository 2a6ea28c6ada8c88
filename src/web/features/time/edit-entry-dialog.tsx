/**
 * The professional's edit of one closed time entry: its day and start on their own clock, its
 * length, memo and issue. The server judges it (the weekly cap with its numbers, a closed week,
 * an approved entry) and each refusal is shown on the field it names, else above the buttons.
 */
import { useState, type FormEvent } from 'react';
import type { TimeEntry, UpdateTimeEntry } from '../../../core/contracts/time.ts';
import { formatHours } from '../../../core/time-entries.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { fromWallTime, toWallTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { EntryFields, type EntryValues } from './entry-fields.tsx';
import { useTimeActions } from './time-queries.ts';

export function EditEntryDialog({
  contractId,
  entry,
  timeZone,
  onClose,
}: {
  contractId: string;
  /** The entry being edited; null keeps the dialog closed. */
  entry: TimeEntry | null;
  timeZone: string;
  onClose: () => void;
}) {
  return (
    <Dialog open={entry !== null} title="Edit this entry" onClose={onClose} wide>
      {/* Keyed by the entry, so each opening starts from that entry's own values. */}
      {entry && (
        <EditEntryForm
          key={entry.id}
          contractId={contractId}
          entry={entry}
          timeZone={timeZone}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function EditEntryForm({
  contractId,
  entry,
  timeZone,
  onClose,
}: {
  contractId: string;
  entry: TimeEntry;
  timeZone: string;
  onClose: () => void;
}) {
  const { update } = useTimeActions(contractId);
  const [initial] = useState(() => {
    const wall = toWallTime(entry.startedAt, timeZone);
    return {
      date: wall.slice(0, 10),
      start: wall.slice(11, 16),
      hours: formatHours(entry.minutes ?? 0),
    };
  });
  const [values, setValues] = useState<EntryValues>({
    ...initial,
    memo: entry.memo,
    issue: entry.issue ? `#${entry.issue.number}` : '',
  });
  const { date, start, hours, memo, issue } = values;
  const err = update.error instanceof ApiError ? update.error : null;
  const fieldErrors = {
    startedAt: err?.fieldError('startedAt'),
    minutes: err?.fieldError('minutes'),
    memo: err?.fieldError('memo'),
    issue: err?.fieldError('issue'),
  };
  const onAField = Object.values(fieldErrors).some(Boolean);

  function submit(e: FormEvent) {
    e.preventDefault();
    // Only what the person changed is sent: an untouched start must not be re-judged against a
    // week that has since closed, and a timer's seconds or odd minutes must not be rounded away.
    const body: UpdateTimeEntry = {};
    if (date !== initial.date || start !== initial.start)
      body.startedAt = fromWallTime(`${date}T${start}`, timeZone);
    if (hours !== initial.hours) body.minutes = Math.round(Number(hours) * 60);
    if (memo !== entry.memo) body.memo = memo;
    const issueRef = issue.trim() || null;
    const wasRef = entry.issue ? `#${entry.issue.number}` : null;
    if (issueRef !== wasRef) body.issue = issueRef;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate({ entryId: entry.id, body }, { onSuccess: onClose });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">Day and start on your clock ({timeZone}).</p>
      <EntryFields
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={fieldErrors}
        issueHint="Its number, like #3; empty for none"
        autoFocus
      />
      {update.error && !onAField && <Alert>{errorMessage(update.error)}</Alert>}
      {entry.status === 'disputed' && (
        <p className="text-sm text-slate-600">
          Saving sends the entry back to the business for review.
        </p>
      )}
      <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" busy={update.isPending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
