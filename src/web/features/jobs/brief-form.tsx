import { Plus, Trash2 } from 'lucide-react';
import {
  Controller,
  useFieldArray,
  useFormContext,
  useFormState,
  useWatch,
  type FieldPath,
} from 'react-hook-form';
import type { Category } from '../../../core/contracts/audit.ts';
import { MAX_SCREENING_QUESTIONS } from '../../../core/jobs.ts';
import { formatMoney, fromMajor } from '../../../core/money.ts';
import { COMMON_CURRENCIES } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/layout.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Segmented } from './job-fields.tsx';
import { fieldId, type EditorValues } from './job-form.ts';
import { SkillsInput } from './skills-input.tsx';

/** The message of a field's error, for showing under its input. */
export function useFieldError() {
  const { getFieldState } = useFormContext<EditorValues>();
  const formState = useFormState<EditorValues>();
  return (name: FieldPath<EditorValues>): string | undefined =>
    getFieldState(name, formState).error?.message;
}

/** The bid brief: what every professional sees before bidding. */
export function BriefForm({
  categories,
  businessCurrency,
  readOnly,
}: {
  categories: Category[];
  businessCurrency: string;
  readOnly: boolean;
}) {
  const { register, control } = useFormContext<EditorValues>();
  const error = useFieldError();
  const category = useWatch<EditorValues, 'brief.category'>({ name: 'brief.category' });
  const options = [
    { value: '', label: 'No category' },
    ...categories.map((c) => ({ value: c.slug, label: c.name })),
  ];
  // A category an admin has since removed (or a list that failed to load) still shows.
  if (category && !categories.some((c) => c.slug === category))
    options.push({ value: category, label: category });
  return (
    <Card
      title="Bid brief"
      description="Public: professionals read this on the job board to decide whether to bid. Keep confidential details for the full specification."
    >
      <div className="space-y-5">
        <TextField
          id={fieldId('brief.title')}
          label="Title"
          maxLength={120}
          hint="What needs doing, in a few words: “Logo for a neighbourhood bakery”"
          error={error('brief.title')}
          {...register('brief.title')}
        />
        <TextAreaField
          id={fieldId('brief.summary')}
          label="Summary"
          rows={5}
          maxLength={5_000}
          hint="The outcome you want, who it is for, and what you already have."
          error={error('brief.summary')}
          {...register('brief.summary')}
        />
        <SelectField
          id={fieldId('brief.category')}
          label="Category"
          error={error('brief.category')}
          options={options}
          {...register('brief.category')}
        />
        <Controller
          control={control}
          name="brief.skills"
          render={({ field }) => (
            <SkillsInput
              id={fieldId('brief.skills')}
              label="Skills"
              value={field.value}
              onChange={field.onChange}
              disabled={readOnly}
              error={error('brief.skills')}
            />
          )}
        />
        <BudgetFields businessCurrency={businessCurrency} />
        <TimingFields />
        <ScreeningQuestions />
      </div>
    </Card>
  );
}

function BudgetFields({ businessCurrency }: { businessCurrency: string }) {
  const { register } = useFormContext<EditorValues>();
  const error = useFieldError();
  const budget = useWatch<EditorValues, 'brief.budget'>({ name: 'brief.budget' });
  const currencies = [...new Set([businessCurrency, budget.currency, ...COMMON_CURRENCIES])];
  const hourly = budget.type === 'hourly';
  const money = (v: string) => {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n)
      ? formatMoney(fromMajor(n, budget.currency))
      : null;
  };
  const [low, high] = [money(budget.min), money(budget.max)];
  const range =
    low && high ? `${low} – ${high}` : low ? `from ${low}` : high ? `up to ${high}` : null;
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <Segmented
        path="brief.budget"
        legend="Budget"
        registration={register('brief.budget.type')}
        options={[
          { value: 'fixed', label: 'Fixed price' },
          { value: 'hourly', label: 'Hourly rate' },
          { value: 'none', label: 'Not yet' },
        ]}
      />
      {budget.type !== 'none' && (
        <>
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField
              id={fieldId('brief.budget.currency')}
              label="Currency"
              options={currencies.map((c) => ({ value: c, label: c }))}
              error={error('brief.budget.currency')}
              {...register('brief.budget.currency')}
            />
            <TextField
              id={fieldId('brief.budget.min')}
              label={hourly ? 'Rate from, per hour' : 'From'}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              error={error('brief.budget.min')}
              {...register('brief.budget.min')}
            />
            <TextField
              id={fieldId('brief.budget.max')}
              label={hourly ? 'Rate up to, per hour' : 'Up to'}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              error={error('brief.budget.max')}
              {...register('brief.budget.max')}
            />
          </div>
          {hourly && (
            <div className="sm:w-1/3">
              <TextField
                id={fieldId('brief.budget.hoursPerWeek')}
                label="Hours a week"
                type="number"
                inputMode="decimal"
                min={0.5}
                max={80}
                step="any"
                error={error('brief.budget.hoursPerWeek')}
                {...register('brief.budget.hoursPerWeek')}
              />
            </div>
          )}
          <p className="text-xs text-slate-600" aria-live="polite">
            {range
              ? `Shown to professionals as ${range}${hourly ? ' an hour' : ''}.`
              : 'Amounts in whole units of the currency, for example 1200.50.'}
          </p>
        </>
      )}
    </div>
  );
}

