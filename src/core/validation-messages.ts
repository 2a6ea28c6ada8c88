/**
 * Validation messages in plain sentences that name the field: "Hours must be 90 or less", not
 * zod's "Too big: expected number to be <=90". Installed as zod's error map by
 * `contracts/common.ts`, so the server's problem+json and the web forms (which validate with the
 * same contracts) say the same words. A message a schema gives itself (`.min(1, 'Required')`,
 * a refine's) still wins: this only replaces zod's defaults.
 */
import type { z } from 'zod';

/** Field names whose words are not simply their camelCase split. */
const LABELS: Record<string, string> = {
  email: 'E-mail',
  hourlyValue: 'Hourly value',
  periodDays: 'Audit period (days)',
  hoursPerWeek: 'Hours per week',
  hoursPerMonth: 'Hours per month',
  timeZone: 'Time zone',
  expiresInDays: 'Lifetime',
  min: 'Lowest amount',
  max: 'Highest amount',
  q: 'Search',
  url: 'Address',
  id: 'Id',
};

/** `hoursPerWeek` → "Hours per week"; the last named key of a path, numbers skipped. */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const key = [...(path ?? [])].reverse().find((p): p is string => typeof p === 'string');
  if (!key) return 'This value';
  const known = LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an e-mail address like name@example.com',
  uuid: 'a valid id',
  url: 'a web address',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time',
  time: 'a time (HH:MM)',
};

const plural = (n: number | bigint, one: string, many: string) =>
  `${String(n)} ${Number(n) === 1 ? one : many}`;

type Issue = z.core.$ZodRawIssue;

/** Zod's error map: a plain sentence for each kind of issue, or undefined to keep zod's. */
export function plainIssueMessage(issue: Issue): string | undefined {
  const label = fieldLabel(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return `${label} is required`;
      return `${label} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_big': {
      const max = issue.maximum;
      const inclusive = issue.inclusive !== false;
      switch (issue.origin) {
        case 'string':
          return `${label} must be at most ${plural(max, 'character', 'characters')}`;
        case 'array':
        case 'set':
          return `${label} can have at most ${plural(max, 'item', 'items')}`;
        case 'number':
        case 'int':
        case 'bigint':
          return inclusive
            ? `${label} must be ${String(max)} or less`
            : `${label} must be less than ${String(max)}`;
        default:
          return `${label} is too large`;
      }
    }
    case 'too_small': {
      const min = issue.minimum;
      const inclusive = issue.inclusive !== false;
      switch (issue.origin) {
        case 'string':
          return Number(min) <= 1
            ? `${label} is required`
            : `${label} must be at least ${plural(min, 'character', 'characters')}`;
        case 'array':
        case 'set':
          return `${label} needs at least ${plural(min, 'item', 'items')}`;
        case 'number':
        case 'int':
        case 'bigint':
          return inclusive
            ? `${label} must be ${String(min)} or more`
            : `${label} must be more than ${String(min)}`;
        default:
          return `${label} is too small`;
      }
    }
    case 'invalid_format':
      return FORMAT_WORDS[issue.format]
        ? `${label} must be ${FORMAT_WORDS[issue.format]}`
        : `${label} is not in the expected form`;
    case 'not_multiple_of':
      return `${label} must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `${label} must be ${String(issue.values[0])}`
        : `${label} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `“${issue.keys[0]}” is not a field this accepts`
        : `These are not fields this accepts: ${issue.keys.join(', ')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return `${label} is not valid`;
    default:
      return undefined;
  }
}
