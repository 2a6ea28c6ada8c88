import { CheckCircle2, XCircle } from 'lucide-react';
import {
  IMPORT_PRESETS,
  type ColumnMapping,
  type DateOrder,
  type DurationUnit,
  type ImportPreset,
  type RowsCheck,
} from '../../../core/time-log-import.ts';
import { SelectField } from '../../ui/fields.tsx';
import { formatMinutes, plural } from './audit-format.ts';
import { matchPreset, type CsvPreview } from './csv-preview.ts';

export type PresetChoice = ImportPreset | 'custom';

const PREVIEW_ROWS = 8;

const presetOptions = [
  ...(Object.keys(IMPORT_PRESETS) as ImportPreset[]).map((p) => ({
    value: p,
    label: IMPORT_PRESETS[p].label,
  })),
  { value: 'custom', label: 'My own columns' },
];
const unitOptions: { value: DurationUnit; label: string }[] = [
  { value: 'hms', label: 'h:mm:ss (1:30:00)' },
  { value: 'hours', label: 'Decimal hours (1.5)' },
  { value: 'minutes', label: 'Minutes (90)' },
];
const orderOptions: { value: DateOrder; label: string }[] = [
  { value: 'ymd', label: 'Year-month-day (2026-11-30)' },
  { value: 'dmy', label: 'Day/month/year (30/11/2026)' },
  { value: 'mdy', label: 'Month/day/year (11/30/2026)' },
];

/** Which of a mapping's required columns are not chosen yet. */
export function mappingProblem(m: ColumnMapping): string | null {
  if (!m.date) return 'Choose the column with the date.';
  if (!m.task) return 'Choose the column with the task.';
  if (!m.duration && !(m.start && m.end))
    return 'Choose a duration column, or the start and end columns.';
  return null;
}

/**
 * The column mapping — a preset or the person's own — and the first rows as the import will
 * read them (checkRows from src/core, given by the panel), so problems show before anything is
 * uploaded.
 */
