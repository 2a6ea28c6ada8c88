/**
 * One job template's form on the admin's templates page: its name and category, the brief's
 * title, summary and skills, and the specification's text and lists. Fields the page does not
 * show (budget, timing, screening questions) are kept as they are.
 */
import { Check } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Category } from '../../../core/contracts/audit.ts';
import type { JobTemplate, UpdateJobTemplateSchema } from '../../../core/contracts/jobs.ts';
import { PRIORITIES, type Priority } from '../../../core/jobs.ts';
import { ApiError } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { SkillsInput } from '../jobs/skills-input.tsx';
import { useSaveTemplate } from './admin-queries.ts';
import { ProblemAlert } from './catalog-rows.tsx';
import { ItemList, type Item } from './template-items.tsx';

type UpdateJobTemplate = z.infer<typeof UpdateJobTemplateSchema>;

interface Values {
  name: string;
  category: string;
  title: string;
  summary: string;
  skills: string[];
  description: string;
  deliverables: Item[];
  acceptanceCriteria: Item[];
  requirements: Item[];
  successDefinition: string;
  constraints: string;
}

function toValues(t: JobTemplate): Values {
  const spec = t.spec;
  return {
    name: t.name,
    category: t.category ?? '',
    title: t.brief.title ?? '',
    summary: t.brief.summary ?? '',
    skills: t.brief.skills ?? [],
    description: spec.description ?? '',
    deliverables: (spec.deliverables ?? []).map((d) => ({
      id: d.id,
      text: d.text,
      deliverableId: '',
      priority: 'must',
    })),
    acceptanceCriteria: (spec.acceptanceCriteria ?? []).map((c) => ({
      id: c.id,
      text: c.text,
      deliverableId: c.deliverableId ?? '',
      priority: 'must',
    })),
    requirements: (spec.requirements ?? []).map((r) => ({
      id: r.id,
      text: r.text,
      deliverableId: r.deliverableId ?? '',
      priority: r.priority,
    })),
    successDefinition: spec.successDefinition ?? '',
    constraints: spec.constraints ?? '',
  };
}

/** The PATCH body: the template's other brief and spec fields kept, blank list rows dropped. */
function toBody(v: Values, t: JobTemplate): UpdateJobTemplate {
  const filled = (items: Item[]) => items.filter((i) => i.text.trim());
  const deliverables = filled(v.deliverables).map((d) => ({ id: d.id, text: d.text.trim() }));
  // A link to a deliverable that was removed is dropped rather than left dangling.
  const link = (id: string) => (deliverables.some((d) => d.id === id) ? id : null);
  return {
    name: v.name.trim(),
    category: v.category || null,
    brief: {
      ...t.brief,
      // A job started from the template takes the brief's category first, so both move together.
      category: v.category || null,
      title: v.title.trim(),
      summary: v.summary.trim(),
      skills: v.skills,
    },
    spec: {
      ...t.spec,
      description: v.description,
      deliverables,
      acceptanceCriteria: filled(v.acceptanceCriteria).map((c) => ({
        id: c.id,
        text: c.text.trim(),
        deliverableId: link(c.deliverableId),
      })),
      requirements: filled(v.requirements).map((r) => ({
        id: r.id,
        text: r.text.trim(),
        priority: r.priority,
        deliverableId: link(r.deliverableId),
      })),
      successDefinition: v.successDefinition.trim(),
      constraints: v.constraints.trim(),
    },
  };
}

const PRIORITY_LABEL: Record<Priority, string> = {
  must: 'Must have',
  should: 'Should have',
  could: 'Could have',
};

