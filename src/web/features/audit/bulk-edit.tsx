import { useState, type ReactNode } from 'react';
import type { Category } from '../../../core/contracts/audit.ts';
import type { Nature } from '../../../core/audit.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { plural } from './audit-format.ts';
import { categoryOptions, natureOptions, type Option } from './task-options.ts';
import { useBulkUpdateTasks } from './audit-queries.ts';

/** "Keep" leaves the attribute as each task has it; "Not set" clears it. */
const KEEP = '__keep';
const withKeep = (options: Option[]): Option[] => [
  { value: KEEP, label: 'Keep as is' },
  ...options,
];

function BulkSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  return (
    <label className="block text-xs font-medium text-slate-700">
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 block w-full rounded-md bg-white px-2 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 sm:w-48"
      >
        {withKeep(options).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Sets the nature and/or category of every selected task in one request. */
export function BulkEditBar({
  businessId,
  auditId,
  selected,
  categories,
  selectAll,
  onDone,
}: {
  businessId: string;
  auditId: string;
  selected: string[];
  categories: Category[];
  selectAll: ReactNode;
  onDone: () => void;
}) {
  const [nature, setNature] = useState(KEEP);
  const [category, setCategory] = useState(KEEP);
  const [done, setDone] = useState<string | null>(null);
  const apply = useBulkUpdateTasks(businessId, auditId);
  function applyChoices() {
    setDone(null);
    apply.mutate(
      {
        taskIds: selected,
        ...(nature === KEEP ? {} : { nature: nature === '' ? null : (nature as Nature) }),
        ...(category === KEEP ? {} : { category: category === '' ? null : category }),
      },
      {
        onSuccess: (result) => {
          setDone(`Updated ${plural(result.items.length, 'task')}.`);
          setNature(KEEP);
          setCategory(KEEP);
          onDone();
        },
      },
    );
  }
  const nothingToSet = nature === KEEP && category === KEEP;

  return (
    <div className="space-y-2">
      {done && <Alert tone="success">{done}</Alert>}
      {apply.isError && <Alert>{errorMessage(apply.error)}</Alert>}
      {selected.length === 0 ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {selectAll}
          <p className="text-sm text-slate-600">
            Tick several tasks to set their nature or category together.
          </p>
        </div>
      ) : (
        <div
          role="group"
          aria-label="Edit selected tasks"
          className="flex flex-col gap-3 rounded-md bg-brand-50 p-3 ring-1 ring-brand-100 sm:flex-row sm:flex-wrap sm:items-end"
        >
          <div className="flex flex-col gap-2 sm:mr-2 sm:self-center">
            {selectAll}
            <p className="text-sm font-medium text-brand-800">
              {plural(selected.length, 'task')} selected
            </p>
          </div>
          <BulkSelect label="Nature" value={nature} options={natureOptions} onChange={setNature} />
          <BulkSelect
            label="Category"
            value={category}
            options={categoryOptions(categories)}
            onChange={setCategory}
          />
          <div className="flex gap-2">
            <Button busy={apply.isPending} disabled={nothingToSet} onClick={applyChoices}>
              Apply
            </Button>
            <Button variant="secondary" onClick={onDone}>
              Clear selection
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
