/**
 * The business's form for a new trial: task, deadline in the business's time zone, time box,
 * rubric of weighted criteria, optional payment, and the shortlisted bids to send it to.
 */
import { Plus, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { DEFAULT_TRIAL_MINUTES } from '../../../core/hiring.ts';
import {
  MAX_RUBRIC_CRITERIA,
  MAX_TRIAL_PARTICIPANTS,
  TIME_BOX_RANGE,
  type TrialCandidate,
} from '../../../core/contracts/trials.ts';
import { minorDigits } from '../../../core/money.ts';
import { zonedLocalToUtc } from '../../../core/zoned-time.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { COMMON_CURRENCIES, currencyName } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Card } from '../../ui/layout.tsx';
import { useCreateTrial } from './trial-queries.ts';

interface Criterion {
  key: number;
  label: string;
  weight: string;
}

let nextKey = 1;
const criterion = (label: string, weight: string): Criterion => ({ key: nextKey++, label, weight });

export function TrialForm({
  businessId,
  jobId,
  candidates,
  timeZone,
  currency,
  onCreated,
}: {
  businessId: string;
  jobId: string;
  candidates: TrialCandidate[];
  timeZone: string;
  currency: string;
  onCreated: () => void;
}) {
  const create = useCreateTrial(businessId, jobId);
  const [title, setTitle] = useState('');
  const [instructions, setInstructions] = useState('');
  const [deadline, setDeadline] = useState('');
  const [minutes, setMinutes] = useState(String(DEFAULT_TRIAL_MINUTES));
  const [rubric, setRubric] = useState<Criterion[]>([
    criterion('Quality of the work', '3'),
    criterion('Follows the instructions', '2'),
    criterion('Communication', '1'),
  ]);
  const [paid, setPaid] = useState('');
  const [paidCurrency, setPaidCurrency] = useState(currency);
  // Two or three is what a comparison needs; every shortlisted bid is ticked when that fits.
  const [picked, setPicked] = useState<string[]>(
    candidates.length <= 3 ? candidates.map((c) => c.bidId) : [],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const totalWeight = rubric.reduce((sum, c) => sum + (Number(c.weight) || 0), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const due = zonedLocalToUtc(deadline, timeZone);
    if (!due) {
      setErrors({ deadline: 'Pick the date and time it is due' });
      return;
    }
    const amount =
      paid.trim() === '' ? null : Math.round(Number(paid) * 10 ** minorDigits(paidCurrency));
    try {
      await create.mutateAsync({
        title,
        instructions,
        deadline: due,
        timeBoxMinutes: Number(minutes),
        rubric: rubric.map((c) => ({ label: c.label, weight: Number(c.weight) })),
        paid: amount === null ? null : { amount, currency: paidCurrency },
        bidIds: picked,
      });
      onCreated();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const mine: Record<string, string> = {};
      for (const [path, message] of Object.entries(fields))
        mine[path.replace(/^body\./, '')] = message;
      setErrors(mine);
      if (Object.keys(mine).length === 0) setFormError(errorMessage(error));
    }
  }

  return (
    <Card
      title="New trial"
      description="A small task sent to 2–3 shortlisted professionals at once (1 to 5 allowed), scored against your rubric."
    >
      <form className="space-y-4" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          required
          error={errors.title}
        />
        <TextAreaField
          label="Instructions"
          hint="Markdown: what to do, what to hand in, what you will judge."
          rows={6}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          required
          error={errors.instructions}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={`Deadline (${timeZone})`}
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            required
            error={errors.deadline}
          />
          <TextField
            label="Time box (minutes)"
            hint="How long the task should take; 120 is two hours."
            type="number"
            min={TIME_BOX_RANGE.min}
            max={TIME_BOX_RANGE.max}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={errors.timeBoxMinutes}
          />
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-900">Rubric</legend>
          <p className="text-sm text-slate-600">
            Weights are relative: 3, 2 and 1 mean half, a third and a sixth of the score. They need
            not add up to 100.
          </p>
          {errors.rubric && <p className="text-sm text-red-700">{errors.rubric}</p>}
          <ul className="space-y-2">
            {rubric.map((c, i) => (
              <li key={c.key} className="flex items-end gap-2">
                <div className="flex-1">
                  <TextField
                    label={`Criterion ${i + 1}`}
                    value={c.label}
                    maxLength={120}
                    onChange={(e) =>
                      setRubric(
                        rubric.map((x) => (x.key === c.key ? { ...x, label: e.target.value } : x)),
                      )
                    }
                    error={errors[`rubric.${i}.label`]}
                  />
                </div>
                <div className="w-24">
                  <TextField
                    label="Weight"
                    type="number"
                    min={1}
                    max={100}
                    value={c.weight}
                    onChange={(e) =>
                      setRubric(
                        rubric.map((x) => (x.key === c.key ? { ...x, weight: e.target.value } : x)),
                      )
                    }
                    error={errors[`rubric.${i}.weight`]}
                  />
                </div>
                <span className="w-14 pb-2 text-right text-xs text-slate-600">
                  {totalWeight > 0
                    ? `${Math.round(((Number(c.weight) || 0) / totalWeight) * 100)} %`
                    : ''}
                </span>
                <button
                  type="button"
                  className="mb-1 rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700 disabled:opacity-40"
                  disabled={rubric.length === 1}
                  onClick={() => setRubric(rubric.filter((x) => x.key !== c.key))}
                >
                  <Trash2 size={16} aria-hidden />
                  <span className="sr-only">Remove criterion {i + 1}</span>
                </button>
              </li>
            ))}
          </ul>
          {rubric.length < MAX_RUBRIC_CRITERIA && (
            <Button variant="secondary" onClick={() => setRubric([...rubric, criterion('', '1')])}>
              <Plus size={16} aria-hidden /> Add a criterion
            </Button>
          )}
        </fieldset>

        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Paid amount (optional)"
            hint="Recorded with the trial; paying it comes later."
            type="number"
            min={0}
            step="any"
            value={paid}
            onChange={(e) => setPaid(e.target.value)}
            error={errors['paid.amount'] ?? errors.paid}
          />
          <SelectField
            label="Currency"
            value={paidCurrency}
            onChange={(e) => setPaidCurrency(e.target.value)}
            options={[...new Set([currency, ...COMMON_CURRENCIES])].map((code) => ({
              value: code,
              label: `${code} — ${currencyName(code)}`,
            }))}
          />
        </div>

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-900">
            Send to (up to {MAX_TRIAL_PARTICIPANTS} shortlisted professionals)
          </legend>
          {errors.bidIds && <p className="text-sm text-red-700">{errors.bidIds}</p>}
          <ul className="space-y-1">
            {candidates.map((c) => (
              <li key={c.bidId}>
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-brand-700"
                    checked={picked.includes(c.bidId)}
                    onChange={(e) =>
                      setPicked(
                        e.target.checked
                          ? [...picked, c.bidId]
                          : picked.filter((id) => id !== c.bidId),
                      )
                    }
                  />
                  {c.professional.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        {formError && <Alert>{formError}</Alert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCreated}>
            Close
          </Button>
          <Button type="submit" busy={create.isPending} disabled={picked.length === 0}>
            Send the trial
          </Button>
        </div>
      </form>
    </Card>
  );
}
