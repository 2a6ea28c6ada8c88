/**
 * The specification's lists: deliverables, the criteria that accept them and the requirements
 * they carry. Criteria and requirements point at a deliverable by its item id, so removing a
 * deliverable unlinks whatever pointed at it.
 */
import { Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { PRIORITIES, type Priority } from '../../../core/jobs.ts';
import { Button } from '../../ui/button.tsx';
import { RemoveButton, useFieldError } from './brief-form.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { Segmented } from './job-fields.tsx';
import { fieldId, newItemId, type EditorValues } from './job-form.ts';

const PRIORITY_LABEL: Record<Priority, string> = {
  must: 'Must',
  should: 'Should',
  could: 'Could',
};

function ListShell({
  path,
  count,
  empty,
  addLabel,
  onAdd,
  children,
}: {
  path: string;
  count: number;
  empty: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  const { disabled } = useFormState<EditorValues>();
  return (
    <div data-field={path} className="space-y-3">
      {count === 0 ? (
        <p className="text-sm text-slate-600">{disabled ? 'None.' : empty}</p>
      ) : (
        <ol className="space-y-3">{children}</ol>
      )}
      {!disabled && (
        <Button variant="secondary" onClick={onAdd}>
          <Plus size={16} aria-hidden /> {addLabel}
        </Button>
      )}
    </div>
  );
}

/** "2 · Logo files in SVG and PNG" — how a select names a deliverable. */
function useDeliverableOptions() {
  const deliverables = useWatch<EditorValues, 'spec.deliverables'>({ name: 'spec.deliverables' });
  return [
    { value: '', label: 'Not linked to a deliverable' },
    ...deliverables.map((d, i) => {
      const text = d.text.trim();
      const short = text.length > 48 ? `${text.slice(0, 47)}…` : text;
      return { value: d.itemId, label: `${i + 1} · ${short || '(untitled)'}` };
    }),
  ];
}

export function DeliverablesList() {
  const { register, control, getValues, setValue } = useFormContext<EditorValues>();
  const { disabled } = useFormState<EditorValues>();
  const error = useFieldError();
  const { fields, append, remove } = useFieldArray({ control, name: 'spec.deliverables' });

  function removeAt(index: number) {
    const removed = getValues(`spec.deliverables.${index}.itemId`);
    getValues('spec.acceptanceCriteria').forEach((c, i) => {
      if (c.deliverableId === removed)
        setValue(`spec.acceptanceCriteria.${i}.deliverableId`, '', { shouldDirty: true });
    });
    getValues('spec.requirements').forEach((r, i) => {
      if (r.deliverableId === removed)
        setValue(`spec.requirements.${i}.deliverableId`, '', { shouldDirty: true });
    });
    remove(index);
  }

  return (
    <ListShell
      path="spec.deliverables"
      count={fields.length}
      empty="No deliverables yet. Add each file, page or result you expect to receive."
      addLabel="Add a deliverable"
      onAdd={() => append({ itemId: newItemId(), text: '' }, { shouldFocus: true })}
    >
      {fields.map((f, i) => (
        <li key={f.id} className="flex items-start gap-2">
          <span aria-hidden className="mt-2 w-6 shrink-0 text-right text-sm text-slate-500">
            {i + 1}.
          </span>
          <div className="min-w-0 flex-1">
            <TextField
              id={fieldId(`spec.deliverables.${i}.text`)}
              label={`Deliverable ${i + 1}`}
              hideLabel
              placeholder="For example: the logo as SVG and PNG, in colour and in black"
              maxLength={500}
              error={error(`spec.deliverables.${i}.text`)}
              {...register(`spec.deliverables.${i}.text`)}
            />
          </div>
          {!disabled && (
            <RemoveButton label={`Remove deliverable ${i + 1}`} onClick={() => removeAt(i)} />
          )}
        </li>
      ))}
    </ListShell>
  );
}

export function CriteriaList() {
  const { register, control } = useFormContext<EditorValues>();
  const { disabled } = useFormState<EditorValues>();
  const error = useFieldError();
  const options = useDeliverableOptions();
  const { fields, append, remove } = useFieldArray({ control, name: 'spec.acceptanceCriteria' });
  return (
    <ListShell
      path="spec.acceptanceCriteria"
      count={fields.length}
      empty="No acceptance criteria yet. Add how you will check each deliverable."
      addLabel="Add a criterion"
      onAdd={() =>
        append({ itemId: newItemId(), text: '', deliverableId: '' }, { shouldFocus: true })
      }
    >
      {fields.map((f, i) => (
        <li key={f.id} className="rounded-md p-3 ring-1 ring-slate-200">
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1 space-y-2">
              <TextAreaField
                id={fieldId(`spec.acceptanceCriteria.${i}.text`)}
                label={`Criterion ${i + 1}`}
                rows={2}
                maxLength={1_000}
                placeholder="For example: the logo reads clearly at 32 × 32 pixels"
                error={error(`spec.acceptanceCriteria.${i}.text`)}
                {...register(`spec.acceptanceCriteria.${i}.text`)}
              />
              <SelectField
                id={fieldId(`spec.acceptanceCriteria.${i}.deliverableId`)}
                label={
                  <>
                    Accepts deliverable<span className="sr-only"> (criterion {i + 1})</span>
                  </>
                }
                options={options}
                error={error(`spec.acceptanceCriteria.${i}.deliverableId`)}
                {...register(`spec.acceptanceCriteria.${i}.deliverableId`)}
              />
            </div>
            {!disabled && (
              <RemoveButton label={`Remove criterion ${i + 1}`} onClick={() => remove(i)} />
            )}
          </div>
        </li>
      ))}
    </ListShell>
  );
}

export function RequirementsList() {
  const { register, control } = useFormContext<EditorValues>();
  const { disabled } = useFormState<EditorValues>();
  const error = useFieldError();
  const options = useDeliverableOptions();
  const { fields, append, remove } = useFieldArray({ control, name: 'spec.requirements' });
  return (
    <ListShell
      path="spec.requirements"
      count={fields.length}
      empty="No requirements yet. Add what the work must do, and mark what is only nice to have."
      addLabel="Add a requirement"
      onAdd={() =>
        append(
          { itemId: newItemId(), text: '', priority: 'must', deliverableId: '' },
          { shouldFocus: true },
        )
      }
    >
      {fields.map((f, i) => (
        <li key={f.id} className="rounded-md p-3 ring-1 ring-slate-200">
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1 space-y-2">
              <TextAreaField
                id={fieldId(`spec.requirements.${i}.text`)}
                label={`Requirement ${i + 1}`}
                rows={2}
                maxLength={1_000}
                placeholder="For example: works on phones as narrow as 360 pixels"
                error={error(`spec.requirements.${i}.text`)}
                {...register(`spec.requirements.${i}.text`)}
              />
              <div className="flex flex-wrap items-end gap-3">
                <Segmented
                  path={`spec.requirements.${i}.priority`}
                  legend={
                    <>
                      Priority<span className="sr-only"> of requirement {i + 1}</span>
                    </>
                  }
                  size="sm"
                  options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
                  registration={register(`spec.requirements.${i}.priority`)}
                />
                <div className="min-w-48 flex-1">
                  <SelectField
                    id={fieldId(`spec.requirements.${i}.deliverableId`)}
                    label={
                      <>
                        Deliverable
                        <span className="sr-only"> that carries requirement {i + 1}</span>
                      </>
                    }
                    options={options}
                    error={error(`spec.requirements.${i}.deliverableId`)}
                    {...register(`spec.requirements.${i}.deliverableId`)}
                  />
                </div>
              </div>
            </div>
            {!disabled && (
              <RemoveButton label={`Remove requirement ${i + 1}`} onClick={() => remove(i)} />
            )}
          </div>
        </li>
      ))}
    </ListShell>
  );
}
