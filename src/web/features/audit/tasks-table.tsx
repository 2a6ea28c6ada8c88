import { useState } from 'react';
import type { AuditTask, Category, UpdateTask } from '../../../core/contracts/audit.ts';
import { errorMessage } from '../../api.ts';
import { Alert, EmptyState } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { formatMinutes, plural } from './audit-format.ts';
import { BulkEditBar } from './bulk-edit.tsx';
import {
  categoryOptions,
  dislikeOptions,
  frequencyOptions,
  natureOptions,
  type Option,
} from './task-options.ts';
import { useUpdateTask } from './audit-queries.ts';

/** The row's columns on wide screens; on a phone each task is a card with labelled selects. */
const GRID =
  'lg:grid lg:grid-cols-[1.25rem_minmax(0,1fr)_6.5rem_8rem_12.5rem_10.5rem] lg:items-center lg:gap-3';

const selectClass =
  'mt-1 block w-full rounded-md bg-white px-2 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-700 focus:outline-none disabled:bg-slate-100 lg:mt-0';

function AttributeSelect({
  label,
  task,
  value,
  options,
  disabled,
  wide = false,
  onChange,
}: {
  label: string;
  task: string;
  /** Takes the whole width of a phone's card (for the long labels). */
  wide?: boolean;
  value: string;
  options: Option[];
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const span = wide ? 'col-span-2 lg:col-span-1' : '';
  // A closed audit shows its choices as text rather than as disabled controls.
  if (disabled)
    return (
      <p className={`text-sm text-slate-800 ${span}`}>
        <span className="block text-xs font-medium text-slate-700 lg:sr-only">{label}</span>
        {options.find((o) => o.value === value)?.label ?? value}
      </p>
    );
  return (
    <label className={`block text-xs font-medium text-slate-700 ${span}`}>
      <span className="lg:sr-only">{label}</span>
      <span className="sr-only"> of {task}</span>
      <select
        className={selectClass}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A task still missing what the score needs (how much it is disliked, and its nature). */
export const needsDetails = (t: AuditTask) => t.nature === null || t.dislike === null;

/**
 * One row per distinct task with what the score needs — frequency, dislike, nature, category —
 * saved as soon as a select changes. Checkboxes select tasks for the bulk-edit bar.
 */
export function TasksCard({
  businessId,
  auditId,
  tasks,
  categories,
  readOnly = false,
}: {
  businessId: string;
  auditId: string;
  tasks: AuditTask[];
  categories: Category[];
  readOnly?: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const update = useUpdateTask(businessId, auditId);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = tasks.length > 0 && selected.size === tasks.length;
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(tasks.map((t) => t.id)));
  const missing = tasks.filter(needsDetails).length;
  const set = (task: AuditTask, patch: UpdateTask) => update.mutate({ id: task.id, patch });

  return (
    <Card
      title="Tasks"
      description={
        readOnly
          ? undefined
          : 'Say how often each task comes up, how much you dislike it and what kind of work it is — core work, your own unique input, is never suggested. The category prices it at the market rate. Changes save at once.'
      }
    >
      {tasks.length === 0 ? (
        <EmptyState title="No tasks yet">
          Each distinct task name you log becomes a task here, ready to classify.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          {update.isError && <Alert>{errorMessage(update.error)}</Alert>}
          {!readOnly && missing > 0 && (
            <p className="text-sm text-amber-900">
              {missing === 1
                ? 'One task is missing its dislike or nature; it scores lower until both are set.'
                : `${plural(missing, 'task')} are missing a dislike or a nature; they score lower until both are set.`}
            </p>
          )}
          {!readOnly && (
            <BulkEditBar
              businessId={businessId}
              auditId={auditId}
              selected={[...selected]}
              categories={categories}
              onDone={() => setSelected(new Set())}
              selectAll={
                <label className="flex items-center gap-2 text-sm text-slate-700 lg:hidden">
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-brand-700"
                    checked={allSelected}
                    onChange={toggleAll}
                  />
                  Select all tasks
                </label>
              }
            />
          )}
          <div
            className={`${GRID} hidden border-b border-slate-200 pb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase`}
          >
            {readOnly ? (
              <span />
            ) : (
              <input
                type="checkbox"
                aria-label="Select all tasks"
                className="h-4 w-4 accent-brand-700"
                checked={allSelected}
                onChange={toggleAll}
              />
            )}
            <span>Task</span>
            <span>How often</span>
            <span>Dislike</span>
            <span>Nature</span>
            <span>Category</span>
          </div>
          <ul className="space-y-3 lg:space-y-0 lg:divide-y lg:divide-slate-100">
            {tasks.map((task) => (
              <li
                key={task.id}
                className={`${GRID} rounded-md p-3 ring-1 ring-slate-200 lg:rounded-none lg:px-0 lg:py-2 lg:ring-0`}
              >
                <div className="float-left mr-3 pt-0.5 lg:float-none lg:mr-0 lg:pt-0">
                  {!readOnly && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${task.name}`}
                      className="h-4 w-4 accent-brand-700"
                      checked={selected.has(task.id)}
                      onChange={() => toggle(task.id)}
                    />
                  )}
                </div>
                <div className="mb-3 min-w-0 lg:mb-0">
                  <p className="font-medium break-words text-slate-900">{task.name}</p>
                  <p className="text-xs text-slate-600">
                    {formatMinutes(task.totalMinutes)} ·{' '}
                    {plural(task.entryCount, 'entry', 'entries')}
                    {needsDetails(task) && !readOnly && (
                      <span className="ml-1.5 font-medium text-amber-800">· needs details</span>
                    )}
                  </p>
                </div>
                <div className="grid grid-cols-2 gap-3 lg:contents">
                  <AttributeSelect
                    label="How often"
                    task={task.name}
                    value={task.frequency ?? ''}
                    options={frequencyOptions}
                    disabled={readOnly}
                    onChange={(v) =>
                      set(task, { frequency: v === '' ? null : (v as AuditTask['frequency']) })
                    }
                  />
                  <AttributeSelect
                    label="Dislike"
                    task={task.name}
                    value={task.dislike === null ? '' : String(task.dislike)}
                    options={dislikeOptions}
                    disabled={readOnly}
                    onChange={(v) => set(task, { dislike: v === '' ? null : Number(v) })}
                  />
                  <AttributeSelect
                    label="Nature"
                    wide
                    task={task.name}
                    value={task.nature ?? ''}
                    options={natureOptions}
                    disabled={readOnly}
                    onChange={(v) =>
                      set(task, { nature: v === '' ? null : (v as AuditTask['nature']) })
                    }
                  />
                  <AttributeSelect
                    label="Category"
                    wide
                    task={task.name}
                    value={task.category ?? ''}
                    options={categoryOptions(categories)}
                    disabled={readOnly}
                    onChange={(v) => set(task, { category: v === '' ? null : v })}
                  />
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
