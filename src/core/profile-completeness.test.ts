import { describe, expect, it } from 'vitest';
import {
  MIN_BIO_CHARS,
  profileCompleteness,
  type CompletenessInput,
} from './profile-completeness.ts';

const empty: CompletenessInput = {
  hasPhoto: false,
  headline: '',
  bio: '',
  skillCount: 0,
  categoryCount: 0,
  resumeCount: 0,
  portfolioCount: 0,
  hasRate: false,
  hasWorkingHours: false,
  languageCount: 0,
  hasCountry: false,
};

const full: CompletenessInput = {
  hasPhoto: true,
  headline: 'Bookkeeper for bakeries',
  bio: 'x'.repeat(MIN_BIO_CHARS),
  skillCount: 3,
  categoryCount: 1,
  resumeCount: 1,
  portfolioCount: 1,
  hasRate: true,
  hasWorkingHours: true,
  languageCount: 1,
  hasCountry: true,
};

describe('profileCompleteness', () => {
  it('is 0 % for an empty profile, listing every item with a field to focus', () => {
    const c = profileCompleteness(empty);
    expect(c.percent).toBe(0);
    expect(c.missing.map((m) => m.key)).toEqual([
      'photo',
      'headline',
      'bio',
      'skills',
      'categories',
      'resume',
      'portfolio',
      'rate',
      'hours',
      'languages',
      'country',
    ]);
    for (const m of c.missing) {
      expect(m.label.length).toBeGreaterThan(5);
      expect(m.target).toMatch(/^profile-[a-z]+$/);
    }
  });

  it('is 100 % with nothing missing for a complete profile', () => {
    expect(profileCompleteness(full)).toEqual({ percent: 100, missing: [] });
  });

  it('counts each item by its weight', () => {
    expect(profileCompleteness({ ...full, hasPhoto: false }).percent).toBe(90);
    expect(profileCompleteness({ ...full, portfolioCount: 0 }).percent).toBe(85);
    expect(profileCompleteness({ ...empty, hasCountry: true }).percent).toBe(5);
  });

  it('wants a bio long enough to say something and at least three skills', () => {
    const shortBio = profileCompleteness({
      ...full,
      bio: ' '.repeat(10) + 'x'.repeat(MIN_BIO_CHARS - 1),
    });
    expect(shortBio.missing.map((m) => m.key)).toEqual(['bio']);
    const twoSkills = profileCompleteness({ ...full, skillCount: 2 });
    expect(twoSkills.missing).toEqual([
      { key: 'skills', label: expect.stringContaining('3 skills'), target: 'profile-skills' },
    ]);
  });

  it('does not count a headline of spaces', () => {
    expect(profileCompleteness({ ...full, headline: '   ' }).missing.map((m) => m.key)).toEqual([
      'headline',
    ]);
  });
});
