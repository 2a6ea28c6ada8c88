/** The rows of a template's lists (deliverables, acceptance criteria, requirements). */
import { Plus, Trash2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { Priority } from '../../../core/jobs.ts';
import { Button } from '../../ui/button.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { newItemId } from '../jobs/job-form.ts';

/** One row; every list uses the same shape and ignores the fields it has no use for. */
export interface Item {
  id: string;
  text: string;
  /** '' while not linked to a deliverable. */
  deliverableId: string;
  priority: Priority;
}

/**
 * A list the admin edits row by row. Each row keeps its item id, so links from criteria and
 * requirements to deliverables survive edits, additions and removals of other rows.
 */
export function ItemList({
  legend,
  noun,
  items,
  onChange,
  extra,
}: {
  legend: string;
  noun: string;
  items: Item[];
  onChange: (items: Item[]) => void;
  extra?: (item: Item, update: (patch: Partial<Item>) => void, n: number) => ReactNode;
}) {
  const [focusId, setFocusId] = useState<string>();
  const lower = noun.toLowerCase();
  function add() {
    const item: Item = { id: newItemId(), text: '', deliverableId: '', priority: 'must' };
    onChange([...items, item]);
    setFocusId(item.id);
  }
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {items.length === 0 && <p className="text-sm text-slate-600">None yet.</p>}
      <ol className="space-y-3">
        {items.map((item, i) => {
          const update = (patch: Partial<Item>) =>
            onChange(items.map((x) => (x.id === item.id ? { ...x, ...patch } : x)));
          return (
            <li key={item.id} className="rounded-md bg-white p-2.5 ring-1 ring-slate-200 sm:p-3">
              <div className="flex items-start gap-2">
                <div className="min-w-0 flex-1 space-y-3">
                  <TextAreaField
                    id={`item-${item.id}`}
                    label={`${noun} ${i + 1}`}
                    rows={2}
                    maxLength={1000}
                    value={item.text}
                    autoFocus={item.id === focusId}
                    onChange={(e) => update({ text: e.target.value })}
                  />
                  {extra?.(item, update, i + 1)}
                </div>
                <button
                  type="button"
                  onClick={() => onChange(items.filter((x) => x.id !== item.id))}
                  className="mt-6 rounded-md p-2 text-slate-600 hover:bg-red-50 hover:text-red-700"
                >
                  <Trash2 size={16} aria-hidden />
                  <span className="sr-only">
                    Remove {lower} {i + 1}
                  </span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" onClick={add}>
        <Plus size={16} aria-hidden /> Add {lower}
      </Button>
    </fieldset>
  );
}
