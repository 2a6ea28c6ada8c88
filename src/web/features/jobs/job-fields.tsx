/**
 * Pieces of the job editor that `ui/` does not have: a segmented choice bound to the form, and
 * how a job's status reads. Text inputs are `ui/fields.tsx`'s, given the field's path as id (see
 * `fieldId`), so a checker finding or a server error can find and focus them.
 */
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { JobStatus } from '../../../core/jobs.ts';

/**
 * A segmented control made of native radio buttons: arrow keys move between the choices and
 * a screen reader hears a radio group with its legend.
 */
export function Segmented({
  path,
  legend,
  hideLegend = false,
  options,
  registration,
  disabled,
  size = 'md',
}: {
  path: string;
  legend: ReactNode;
  hideLegend?: boolean;
  options: { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  disabled?: boolean;
  size?: 'sm' | 'md';
}) {
  return (
    <fieldset data-field={path} disabled={disabled} className="min-w-0">
      <legend className={hideLegend ? 'sr-only' : 'mb-1 block text-sm font-medium text-slate-800'}>
        {legend}
      </legend>
      <div className="inline-flex max-w-full flex-wrap rounded-md bg-slate-100 p-0.5">
        {options.map((o) => (
          <label
            key={o.value}
            className={`cursor-pointer rounded px-2.5 font-medium sm:px-3 text-slate-700 has-[:checked]:bg-white has-[:checked]:text-brand-800 has-[:checked]:shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700 has-[:disabled]:cursor-default ${size === 'sm' ? 'py-1 text-xs' : 'py-1.5 text-sm'}`}
          >
            <input type="radio" value={o.value} className="sr-only" {...registration} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const STATUS_LOOK: Record<JobStatus, { label: string; className: string }> = {
  draft: { label: 'Draft', className: 'bg-slate-100 text-slate-800 ring-slate-300' },
  open: { label: 'Open', className: 'bg-emerald-50 text-emerald-800 ring-emerald-300' },
  closed: { label: 'Closed', className: 'bg-amber-50 text-amber-900 ring-amber-300' },
  archived: { label: 'Archived', className: 'bg-slate-200 text-slate-700 ring-slate-300' },
};

export function StatusBadge({ status }: { status: JobStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${look.className}`}
    >
      <span className="sr-only">Status: </span>
      {look.label}
    </span>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-white px-2.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">
      {children}
    </span>
  );
}
