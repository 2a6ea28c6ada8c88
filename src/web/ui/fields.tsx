import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/** The look of every text input, select and text area: one string, used by every form. */
export const controlClass =
  'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-700 focus:outline-none disabled:bg-slate-50 disabled:text-slate-700 aria-[invalid=true]:ring-red-500';

interface FieldShell {
  /** Given when something must find the field by id; otherwise made up. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The label is read by screen readers only (a list item whose heading says what it is). */
  hideLabel?: boolean;
}

/** Which message an input is described by: its error if any, else its hint. */
export const describedBy = (id: string, hint: ReactNode, error: string | undefined) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

/** A label, the control, and its hint or error underneath; shared by every form's fields. */
export function Shell({
  id,
  label,
  hint,
  error,
  hideLabel,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The label is read by screen readers only (a list item whose heading says what it is). */
  hideLabel?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label
        htmlFor={id}
        className={hideLabel ? 'sr-only' : 'block text-sm font-medium text-slate-800'}
      >
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The id a field's label points at: the caller's when it must be findable (the job editor
 * focuses a field by its path), else one React makes up.
 */
function useFieldId(id: string | undefined) {
  const generated = useId();
  return id ?? generated;
}

export function TextField({
  id: givenId,
  label,
  hint,
  error,
  hideLabel,
  className = '',
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const id = useFieldId(givenId);
  return (
    <Shell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <input
        id={id}
        className={`${controlClass} ${className}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Shell>
  );
}

export function TextAreaField({
  id: givenId,
  label,
  hint,
  error,
  hideLabel,
  className = '',
  ...textarea
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useFieldId(givenId);
  return (
    <Shell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <textarea
        id={id}
        className={`${controlClass} ${className}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </Shell>
  );
}

export function SelectField({
  id: givenId,
  label,
  hint,
  error,
  hideLabel,
  options,
  ...select
}: FieldShell &
  SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = useFieldId(givenId);
  return (
    <Shell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <select
        id={id}
        className={controlClass}
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
    </Shell>
  );
}
