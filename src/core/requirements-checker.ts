/**
 * The requirements checker: reads a job's brief and specification and says what a
 * professional would have to guess. Pure; runs live in the editor on every keystroke and on the
 * server at publish, so every pattern is compiled once, at module load.
 */
import type { Brief, CheckResult, Finding, Spec } from './contracts/jobs.ts';
import { PASSING_SCORE } from './jobs.ts';
import {
  VAGUE_BY_KEY,
  countWords,
  isBlank,
  isMeasurable,
  quote,
  scan,
  type Span,
  vagueKey,
} from './requirements-patterns.ts';

export interface CheckInput {
  brief: Brief;
  spec: Spec;
}

interface CodeRule {
  severity: Finding['severity'];
  /** Points off the score per finding… */
  weight: number;
  /** …and at most this many for all findings of the code, so one long text cannot sink the score. */
  cap: number;
}

/**
 * Every finding the checker makes, with its severity and its cost. Errors are what a
 * professional cannot bid or deliver without; warnings make the work a matter of opinion.
 * The weights are set so that a job with only a title scores under 30 and a complete job with a
 * few vague words still passes `PASSING_SCORE` (vague words can cost 15 at most).
 */
export const FINDING_RULES = {
  'brief-too-short': { severity: 'error', weight: 10, cap: 10 },
  'no-budget': { severity: 'error', weight: 12, cap: 12 },
  'no-deadline': { severity: 'error', weight: 8, cap: 8 },
  placeholder: { severity: 'error', weight: 8, cap: 24 },
  'no-deliverables': { severity: 'error', weight: 15, cap: 15 },
  'no-acceptance-criteria': { severity: 'error', weight: 12, cap: 12 },
  'unmeasurable-criterion': { severity: 'error', weight: 6, cap: 24 },
  'no-success-definition': { severity: 'error', weight: 15, cap: 15 },
  'no-title-detail': { severity: 'warning', weight: 4, cap: 4 },
  'vague-word': { severity: 'warning', weight: 3, cap: 15 },
  'deliverable-without-criterion': { severity: 'warning', weight: 5, cap: 15 },
  'criterion-without-deliverable': { severity: 'warning', weight: 3, cap: 9 },
  'no-priorities': { severity: 'warning', weight: 8, cap: 8 },
  'must-not-in-deliverable': { severity: 'warning', weight: 4, cap: 12 },
} as const satisfies Record<string, CodeRule>;

export type FindingCode = keyof typeof FINDING_RULES;
export const FINDING_CODES = Object.keys(FINDING_RULES) as FindingCode[];

/** Below these word counts a text is too thin to act on. */
export const MIN_SUMMARY_WORDS = 25;
export const MIN_SUCCESS_WORDS = 8;
export const MIN_TITLE_WORDS = 3;
/** From this many requirements, one shared priority means none was chosen. */
const SAME_PRIORITY_MIN = 3;

// Fields in the editor's order (the schema's order); findings are sorted by it.
const FIELD_ORDER = [
  'brief.title',
  'brief.summary',
  'brief.budget',
  'brief.deadline',
  'brief.screeningQuestions',
  'spec.description',
  'spec.deliverables',
  'spec.acceptanceCriteria',
  'spec.requirements',
  'spec.successDefinition',
  'spec.constraints',
] as const;
type Section = (typeof FIELD_ORDER)[number];

interface Place {
  section: Section;
  /** List item index; -1 for the field (or list) as a whole. */
  index: number;
  /** What follows the index in the path (`text`, `deliverableId`), if anything. */
  sub?: string;
}

interface Keyed {
  finding: Finding;
  rank: number;
  index: number;
  offset: number;
}

