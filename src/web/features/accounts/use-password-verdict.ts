import { useEffect, useState } from 'react';
import {
  judgePassword,
  loadPasswordChecker,
  MIN_PASSWORD_LENGTH,
  type PasswordChecker,
  type PasswordVerdict,
} from '../../../core/password-strength.ts';

/**
 * The server's verdict on a new password, as the person types. The checker's dictionaries are
 * fetched when a page asking for a password opens (a chunk of their own, not the main bundle);
 * until they arrive only the length is judged, and the server judges again on submit.
 */
export function usePasswordVerdict(
  password: string,
  person: { email?: string; name?: string } = {},
): PasswordVerdict {
  const [checker, setChecker] = useState<PasswordChecker | null>(null);
  useEffect(() => {
    let live = true;
    void loadPasswordChecker().then((loaded) => {
      if (live) setChecker(() => loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  if (checker) return judgePassword(checker, password, person);
  return password.length >= MIN_PASSWORD_LENGTH
    ? { ok: true, score: 0, message: null }
    : { ok: false, score: 0, message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
}

/** The hint under a new-password field: the verdict's advice, or that the password is fine. */
export function passwordHint(password: string, verdict: PasswordVerdict): string {
  if (!password)
    return `At least ${MIN_PASSWORD_LENGTH} characters; a few uncommon words work well.`;
  return verdict.ok ? 'Strong enough.' : (verdict.message ?? '');
}
