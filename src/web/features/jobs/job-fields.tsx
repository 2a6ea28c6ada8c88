/**
 * Inputs of the job editor. Unlike `ui/fields.tsx` they take their id from the field's path
 * (see `fieldId`), so a checker finding or a server error can find and focus them.
 */
import type { ComponentProps, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { JobStatus } from '../../../core/jobs.ts';
import { describedBy, Shell as FieldShell } from '../../ui/fields.tsx';

export const control =
  'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-700 focus:outline-none disabled:bg-slate-50 disabled:text-slate-700 aria-[invalid=true]:ring-red-500';

interface Shell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The label is read by screen readers only (a list item whose heading says what it is). */
  hideLabel?: boolean;
}

export function InputField({
  id,
  label,
  hint,
  error,
  hideLabel,
  className = '',
  ...input
}: Shell & ComponentProps<'input'>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <input
        id={id}
        className={`${control} ${className}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  hideLabel,
  className = '',
  ...textarea
}: Shell & ComponentProps<'textarea'>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <textarea
        id={id}
        className={`${control} ${className}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </FieldShell>
  );
}

export function SelectInput({
  id,
  label,
  hint,
  error,
  hideLabel,
  options,
  ...select
}: Shell & ComponentProps<'select'> & { options: { value: string; label: string }[] }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <select
        id={id}
        className={control}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

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
