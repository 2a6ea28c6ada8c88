/**
 * NDA rules that need no I/O: the fields a template may use, rendering a template for one
 * professional and one job, the neutral default text offered to every business, and whether a
 * typed signature matches the signer's account name.
 */

/** The fields a template may name, written `{{field}}` (spaces inside the braces allowed). */
export const NDA_FIELDS = ['business', 'professional', 'job', 'date'] as const;
export type NdaField = (typeof NDA_FIELDS)[number];

const FIELD_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The fields a template names that are not one of {@link NDA_FIELDS}, each once, in order. */
export function unknownNdaFields(body: string): string[] {
  const unknown: string[] = [];
  for (const match of body.matchAll(FIELD_PATTERN)) {
    const name = match[1] ?? '';
    if (!(NDA_FIELDS as readonly string[]).includes(name) && !unknown.includes(name))
      unknown.push(name);
  }
  return unknown;
}

/** A sentence naming the unknown fields of a template, or null when every field is known. */
export function ndaFieldsProblem(body: string): string | null {
  const unknown = unknownNdaFields(body);
  if (unknown.length === 0) return null;
  const named = unknown.map((f) => `{{${f}}}`).join(', ');
  const allowed = NDA_FIELDS.map((f) => `{{${f}}}`).join(', ');
  return `Unknown field${unknown.length > 1 ? 's' : ''} ${named}: use only ${allowed}.`;
}

export interface NdaValues {
  business: string;
  professional: string;
  job: string;
  /** When the NDA is sent; written as the calendar date in the business's time zone. */
  sentAt: Date;
  timeZone: string;
}

/** The calendar date of `at` in `timeZone`, e.g. "4 December 2026"; UTC for a zone unknown here. */
export function ndaDate(at: Date, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'long' }).format(at);
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/**
 * The template with each field filled in. Values are inserted as they are (the text stays
 * Markdown; names are plain text a person typed, and the page renders Markdown without raw
 * HTML). Throws on an unknown field: templates are checked when saved, so it means a bug.
 */
export function renderNda(body: string, values: NdaValues): string {
  const problem = ndaFieldsProblem(body);
  if (problem) throw new Error(problem);
  const filled: Record<NdaField, string> = {
    business: values.business,
    professional: values.professional,
    job: values.job,
    date: ndaDate(values.sentAt, values.timeZone),
  };
  return body.replace(FIELD_PATTERN, (_, name: string) => filled[name as NdaField]);
}

/**
 * How a typed signature is compared with the account's name: letters and digits only, case,
 * accents, punctuation and spacing ignored ("Ana-María  O'Neil" signs as "ana maria oneil").
 * Anything else — a nickname, initials, a missing part — is refused, so the record names the
 * person the account says signed.
 */
export function normalizeSignatureName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function signatureMatches(typed: string, accountName: string): boolean {
  const expected = normalizeSignatureName(accountName);
  return expected.length > 0 && normalizeSignatureName(typed) === expected;
}

/** The name of the template every business is offered until it writes its own. */
export const DEFAULT_NDA_TEMPLATE_NAME = 'Mutual non-disclosure agreement';

/**
 * A plain, neutral mutual NDA. It is a starting point, not legal advice: a business should have
 * its own reviewed where it matters.
 */
export const DEFAULT_NDA_TEMPLATE_BODY = `# Mutual non-disclosure agreement

**Date:** {{date}}

**Between** {{business}} ("the Business") **and** {{professional}} ("the Professional"), together "the parties".

## 1. Purpose

The parties are discussing the job "{{job}}" ("the Purpose"). To do so, each may share information with the other that is not public.

## 2. Confidential information

"Confidential information" is any information one party shares with the other for the Purpose — including the job's specification, its files, business plans, data, designs and code — that is marked confidential or that a reasonable person would understand to be confidential.

It does not include information that:

- is or becomes public through no fault of the receiving party;
- the receiving party already knew, or receives lawfully from someone else without a duty of confidence;
- the receiving party develops independently, without using the other party's information.

## 3. What each party agrees to

Each party will:

1. use the other's confidential information only for the Purpose;
2. not share it with anyone except people who need it for the Purpose and are bound by duties of confidence at least as strict as these;
3. protect it with at least reasonable care;
4. on request, return or delete it, except copies the law requires it to keep.

A party may disclose confidential information where the law or a court requires it, telling the other party first where allowed.

## 4. Duration

These duties start on the date above and last for two years after the parties stop discussing or working on the Purpose.

## 5. Nothing else

This agreement grants no licence or other right to the other's information and does not oblige either party to enter into any further agreement.

Signed electronically by {{professional}} on Handoff. The Business accepts these terms by sending them.
`;
