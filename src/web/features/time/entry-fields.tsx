/**
 * A time entry's fields as typed: day and start on the person's own clock, hours, memo and issue.
 * Shared by "Add time" and the edit dialog; each form keeps its own state and says which
 * refusals it shows on a field.
 */
import { TextField } from '../../ui/fields.tsx';

export interface EntryValues {
  date: string;
  start: string;
  hours: string;
  memo: string;
  issue: string;
}

export function EntryFields({
  values,
  onChange,
  errors = {},
  issueHint = 'Its number, like #3',
  autoFocus = false,
}: {
  values: EntryValues;
  onChange: (patch: Partial<EntryValues>) => void;
  /** The refusals shown on their field, by the API's field name. */
  errors?: { startedAt?: string; minutes?: string; memo?: string; issue?: string };
  issueHint?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Day"
          type="date"
          value={values.date}
          onChange={(e) => onChange({ date: e.target.value })}
          required
          autoFocus={autoFocus}
        />
        <TextField
          label="Start"
          type="time"
          value={values.start}
          onChange={(e) => onChange({ start: e.target.value })}
          required
          error={errors.startedAt}
        />
        <TextField
          label="Hours"
          type="number"
          min="0.25"
          step="0.25"
          max="24"
          value={values.hours}
          onChange={(e) => onChange({ hours: e.target.value })}
          required
          error={errors.minutes}
        />
      </div>
      <TextField
        label="Memo"
        value={values.memo}
        onChange={(e) => onChange({ memo: e.target.value })}
        maxLength={2000}
        error={errors.memo}
      />
      <TextField
        label="Issue (optional)"
        hint={issueHint}
        value={values.issue}
        onChange={(e) => onChange({ issue: e.target.value })}
        error={errors.issue}
      />
    </>
  );
}
