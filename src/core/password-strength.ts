/**
 * How strong a password is, judged the same way by the server (sign-up, reset, change) and by
 * the sign-up and reset pages as the person types. Strength is zxcvbn's estimate of how many
 * guesses an attacker needs, against common passwords, English words, names, keyboard patterns
 * and the person's own e-mail and name.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
/**
 * zxcvbn's 0–4 scale; 3 is "safely unguessable" (about 10^8 guesses or more), the level its
 * authors recommend for an account protected by a slow hash, as ours is.
 */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordVerdict {
  ok: boolean;
  /** 0–4; shown as a meter. */
  score: number;
  /** One sentence that says what is wrong and how to do better; null when the password is fine. */
  message: string | null;
}

export type PasswordChecker = Pick<ZxcvbnFactory, 'check'>;

let loading: Promise<PasswordChecker> | undefined;

/**
 * The checker with its dictionaries (about 1.5 MB of word lists), loaded on first use: the web
 * app imports it only on the pages that ask for a new password, so the main bundle stays small.
 */
export function loadPasswordChecker(): Promise<PasswordChecker> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  return loading;
}

/** The words of a person's e-mail and name that a password must not be built from. */
export function personalWords(person: { email?: string; name?: string }): string[] {
  const words = [person.email, person.name, ...(person.email ?? '').split(/[@.+_-]/)]
    .concat((person.name ?? '').split(/\s+/))
    .map((w) => (w ?? '').trim().toLowerCase());
  return [...new Set(words.filter((w) => w.length >= 3))];
}

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Judges a new password; `person` is who it is for (their e-mail and name are easy guesses). */
export function judgePassword(
  checker: PasswordChecker,
  password: string,
  person: { email?: string; name?: string } = {},
): PasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      ok: false,
      score: 0,
      message: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { ok: false, score: 0, message: `Use at most ${MAX_PASSWORD_LENGTH} characters.` };
  const squashed = squash(password);
  const email = squash(person.email ?? '');
  const name = squash(person.name ?? '');
  // zxcvbn discounts these words but can still rate a long password built around them as
  // strong; anyone who knows the address would try it first, so it is refused outright.
  // Compared without spaces and punctuation: "nora-quinn" is the name "Nora Quinn".
  if ((email && squashed.includes(email)) || (name.length >= 3 && squashed.includes(name)))
    return {
      ok: false,
      score: 0,
      message: 'Do not use your e-mail address or your name in your password.',
    };
  const result = checker.check(password, personalWords(person));
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true, score: result.score, message: null };
  const { warning, suggestions } = result.feedback;
  const advice = [warning ?? 'This password is easy to guess.', ...suggestions];
  if (suggestions.length === 0) advice.push('Add another word or two that are less common.');
  return { ok: false, score: result.score, message: advice.join(' ') };
}