/** A 0–100 score and the findings behind it, each pointing at a field and the exact text. */
export function checkRequirements(input: CheckInput): CheckResult {
  const { brief, spec } = input;
  const out: Keyed[] = [];
  const add = (
    code: FindingCode,
    at: Place,
    text: string | null,
    message: string,
    fix: string,
    span?: Span,
  ) => {
    const field = [at.section, at.index >= 0 ? String(at.index) : null, at.sub ?? null]
      .filter((p) => p !== null)
      .join('.');
    out.push({
      finding: {
        code,
        severity: FINDING_RULES[code].severity,
        field,
        text: span ? span.text : text,
        start: span ? span.start : null,
        end: span ? span.end : null,
        message,
        fix,
      },
      rank: FIELD_ORDER.indexOf(at.section),
      index: at.index,
      offset: span ? span.start : -1,
    });
  };

  /** Flags placeholders and vague words of one text field; returns its vague words. */
  const scanField = (value: string, at: Place): Span[] => {
    const { placeholders, vague } = scan(value);
    for (const p of placeholders) {
      add(
        'placeholder',
        at,
        null,
        `${quote(p.text)} is a placeholder: a professional cannot price what is not written yet.`,
        'Replace it with the real value, or remove it. If it is truly undecided, say what it ' +
          'depends on and who decides it by when.',
        p,
      );
    }
    for (const v of vague) {
      const word = VAGUE_BY_KEY.get(vagueKey(v.text));
      add(
        'vague-word',
        at,
        null,
        `${quote(v.text)} means different things to different people; the professional has to guess.`,
        word?.suggestion ?? 'Replace it with something anyone can check.',
        v,
      );
    }
    return vague;
  };

  // Brief.
  const titleWords = countWords(brief.title);
  scanField(brief.title, { section: 'brief.title', index: -1 });
  if (titleWords < MIN_TITLE_WORDS) {
    add(
      'no-title-detail',
      { section: 'brief.title', index: -1 },
      isBlank(brief.title) ? null : brief.title,
      'The title is too short to tell professionals what the job is.',
      "Say what you need and for what, in a few words: 'Logo for a family bakery in Lyon'.",
    );
  }

  const summaryWords = countWords(brief.summary);
  scanField(brief.summary, { section: 'brief.summary', index: -1 });
  if (summaryWords < MIN_SUMMARY_WORDS) {
    add(
      'brief-too-short',
      { section: 'brief.summary', index: -1 },
      summaryWords === 0 ? null : brief.summary,
      summaryWords === 0
        ? 'There is no summary; professionals decide whether to bid from it.'
        : `The summary has ${summaryWords} words; professionals need more to decide whether to bid.`,
      `Write at least ${MIN_SUMMARY_WORDS} words: who you are, what you need done, what you ` +
        'will provide (files, access, answers), and what the result is for.',
    );
  }

  const budget = brief.budget;
  if (budget === null || (budget.min === null && budget.max === null)) {
    add(
      'no-budget',
      { section: 'brief.budget', index: -1 },
      null,
      'There is no budget; professionals cannot tell whether the job is worth bidding on.',
      'Give a price range, even a wide one (for example 300 to 500), or an hourly rate range ' +
        'with the hours a week you expect.',
    );
  }

  if (brief.deadline === null && brief.durationDays === null) {
    add(
      'no-deadline',
      { section: 'brief.deadline', index: -1 },
      null,
      'There is no deadline and no duration; professionals cannot plan the work around theirs.',
      'Pick the date you need the result by, or the number of days the work may take.',
    );
  }

  brief.screeningQuestions.forEach((q, i) => {
    scanField(q, { section: 'brief.screeningQuestions', index: i });
  });

  // Specification.
  scanField(spec.description, { section: 'spec.description', index: -1 });

  const deliverableIds = new Set(spec.deliverables.map((d) => d.id));
  const deliverables = spec.deliverables.filter((d) => !isBlank(d.text));
  const criteria = spec.acceptanceCriteria.filter((c) => !isBlank(c.text));
  const hasDeliverables = deliverables.length > 0;

  if (!hasDeliverables) {
    add(
      'no-deliverables',
      { section: 'spec.deliverables', index: -1 },
      null,
      'No deliverables are listed; the professional cannot know what to hand over.',
      "List each thing you will receive, one per line: 'Logo files', 'Home page', " +
        "'Price list spreadsheet'.",
    );
  }

  const accepted = new Set(criteria.map((c) => c.deliverableId));
  spec.deliverables.forEach((d, i) => {
    const at: Place = { section: 'spec.deliverables', index: i, sub: 'text' };
    scanField(d.text, at);
    // With no criterion at all, `no-acceptance-criteria` says it once for every deliverable.
    if (isBlank(d.text) || criteria.length === 0 || accepted.has(d.id)) return;
    add(
      'deliverable-without-criterion',
      at,
      d.text,
      `No acceptance criterion says when ${quote(d.text)} is done, so accepting it is a matter of opinion.`,
      'Add a criterion linked to this deliverable that you can check with a yes or no, ' +
        "for example 'delivered as SVG and PNG' or 'approved by our office manager'.",
    );
  });

  if (criteria.length === 0) {
    add(
      'no-acceptance-criteria',
      { section: 'spec.acceptanceCriteria', index: -1 },
      null,
      'There are no acceptance criteria; nobody can say when the work is finished.',
      'For each deliverable, write what you will check before you accept it, with a number, ' +
        "a format or a test: 'the menu page lists all 24 dishes with prices'.",
    );
  }

  spec.acceptanceCriteria.forEach((c, i) => {
    const at: Place = { section: 'spec.acceptanceCriteria', index: i, sub: 'text' };
    const vague = scanField(c.text, at);
    if (isBlank(c.text)) return;
    if (!isMeasurable(c.text, vague)) {
      const first = vague[0];
      add(
        'unmeasurable-criterion',
        at,
        c.text,
        'Nobody can check this criterion with a yes or no: it has no number, limit, format or ' +
          'test, so accepting the work becomes a matter of opinion.',
        (first ? `Replace ${quote(first.text)} with something anyone can check: ` : 'Add ') +
          "a number ('at least 3 logo ideas'), a limit ('loads in under 2 seconds'), a format " +
          "('delivered as PDF') or who approves it ('approved by our office manager').",
      );
    }
    if (hasDeliverables && (c.deliverableId === null || !deliverableIds.has(c.deliverableId))) {
      add(
        'criterion-without-deliverable',
        { ...at, sub: 'deliverableId' },
        c.text,
        c.deliverableId === null
          ? 'This criterion is not linked to a deliverable, so it is unclear what it accepts.'
          : 'This criterion is linked to a deliverable that no longer exists.',
        'Choose the deliverable this criterion accepts.',
      );
    }
  });

  const requirements = spec.requirements.filter((r) => !isBlank(r.text));
  spec.requirements.forEach((r, i) => {
    const at: Place = { section: 'spec.requirements', index: i, sub: 'text' };
    scanField(r.text, at);
    if (isBlank(r.text) || r.priority !== 'must' || !hasDeliverables) return;
    if (r.deliverableId !== null && deliverableIds.has(r.deliverableId)) return;
    add(
      'must-not-in-deliverable',
      { ...at, sub: 'deliverableId' },
      r.text,
      r.deliverableId === null
        ? 'This must-have is not tied to any deliverable, so it may be left out of all of them.'
        : 'This must-have is tied to a deliverable that no longer exists.',
      'Choose the deliverable that must include it, or add a deliverable for it.',
    );
  });

  const first = requirements[0];
  if (!first) {
    add(
      'no-priorities',
      { section: 'spec.requirements', index: -1 },
      null,
      'No requirements are listed, so the professional cannot tell what matters most.',
      "List what the result must, should and could do, and mark each one: 'must' for what " +
        "you cannot accept without, 'could' for what is welcome if time allows.",
    );
  } else if (
    requirements.length >= SAME_PRIORITY_MIN &&
    requirements.every((r) => r.priority === first.priority)
  ) {
    add(
      'no-priorities',
      { section: 'spec.requirements', index: -1 },
      null,
      first.priority === 'must'
        ? `All ${requirements.length} requirements are a must; when everything is a must, nothing is.`
        : `All ${requirements.length} requirements are a “${first.priority}”; none is marked as one you cannot do without.`,
      "Keep 'must' only for what you would refuse the work without; make the rest 'should' or " +
        "'could', so the professional knows what to drop first if time runs short.",
    );
  }

  const successWords = countWords(spec.successDefinition);
  scanField(spec.successDefinition, { section: 'spec.successDefinition', index: -1 });
  if (successWords < MIN_SUCCESS_WORDS) {
    add(
      'no-success-definition',
      { section: 'spec.successDefinition', index: -1 },
      successWords === 0 ? null : spec.successDefinition,
      successWords === 0
        ? 'There is no definition of success; the professional cannot tell what the work is for.'
        : 'The definition of success is too short to tell what the work must achieve.',
      'Say in one or two sentences what will be different when the job is done, with a number ' +
        "if you can: 'customers book a table online, and we take under 5 phone bookings a day'.",
    );
  }

  scanField(spec.constraints, { section: 'spec.constraints', index: -1 });

  return { score: score(out), findings: sortFindings(out) };
}

/**
 * Whether a job is "Ready": a passing score and nothing left that must be fixed. The score
 * alone is not enough: a single error costs as little as 6 points, and "Ready" beside "Fix
 * these (1)" tells the owner two opposite things.
 */
export function isReady(result: CheckResult): boolean {
  return result.score >= PASSING_SCORE && !result.findings.some((f) => f.severity === 'error');
}

function score(out: Keyed[]): number {
  const spent = new Map<FindingCode, number>();
  for (const { finding } of out) {
    const code = finding.code as FindingCode;
    const rule = FINDING_RULES[code];
    spent.set(code, Math.min(rule.cap, (spent.get(code) ?? 0) + rule.weight));
  }
  let total = 0;
  for (const points of spent.values()) total += points;
  return Math.max(0, Math.min(100, Math.round(100 - total)));
}

/** Errors first, then in the editor's field order, then by position inside the field. */
function sortFindings(out: Keyed[]): Finding[] {
  const sev = (k: Keyed) => (k.finding.severity === 'error' ? 0 : 1);
  return out
    .sort((a, b) => sev(a) - sev(b) || a.rank - b.rank || a.index - b.index || a.offset - b.offset)
    .map((k) => k.finding);
}