export function ImportMapping({
  preview,
  preset,
  mapping,
  check,
  onChange,
}: {
  preview: CsvPreview;
  preset: PresetChoice;
  mapping: ColumnMapping;
  /** The preview's rows as the import will read them (`checkRows`); null while a column is missing. */
  check: RowsCheck | null;
  onChange: (preset: PresetChoice, mapping: ColumnMapping) => void;
}) {
  const columns = [
    { value: '', label: 'Choose a column' },
    ...preview.headers.map((h) => ({ value: h, label: h || '(unnamed)' })),
  ];
  const optional = [{ value: '', label: 'None' }, ...columns.slice(1)];
  const useDuration = mapping.duration !== undefined;
  const set = (patch: Partial<ColumnMapping>) => onChange('custom', { ...mapping, ...patch });

  function choosePreset(value: PresetChoice) {
    if (value === 'custom') return onChange('custom', mapping);
    const matched = matchPreset(preview.headers, value);
    onChange(value, matched ?? { ...IMPORT_PRESETS[value].mapping, date: '', task: '' });
  }

  const checked = check?.rows ?? null;
  const bad = checked?.filter((r) => !r.ok).length ?? 0;
  // Failures further down the preview than the table shows, so they are not missed.
  const laterFailures = (checked ?? [])
    .map((r, i) => ({ r, row: i + 1 }))
    .filter(({ r, row }) => !r.ok && row > PREVIEW_ROWS)
    .slice(0, 5);

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Format"
          value={preset}
          options={presetOptions}
          hint="Guessed from the column names; change it if it is wrong."
          onChange={(e) => choosePreset(e.target.value as PresetChoice)}
        />
        <SelectField
          label="Dates are written"
          value={mapping.dateOrder}
          options={orderOptions}
          onChange={(e) => set({ dateOrder: e.target.value as DateOrder })}
        />
        <SelectField
          label="Date column"
          value={mapping.date}
          options={columns}
          onChange={(e) => set({ date: e.target.value })}
        />
        <SelectField
          label="Task column"
          value={mapping.task}
          options={columns}
          onChange={(e) => set({ task: e.target.value })}
        />
        <SelectField
          label="Project column"
          value={mapping.project ?? ''}
          options={optional}
          hint="Used as the task name where the task is empty."
          onChange={(e) => set({ project: e.target.value || undefined })}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Time spent comes from</legend>
          <div className="mt-2 flex flex-wrap gap-4 text-sm text-slate-800">
            <label className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="time-from"
                className="h-4 w-4 accent-brand-700"
                checked={useDuration}
                onChange={() => set({ duration: '', start: undefined, end: undefined })}
              />
              A duration column
            </label>
            <label className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="time-from"
                className="h-4 w-4 accent-brand-700"
                checked={!useDuration}
                onChange={() => set({ duration: undefined, start: '', end: '' })}
              />
              Start and end times
            </label>
          </div>
        </fieldset>
        {useDuration ? (
          <>
            <SelectField
              label="Duration column"
              value={mapping.duration ?? ''}
              options={columns}
              onChange={(e) => set({ duration: e.target.value })}
            />
            <SelectField
              label="Duration is written as"
              value={mapping.durationUnit}
              options={unitOptions}
              onChange={(e) => set({ durationUnit: e.target.value as DurationUnit })}
            />
          </>
        ) : (
          <>
            <SelectField
              label="Start time column"
              value={mapping.start ?? ''}
              options={columns}
              onChange={(e) => set({ start: e.target.value })}
            />
            <SelectField
              label="End time column"
              value={mapping.end ?? ''}
              options={columns}
              onChange={(e) => set({ end: e.target.value })}
            />
          </>
        )}
      </div>

      <div>
        <h3 className="text-sm font-semibold text-slate-900">Preview</h3>
        {!checked ? (
          <p className="mt-1 text-sm text-amber-900">{mappingProblem(mapping)}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-700">
              {preview.complete
                ? `${plural(checked.length, 'row')} in the file; `
                : `About ${plural(preview.estimatedRows, 'row')} in the file. Of the first ${plural(checked.length, 'row')}, `}
              {bad === 0
                ? 'all read cleanly.'
                : `${checked.length - bad} read cleanly and ${bad} would fail (they are skipped; the rest are kept).`}
            </p>
            <div
              className="mt-2 overflow-x-auto rounded-md ring-1 ring-slate-200"
              role="region"
              aria-label="Preview of the first rows"
              tabIndex={0}
            >
              <table className="w-full min-w-[32rem] text-left text-sm">
                <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
                  <tr>
                    <th className="px-3 py-2 font-semibold">Row</th>
                    <th className="px-3 py-2 font-semibold">Date</th>
                    <th className="px-3 py-2 font-semibold">Task</th>
                    <th className="px-3 py-2 font-semibold">Time</th>
                    <th className="px-3 py-2 font-semibold">Result</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {checked.slice(0, PREVIEW_ROWS).map((r, i) => (
                    <tr key={i}>
                      <td className="px-3 py-2 text-slate-600 tabular-nums">{i + 1}</td>
                      {r.ok ? (
                        <>
                          <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                            {r.entry.date}
                          </td>
                          <td className="max-w-[16rem] truncate px-3 py-2">{r.entry.taskName}</td>
                          <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                            {formatMinutes(r.entry.minutes)}
                          </td>
                          <td className="px-3 py-2 whitespace-nowrap text-emerald-800">
                            <CheckCircle2 size={15} aria-hidden className="mr-1 inline" />
                            ready
                          </td>
                        </>
                      ) : (
                        <td colSpan={4} className="px-3 py-2 text-red-800">
                          <XCircle size={15} aria-hidden className="mr-1 inline" />
                          {r.reason}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {laterFailures.length > 0 && (
              <>
                <p className="mt-3 text-sm font-medium text-slate-900">
                  Further down, also failing:
                </p>
                <ul className="mt-1 space-y-0.5 text-sm text-red-800">
                  {laterFailures.map(({ r, row }) => (
                    <li key={row}>
                      Row {row}: {r.ok ? '' : r.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
