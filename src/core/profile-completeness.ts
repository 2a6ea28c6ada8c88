/**
 * How complete a professional's profile is, and what is missing, in the professional's words.
 * Pure: the profile service stores the percentage in `completeness` (the directory can sort and
 * filter on it) and the editor shows the list, each item with the id of the field to focus.
 *
 * The weights favour what a client reads first when shortlisting (PRODUCT.md: "feedback for
 * other projects, resume, years of experience, bid amount"; "ask for a portfolio"): the
 * portfolio, the bio and skills with years count most.
 */

/** What the rule looks at: counts and presence, not the content itself. */
export interface CompletenessInput {
  hasPhoto: boolean;
  headline: string;
  bio: string;
  skillCount: number;
  categoryCount: number;
  /** Experience and education entries together. */
  resumeCount: number;
  portfolioCount: number;
  hasRate: boolean;
  hasWorkingHours: boolean;
  languageCount: number;
  hasCountry: boolean;
}

export type CompletenessKey =
  | 'photo'
  | 'headline'
  | 'bio'
  | 'skills'
  | 'categories'
  | 'resume'
  | 'portfolio'
  | 'rate'
  | 'hours'
  | 'languages'
  | 'country';

export interface MissingItem {
  key: CompletenessKey;
  /** What to do, in plain words. */
  label: string;
  /** The id of the editor field that fixes it (`/app/profile#<target>`). */
  target: string;
}

export interface Completeness {
  /** 0–100. */
  percent: number;
  missing: MissingItem[];
}

/** A bio shorter than this says too little to count (two short sentences). */
export const MIN_BIO_CHARS = 80;
/** Three skills let a client see a range, not a single keyword. */
export const MIN_SKILLS = 3;

interface Rule {
  key: CompletenessKey;
  weight: number;
  done: (p: CompletenessInput) => boolean;
  label: string;
  target: string;
}

// Weights add up to 100.
const RULES: readonly Rule[] = [
  {
    key: 'photo',
    weight: 10,
    done: (p) => p.hasPhoto,
    label: 'Add a photo',
    target: 'profile-photo',
  },
  {
    key: 'headline',
    weight: 10,
    done: (p) => p.headline.trim().length > 0,
    label: 'Write a headline that says what you do',
    target: 'profile-headline',
  },
  {
    key: 'bio',
    weight: 15,
    done: (p) => p.bio.trim().length >= MIN_BIO_CHARS,
    label: `Write a bio of at least ${MIN_BIO_CHARS} characters`,
    target: 'profile-bio',
  },
  {
    key: 'skills',
    weight: 15,
    done: (p) => p.skillCount >= MIN_SKILLS,
    label: `List at least ${MIN_SKILLS} skills with your years of experience`,
    target: 'profile-skills',
  },
  {
    key: 'categories',
    weight: 5,
    done: (p) => p.categoryCount > 0,
    label: 'Choose the categories of work you do',
    target: 'profile-categories',
  },
  {
    key: 'resume',
    weight: 10,
    done: (p) => p.resumeCount > 0,
    label: 'Add a position or a school to your résumé',
    target: 'profile-resume',
  },
  {
    key: 'portfolio',
    weight: 15,
    done: (p) => p.portfolioCount > 0,
    label: 'Show a piece of work in your portfolio',
    target: 'profile-portfolio',
  },
  {
    key: 'rate',
    weight: 5,
    done: (p) => p.hasRate,
    label: 'Set your hourly rate',
    target: 'profile-rate',
  },
  {
    key: 'hours',
    weight: 5,
    done: (p) => p.hasWorkingHours,
    label: 'Set your time zone and usual working hours',
    target: 'profile-hours',
  },
  {
    key: 'languages',
    weight: 5,
    done: (p) => p.languageCount > 0,
    label: 'Add the languages you work in',
    target: 'profile-languages',
  },
  {
    key: 'country',
    weight: 5,
    done: (p) => p.hasCountry,
    label: 'Say which country you work from',
    target: 'profile-country',
  },
];

/** The percentage complete and what is missing, in the order the editor shows the fields. */
export function profileCompleteness(p: CompletenessInput): Completeness {
  let percent = 0;
  const missing: MissingItem[] = [];
  for (const rule of RULES) {
    if (rule.done(p)) percent += rule.weight;
    else missing.push({ key: rule.key, label: rule.label, target: rule.target });
  }
  return { percent, missing };
}
