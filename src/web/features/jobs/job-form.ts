/**
 * The job editor's form: its values (strings, as inputs hold them), the conversion to and from
 * the contract's Brief and Spec, validation with the same zod schemas the server uses, and the
 * mapping from a field path (`spec.acceptanceCriteria.2.text`) to the input that edits it.
 */
import type { Brief, Spec } from '../../../core/contracts/jobs.ts';
import { BriefSchema, SpecSchema } from '../../../core/contracts/jobs.ts';
import type { BudgetType, Priority } from '../../../core/jobs.ts';
import { fromMajor, toMajor } from '../../../core/money.ts';

export type BudgetChoice = 'none' | BudgetType;
export type Timing = 'none' | 'deadline' | 'duration';
export type EditorTab = 'brief' | 'spec';

export interface DeliverableValue {
  itemId: string;
  text: string;
}
export interface CriterionValue {
  itemId: string;
  text: string;
  /** '' while not linked to a deliverable. */
  deliverableId: string;
}
export interface RequirementValue extends CriterionValue {
  priority: Priority;
}

/** Item ids are stored as `itemId`: react-hook-form's field arrays keep their own `id`. */
export interface EditorValues {
  brief: {
    title: string;
    summary: string;
    category: string;
    skills: string[];
    budget: {
      type: BudgetChoice;
      currency: string;
      min: string;
      max: string;
      hoursPerWeek: string;
    };
    timing: Timing;
    deadline: string;
    durationDays: string;
    screeningQuestions: { value: string }[];
  };
  spec: {
    description: string;
    deliverables: DeliverableValue[];
    acceptanceCriteria: CriterionValue[];
    requirements: RequirementValue[];
    successDefinition: string;
    constraints: string;
  };
}

/** A short id for a new list item, unique enough within one job. */
/** A short random id for a new list item; getRandomValues works on plain-http installs too (randomUUID does not). */
export const newItemId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');

const major = (amount: number | null, currency: string) =>
  amount === null ? '' : String(toMajor({ amount, currency }));

export function toForm(job: { brief: Brief; spec: Spec }, defaultCurrency: string): EditorValues {
  const { brief, spec } = job;
  const currency = brief.budget?.currency ?? defaultCurrency;
  return {
    brief: {
      title: brief.title,
      summary: brief.summary,
      category: brief.category ?? '',
      skills: brief.skills,
      budget: {
        type: brief.budget?.type ?? 'none',
        currency,
        min: major(brief.budget?.min ?? null, currency),
        max: major(brief.budget?.max ?? null, currency),
        hoursPerWeek: brief.budget?.hoursPerWeek == null ? '' : String(brief.budget.hoursPerWeek),
      },
      timing: brief.deadline ? 'deadline' : brief.durationDays ? 'duration' : 'none',
      deadline: brief.deadline ?? '',
      durationDays: brief.durationDays == null ? '' : String(brief.durationDays),
      screeningQuestions: brief.screeningQuestions.map((value) => ({ value })),
    },
    spec: {
      description: spec.description,
      deliverables: spec.deliverables.map((d) => ({ itemId: d.id, text: d.text })),
      acceptanceCriteria: spec.acceptanceCriteria.map((c) => ({
        itemId: c.id,
        text: c.text,
        deliverableId: c.deliverableId ?? '',
      })),
      requirements: spec.requirements.map((r) => ({
        itemId: r.id,
        text: r.text,
        priority: r.priority,
        deliverableId: r.deliverableId ?? '',
      })),
      successDefinition: spec.successDefinition,
      constraints: spec.constraints,
    },
  };
}

/** A typed number, or null when empty; NaN when it is not a number (validation says so). */
function num(value: string): number | null {
  const s = value.trim();
  return s === '' ? null : Number(s);
}
const minor = (value: string, currency: string) => {
  const n = num(value);
  return n === null || Number.isNaN(n) ? n : fromMajor(n, currency).amount;
};

/**
 * The form as the contract's Brief and Spec. Text is not trimmed here: the checker's
 * `start..end` must point into the text exactly as it sits in the input (the server trims).
 */