function TimingFields() {
  const { register } = useFormContext<EditorValues>();
  const error = useFieldError();
  const timing = useWatch<EditorValues, 'brief.timing'>({ name: 'brief.timing' });
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <Segmented
        path="brief.timing"
        legend="When it must be done"
        registration={register('brief.timing')}
        options={[
          { value: 'deadline', label: 'By a date' },
          { value: 'duration', label: 'Within days' },
          { value: 'none', label: 'Not yet' },
        ]}
      />
      {timing === 'deadline' && (
        <div className="sm:w-1/2">
          <TextField
            id={fieldId('brief.deadline')}
            label="Deadline"
            type="date"
            hint="In your business’s time zone."
            error={error('brief.deadline')}
            {...register('brief.deadline')}
          />
        </div>
      )}
      {timing === 'duration' && (
        <div className="sm:w-1/2">
          <TextField
            id={fieldId('brief.durationDays')}
            label="Duration in days"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            hint="Counted from when the work starts."
            error={error('brief.durationDays')}
            {...register('brief.durationDays')}
          />
        </div>
      )}
    </div>
  );
}

function ScreeningQuestions() {
  const { register, control } = useFormContext<EditorValues>();
  const error = useFieldError();
  const { disabled } = useFormState<EditorValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'brief.screeningQuestions' });
  const full = fields.length >= MAX_SCREENING_QUESTIONS;
  return (
    <section aria-labelledby="screening-heading" data-field="brief.screeningQuestions">
      <h3 id="screening-heading" className="text-sm font-medium text-slate-800">
        Screening questions
      </h3>
      <p className="text-xs text-slate-600">
        Up to {MAX_SCREENING_QUESTIONS}. Every bid answers them, so you can compare professionals on
        what matters to you.
      </p>
      {fields.length > 0 && (
        <ol className="mt-2 space-y-2">
          {fields.map((f, i) => (
            <li key={f.id} className="flex items-start gap-2">
              <div className="min-w-0 flex-1">
                <TextField
                  id={fieldId(`brief.screeningQuestions.${i}`)}
                  label={`Question ${i + 1}`}
                  hideLabel
                  placeholder={`Question ${i + 1}`}
                  maxLength={500}
                  error={error(`brief.screeningQuestions.${i}.value`)}
                  {...register(`brief.screeningQuestions.${i}.value`)}
                />
              </div>
              {!disabled && (
                <RemoveButton label={`Remove question ${i + 1}`} onClick={() => remove(i)} />
              )}
            </li>
          ))}
        </ol>
      )}
      {disabled ? (
        fields.length === 0 && <p className="mt-1 text-sm text-slate-500">None.</p>
      ) : (
        <Button
          variant="secondary"
          className="mt-2"
          disabled={full}
          onClick={() => append({ value: '' }, { shouldFocus: true })}
        >
          <Plus size={16} aria-hidden /> Add a question
        </Button>
      )}
      {error('brief.screeningQuestions') && (
        <p className="mt-1 text-xs text-red-700">{error('brief.screeningQuestions')}</p>
      )}
    </section>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="mt-0.5 shrink-0 rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700"
    >
      <Trash2 size={16} aria-hidden />
      <span className="sr-only">{label}</span>
    </button>
  );
}
