import { describe, expect, it } from 'vitest';
import { ProfileSlugSchema } from './contracts/profiles.ts';
import { slugFromName } from './profile-slug.ts';

describe('slugFromName', () => {
  it('folds accents and joins words with dashes', () => {
    expect(slugFromName('José  Müller')).toBe('jose-muller');
    expect(slugFromName(' Ana-Sofia O’Neil ')).toBe('ana-sofia-o-neil');
  });

  it('gives a valid address for any name', () => {
    for (const name of ['李小龍', 'Al', 'x', '---', 'A'.repeat(200), 'Zoë 2']) {
      const slug = slugFromName(name);
      expect(ProfileSlugSchema.safeParse(slug).success, `${name} → ${slug}`).toBe(true);
    }
  });
});
