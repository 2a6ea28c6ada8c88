import { MAX_INTERVIEW_SLOTS } from '../../../core/hiring.ts';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/fields.tsx';

/**
 * Up to five start times typed as wall clocks in `timeZone` (the business's): the page turns
 * them into instants with `fromWallTime` before sending. Errors come per slot (`slots.1`).
 */
export function SlotsEditor({
  slots,
  onChange,
  timeZone,
  errorFor,
}: {
  slots: string[];
  onChange: (slots: string[]) => void;
  timeZone: string;
  errorFor: (index: number) => string | undefined;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">
        Times to propose ({timeZone}), up to {MAX_INTERVIEW_SLOTS}
      </legend>
      {slots.map((slot, i) => (
        <div key={i} className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <TextField
              label={`Time ${i + 1}`}
              type="datetime-local"
              required
              value={slot}
              error={errorFor(i)}
              onChange={(e) => onChange(slots.map((s, j) => (j === i ? e.target.value : s)))}
            />
          </div>
          {slots.length > 1 && (
            <Button
              variant="ghost"
              aria-label={`Remove time ${i + 1}`}
              onClick={() => onChange(slots.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          )}
        </div>
      ))}
      {slots.length < MAX_INTERVIEW_SLOTS && (
        <Button variant="secondary" onClick={() => onChange([...slots, ''])}>
          Add a time
        </Button>
      )}
    </fieldset>
  );
}