export function fromForm(values: EditorValues): { brief: Brief; spec: Spec } {
  const { brief: b, spec: s } = values;
  const currency = b.budget.currency;
  return {
    brief: {
      title: b.title,
      summary: b.summary,
      category: b.category || null,
      skills: b.skills,
      budget:
        b.budget.type === 'none'
          ? null
          : {
              type: b.budget.type,
              currency,
              min: minor(b.budget.min, currency),
              max: minor(b.budget.max, currency),
              hoursPerWeek: b.budget.type === 'hourly' ? num(b.budget.hoursPerWeek) : null,
            },
      deadline: b.timing === 'deadline' && b.deadline ? b.deadline : null,
      durationDays: b.timing === 'duration' ? num(b.durationDays) : null,
      screeningQuestions: b.screeningQuestions.map((q) => q.value),
    },
    spec: {
      description: s.description,
      deliverables: s.deliverables.map((d) => ({ id: d.itemId, text: d.text })),
      acceptanceCriteria: s.acceptanceCriteria.map((c) => ({
        id: c.itemId,
        text: c.text,
        deliverableId: c.deliverableId || null,
      })),
      requirements: s.requirements.map((r) => ({
        id: r.itemId,
        text: r.text,
        priority: r.priority,
        deliverableId: r.deliverableId || null,
      })),
      successDefinition: s.successDefinition,
      constraints: s.constraints,
    },
  };
}

export interface FieldProblem {
  /** A form field name (`brief.budget.max`, `brief.screeningQuestions.1.value`). */
  name: string;
  message: string;
}

/**
 * The form field that a contract path names: `brief.screeningQuestions.1` is the `value` of
 * the second question; an item's `id` is not typed by anyone, so its text takes the message.
 */
export function formName(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'brief' && parts[1] === 'screeningQuestions' && parts.length === 3)
    return `${path}.value`;
  if (parts[0] === 'spec' && parts.length === 4 && parts[3] === 'id')
    return [...parts.slice(0, 3), 'text'].join('.');
  return path;
}

/** The contract path of a form field name (the inverse of `formName` where it matters). */
export const contractPath = (name: string) => name.replace(/\.value$/, '');

/** Checks the form with the contract's schemas; an empty list means it can be saved. */
export function validateForm(values: EditorValues): FieldProblem[] {
  const { brief, spec } = fromForm(values);
  const problems: FieldProblem[] = [];
  const notNumber = (name: string, n: number | null) => {
    if (n !== null && Number.isNaN(n)) problems.push({ name, message: 'Enter a number' });
  };
  notNumber('brief.budget.min', brief.budget?.min ?? null);
  notNumber('brief.budget.max', brief.budget?.max ?? null);
  notNumber('brief.budget.hoursPerWeek', brief.budget?.hoursPerWeek ?? null);
  notNumber('brief.durationDays', brief.durationDays);
  if (values.brief.timing === 'deadline' && !values.brief.deadline)
    problems.push({ name: 'brief.deadline', message: 'Pick the deadline, or choose “Not yet”' });
  if (problems.length > 0) return problems;
  for (const [layer, result] of [
    ['brief', BriefSchema.safeParse(brief)],
    ['spec', SpecSchema.safeParse(spec)],
  ] as const) {
    if (result.success) continue;
    for (const issue of result.error.issues)
      problems.push({
        name: formName([layer, ...issue.path.map(String)].join('.')),
        message: issue.message,
      });
  }
  return problems;
}

/** Server field errors (`body.brief.title`) as form problems. */
export function serverProblems(errors: { path: string; message: string }[] | undefined) {
  return (errors ?? [])
    .filter((e) => e.path.startsWith('body.'))
    .map((e) => ({ name: formName(e.path.slice('body.'.length)), message: e.message }));
}

/** The id of the input that edits a contract path; the checker's findings point at these. */
export const fieldId = (path: string) => `f-${path}`;

export const tabOf = (path: string): EditorTab => (path.startsWith('spec') ? 'spec' : 'brief');

// Paths with no input of their own, and the control that answers them.
const ALIASES: Record<string, string> = {
  'brief.deadline': 'brief.timing',
  'brief.durationDays': 'brief.timing',
};

const focusable =
  'input:checked, input:not([type=hidden]):not(:disabled), textarea, select, button:not(:disabled)';

/**
 * The element that edits a path: its own input, else a group marked `data-field`, else the
 * first input inside the path (`spec.deliverables.2` → its text), else its parent's.
 */
export function findField(path: string): HTMLElement | null {
  let p: string = path;
  for (;;) {
    const id = fieldId(p);
    const alias = ALIASES[p];
    const el =
      document.getElementById(id) ??
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(p)}"]`) ??
      document.querySelector<HTMLElement>(`[id^="${CSS.escape(`${id}.`)}"]`) ??
      (alias ? findField(alias) : null);
    if (el) return el.matches(focusable) ? el : (el.querySelector<HTMLElement>(focusable) ?? el);
    const cut = p.lastIndexOf('.');
    if (cut < 0) return null;
    p = p.slice(0, cut);
  }
}

/** Moves focus to the field of a path and selects `start..end` of its text when given. */
export function focusField(path: string, start?: number | null, end?: number | null) {
  const el = findField(path);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  if (
    start != null &&
    end != null &&
    (el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && el.type === 'text'))
  )
    el.setSelectionRange(start, end);
}
