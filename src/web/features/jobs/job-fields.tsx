/**
 * Pieces of the job editor that `ui/` does not have: a segmented choice bound to the form, and
 * how a job's status reads. Text inputs are `ui/fields.tsx`'s, given the field's path as id (see
 * `fieldId`), so a checker finding or a server error can find and focus them.
 */
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { JobStatus } from '../../../core/jobs.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';

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

const STATUS_LOOK: Record<JobStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  open: { label: 'Open', tone: 'success' },
  closed: { label: 'Closed', tone: 'warning' },
  archived: { label: 'Archived', tone: 'muted' },
};

export function StatusBadge({ status }: { status: JobStatus }) {
  const look = STATUS_LOOK[status];
  return (
    <Badge tone={look.tone} srLabel="Status">
      {look.label}
    </Badge>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return <Badge tone="outline">{children}</Badge>;
}
