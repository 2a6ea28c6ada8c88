import { beforeAll, describe, expect, it } from 'vitest';
import { judgePassword, loadPasswordChecker, type PasswordChecker } from './password-strength.ts';

let checker: PasswordChecker;
beforeAll(async () => {
  checker = await loadPasswordChecker();
});

const person = { email: 'nora.quinn@bakery.example', name: 'Nora Quinn' };

describe('judgePassword', () => {
  it.each(['12345678', 'password', '        ', 'qwertyuiop', 'Password1'])(
    'refuses %j with advice',
    (password) => {
      const verdict = judgePassword(checker, password, person);
      expect(verdict.ok).toBe(false);
      expect(verdict.message).toMatch(/\w{4,}/);
    },
  );

  it('refuses a password that is or contains the e-mail address or the name', () => {
    for (const password of [person.email, `${person.email}!2026`, 'xx nora quinn rocks xx']) {
      const verdict = judgePassword(checker, password, person);
      expect(verdict, password).toMatchObject({ ok: false });
      expect(verdict.message).toContain('e-mail address or your name');
    }
  });

  it('refuses a password built on the local part of the e-mail', () => {
    expect(judgePassword(checker, 'noraquinn', person).ok).toBe(false);
  });

  it('accepts a long passphrase', () => {
    expect(judgePassword(checker, 'correct-horse-battery', person)).toEqual({
      ok: true,
      score: 4,
      message: null,
    });
  });

  it('refuses fewer than eight characters', () => {
    expect(judgePassword(checker, 'Xq7#k', person).message).toBe('Use at least 8 characters.');
  });
});
