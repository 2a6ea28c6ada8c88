/** Choices for a task's attributes, shared by the tasks table and the bulk-edit bar. */
import type { Category } from '../../../core/contracts/audit.ts';
import { FREQUENCIES, NATURES, type Frequency, type Nature } from '../../../core/audit.ts';

export interface Option {
  value: string;
  label: string;
}

const FREQUENCY_LABELS: Record<Frequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  'ad-hoc': 'Ad hoc',
};

const NOT_SET: Option = { value: '', label: 'Not set' };

export const frequencyOptions: Option[] = [
  NOT_SET,
  ...FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] })),
];

export const dislikeOptions: Option[] = [
  NOT_SET,
  { value: '1', label: '1 · don’t mind' },
  { value: '2', label: '2' },
  { value: '3', label: '3 · so-so' },
  { value: '4', label: '4' },
  { value: '5', label: '5 · hate it' },
];

/** The natures' labels (NATURE_LABELS in src/core), shortened to fit a table cell. */
const NATURE_SHORT: Record<Nature, string> = {
  expertise: 'Needs expertise',
  'specialized-knowledge': 'Specialized knowledge',
  repetitive: 'Repetitive, unskilled',
  core: 'Core (my own input)',
};

export const natureOptions: Option[] = [
  NOT_SET,
  ...NATURES.map((n) => ({ value: n, label: NATURE_SHORT[n] })),
];

export const categoryOptions = (categories: Category[]): Option[] => [
  NOT_SET,
  ...categories.map((c) => ({ value: c.slug, label: c.name })),
];
