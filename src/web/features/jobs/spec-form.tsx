import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { Card } from '../../ui/layout.tsx';
import { useFieldError } from './brief-form.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { fieldId, type EditorValues } from './job-form.ts';
import { MarkdownField, type MarkdownMode } from './markdown-preview.tsx';
import { CriteriaList, DeliverablesList, RequirementsList } from './spec-lists.tsx';

/** The full specification: confidential, versioned once the job is published. */
export function SpecForm({
  descriptionMode,
  onDescriptionMode,
}: {
  descriptionMode: MarkdownMode;
  onDescriptionMode: (mode: MarkdownMode) => void;
}) {
  const { register } = useFormContext<EditorValues>();
  const { disabled } = useFormState<EditorValues>();
  const error = useFieldError();
  const description = useWatch<EditorValues, 'spec.description'>({ name: 'spec.description' });
  return (
    <div className="space-y-6">
      <Card
        title="Full specification"
        description="Confidential: only your team sees it now, and later the professionals you shortlist."
      >
        <div className="space-y-5">
          <MarkdownField
            id={fieldId('spec.description')}
            label="Description"
            hint="Markdown: # headings, - lists, **bold**, [links](https://…). Say what exists today, what should change and why."
            mode={descriptionMode}
            onModeChange={onDescriptionMode}
            source={description}
            readOnly={disabled}
            error={error('spec.description')}
            {...register('spec.description')}
          />
          <TextAreaField
            id={fieldId('spec.successDefinition')}
            label="Definition of success"
            rows={3}
            maxLength={5_000}
            hint="How you will know the job worked, a month after it is delivered."
            error={error('spec.successDefinition')}
            {...register('spec.successDefinition')}
          />
          <TextAreaField
            id={fieldId('spec.constraints')}
            label="Constraints"
            rows={3}
            maxLength={5_000}
            hint="Tools, brand rules, systems it must work with, hours you are reachable."
            error={error('spec.constraints')}
            {...register('spec.constraints')}
          />
        </div>
      </Card>
      <Card
        title="Deliverables"
        description="Each thing you will receive. Every deliverable needs at least one acceptance criterion."
      >
        <DeliverablesList />
      </Card>
      <Card
        title="Acceptance criteria"
        description="How you will check each deliverable: something anyone could verify (a number, a yes or no, a named file)."
      >
        <CriteriaList />
      </Card>
      <Card
        title="Requirements"
        description="What the work must, should or could do. Must-haves are the ones you would refuse delivery without."
      >
        <RequirementsList />
      </Card>
    </div>
  );
}
