import { SHORTLIST_CAP_RANGE } from '../../../core/hiring.ts';
import {
  DEFAULT_WEIGHTS,
  PART_LABELS,
  SCORE_PARTS,
  WEIGHT_RANGE,
  type ScorePart,
  type ShortlistWeights,
} from '../../../core/shortlist-score.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { SelectField } from '../../ui/fields.tsx';

const HINTS: Record<ScorePart, string> = {
  feedback: 'Ratings from earlier clients; new professionals score half.',
  skills: 'The job’s skills their profile lists.',
  price: 'Cheaper than the budget and the median bid scores higher.',
  experience: 'Years in their strongest skill; 10 or more is full marks.',
  onTime: 'Jobs delivered on time; new professionals score half.',
  trial: 'Counts once a trial is scored.',
  interview: 'Counts once an interview is scored.',
};

/**
 * The weights as sliders (native range inputs: arrow keys move them, each labelled with its
 * value), the sum, and the cap. Moving a slider re-ranks the list at once; Save keeps them.
 */
export function WeightsPanel({
  weights,
  cap,
  notInPlay,
  canSave,
  dirty,
  saving,
  error,
  onChange,
  onCap,
  onSave,
  onReset,
}: {
  weights: ShortlistWeights;
  cap: number;
  notInPlay: ScorePart[];
  canSave: boolean;
  dirty: boolean;
  saving: boolean;
  error: unknown;
  onChange: (w: ShortlistWeights) => void;
  onCap: (cap: number) => void;
  onSave: () => void;
  onReset: () => void;
}) {
  const sum = SCORE_PARTS.filter((p) => !notInPlay.includes(p)).reduce((s, p) => s + weights[p], 0);
  const caps = [];
  for (let n = SHORTLIST_CAP_RANGE.min; n <= SHORTLIST_CAP_RANGE.max; n++) caps.push(n);
  return (
    <section aria-labelledby="weights-title" className="space-y-4">
      <div>
        <h2 id="weights-title" className="text-base font-semibold text-slate-900">
          What matters to you
        </h2>
        <p className="mt-1 text-sm text-slate-600" aria-live="polite">
          Scores are out of 100. Each part counts in proportion to its weight, so the weights need
          not make 100 (these add up to {sum}).
        </p>
      </div>
      <ul className="space-y-3">
        {SCORE_PARTS.map((part) => {
          const id = `weight-${part}`;
          const off = notInPlay.includes(part);
          return (
            <li key={part}>
              <div className="flex items-baseline justify-between gap-2">
                <label htmlFor={id} className="text-sm font-medium text-slate-800">
                  {PART_LABELS[part]}
                </label>
                <output htmlFor={id} className="text-sm text-slate-700 tabular-nums">
                  {weights[part]}
                </output>
              </div>
              <input
                id={id}
                type="range"
                min={WEIGHT_RANGE.min}
                max={WEIGHT_RANGE.max}
                step={5}
                value={weights[part]}
                aria-describedby={`${id}-hint`}
                onChange={(e) => onChange({ ...weights, [part]: Number(e.target.value) })}
                className="w-full accent-brand-700"
              />
              <p id={`${id}-hint`} className="text-xs text-slate-600">
                {HINTS[part]}
                {off && ' Not counted yet: no bid has this score.'}
              </p>
            </li>
          );
        })}
      </ul>
      <SelectField
        label="Shortlist cap"
        hint="How many bids the shortlist holds."
        value={String(cap)}
        onChange={(e) => onCap(Number(e.target.value))}
        options={caps.map((n) => ({ value: String(n), label: `${n} bids` }))}
        disabled={!canSave}
      />
      {error !== null && error !== undefined && <Alert>{errorMessage(error)}</Alert>}
      <div className="flex flex-wrap gap-2">
        {canSave && (
          <Button onClick={onSave} busy={saving} disabled={!dirty}>
            Save weights and cap
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={onReset}
          disabled={SCORE_PARTS.every((p) => weights[p] === DEFAULT_WEIGHTS[p])}
        >
          Back to the defaults
        </Button>
      </div>
      {!canSave && (
        <p className="text-xs text-slate-600">
          You can try weights here; only owners and managers can save them.
        </p>
      )}
    </section>
  );
}