export function TemplateForm({
  template,
  categories,
}: {
  template: JobTemplate;
  categories: Category[];
}) {
  const id = useId();
  const [values, setValues] = useState(() => toValues(template));
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const save = useSaveTemplate(template.slug);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // An edit after saving hides the "Saved" note, so it never describes older text.
    if (save.isSuccess) save.reset();
  };
  const serverError = (field: string) =>
    save.error instanceof ApiError ? save.error.fieldError(field) : undefined;
  const error = (field: string) => local[field] ?? serverError(field);
  // After a refused save, focus goes to the first field that says why.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [local, save.error]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors = {
      name: values.name.trim() ? undefined : 'Enter a name.',
      'brief.title': values.title.trim() ? undefined : 'Give the template’s job a title.',
    };
    setLocal(errors);
    save.reset();
    if (Object.values(errors).some(Boolean)) return;
    save.mutate(toBody(values, template), { onSuccess: (saved) => setValues(toValues(saved)) });
  }

  const deliverableOptions = [
    { value: '', label: 'No deliverable' },
    ...values.deliverables
      .map((d, i) => ({ value: d.id, label: `${i + 1}. ${clip(d.text)}`, filled: d.text.trim() }))
      .filter((d) => d.filled)
      .map(({ value, label }) => ({ value, label })),
  ];
  const categoryOptions = [
    { value: '', label: 'No category' },
    ...categories.map((c) => ({ value: c.slug, label: c.name })),
    ...(values.category && !categories.some((c) => c.slug === values.category)
      ? [{ value: values.category, label: values.category }]
      : []),
  ];

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="space-y-6"
      aria-label={`Edit ${template.name}`}
    >
      {save.isError && (
        <ProblemAlert
          error={save.error}
          shown={['name', 'category', 'brief.title', 'brief.summary', 'brief.skills']}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Template name"
          value={values.name}
          maxLength={80}
          error={error('name')}
          onChange={(e) => set('name', e.target.value)}
        />
        <SelectField
          label="Category"
          value={values.category}
          error={error('category')}
          options={categoryOptions}
          onChange={(e) => set('category', e.target.value)}
        />
      </div>

      <Group title="Bid brief" description="What professionals see on the job board.">
        <TextField
          label="Job title"
          value={values.title}
          maxLength={120}
          error={error('brief.title')}
          onChange={(e) => set('title', e.target.value)}
        />
        <TextAreaField
          id={`${id}-summary`}
          label="Summary"
          rows={4}
          maxLength={5000}
          value={values.summary}
          error={error('brief.summary')}
          onChange={(e) => set('summary', e.target.value)}
        />
        <SkillsInput
          id={`${id}-skills`}
          label="Skills"
          value={values.skills}
          error={error('brief.skills')}
          onChange={(skills) => set('skills', skills)}
        />
      </Group>

      <Group
        title="Full specification"
        description="Confidential in a real job: what the shortlisted professionals build against."
      >
        <TextAreaField
          id={`${id}-description`}
          label="Description"
          hint="Markdown."
          rows={6}
          maxLength={50000}
          value={values.description}
          error={error('spec.description')}
          onChange={(e) => set('description', e.target.value)}
        />
        <ItemList
          legend="Deliverables"
          noun="Deliverable"
          items={values.deliverables}
          onChange={(items) => set('deliverables', items)}
        />
        <ItemList
          legend="Acceptance criteria"
          noun="Acceptance criterion"
          items={values.acceptanceCriteria}
          onChange={(items) => set('acceptanceCriteria', items)}
          extra={(item, update, n) => (
            <SelectField
              label={`Deliverable that criterion ${n} accepts`}
              value={item.deliverableId}
              options={deliverableOptions}
              onChange={(e) => update({ deliverableId: e.target.value })}
            />
          )}
        />
        <ItemList
          legend="Requirements"
          noun="Requirement"
          items={values.requirements}
          onChange={(items) => set('requirements', items)}
          extra={(item, update, n) => (
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label={`Priority of requirement ${n}`}
                value={item.priority}
                options={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
                onChange={(e) =>
                  update({ priority: PRIORITIES.find((p) => p === e.target.value) ?? 'must' })
                }
              />
              <SelectField
                label={`Deliverable of requirement ${n}`}
                value={item.deliverableId}
                options={deliverableOptions}
                onChange={(e) => update({ deliverableId: e.target.value })}
              />
            </div>
          )}
        />
        <TextAreaField
          id={`${id}-success`}
          label="Definition of success"
          rows={3}
          maxLength={5000}
          value={values.successDefinition}
          error={error('spec.successDefinition')}
          onChange={(e) => set('successDefinition', e.target.value)}
        />
        <TextAreaField
          id={`${id}-constraints`}
          label="Constraints"
          rows={3}
          maxLength={5000}
          value={values.constraints}
          error={error('spec.constraints')}
          onChange={(e) => set('constraints', e.target.value)}
        />
      </Group>

      <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-4">
        <span role="status" className="inline-flex items-center gap-1 text-sm text-emerald-700">
          {save.isSuccess && (
            <>
              <Check size={16} aria-hidden /> Saved {template.name}
            </>
          )}
        </span>
        <Button type="submit" busy={save.isPending}>
          Save template<span className="sr-only"> {template.name}</span>
        </Button>
      </div>
    </form>
  );
}

const clip = (text: string) => (text.length > 48 ? `${text.slice(0, 47)}…` : text);

function Group({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:p-4">
      <legend className="sr-only">{title}</legend>
      <div aria-hidden>
        <p className="text-sm font-semibold text-slate-900">{title}</p>
        <p className="text-xs text-slate-600">{description}</p>
      </div>
      {children}
    </fieldset>
  );
}
