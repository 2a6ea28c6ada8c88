import { useId, type InputHTMLAttributes } from 'react';
import { TextField } from '../../ui/fields.tsx';

/**
 * A task name input that suggests the audit's earlier task names (a native <datalist>, so it
 * works with the keyboard and screen readers without a custom combobox).
 */
export function TaskNameField({
  label = 'Task',
  names,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label?: string;
  error?: string;
  hint?: string;
  names: string[];
}) {
  const listId = useId();
  return (
    <div>
      <TextField label={label} list={listId} autoComplete="off" maxLength={200} {...input} />
      <datalist id={listId}>
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
    </div>
  );
}
