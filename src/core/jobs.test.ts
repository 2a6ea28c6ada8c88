import { describe, expect, it } from 'vitest';
import { megabytes, oversizeReason, skillSlug } from './jobs.ts';

const MB = 1024 * 1024;

describe('oversizeReason', () => {
  it('lets a file of exactly the limit through', () => {
    expect(oversizeReason({ name: 'logo.png', size: 25 * MB }, 25 * MB)).toBeNull();
    expect(oversizeReason({ name: 'logo.png', size: 1 }, 25 * MB)).toBeNull();
  });

  it('refuses a file one byte over the limit, naming the file and the limit in MB', () => {
    const reason = oversizeReason({ name: 'brand guide.pdf', size: 25 * MB + 1 }, 25 * MB);
    expect(reason).toContain('“brand guide.pdf”');
    expect(reason).toContain('25 MB');
  });

  it('names a limit that is not a whole number of MB to one decimal', () => {
    expect(oversizeReason({ name: 'a.zip', size: 2 * MB }, 1.5 * MB)).toContain('1.5 MB');
  });
});

describe('megabytes', () => {
  it('counts 1 MB as 1024² bytes, as MAX_UPLOAD_MB does', () => {
    expect(megabytes(25 * MB)).toBe('25');
    expect(megabytes(64 * 1024)).toBe('0.1');
  });
});

describe('skillSlug', () => {
  it('joins words with dashes and keeps the dots of names like Node.js', () => {
    expect(skillSlug('Adobe Illustrator')).toBe('adobe-illustrator');
    expect(skillSlug('Node.js')).toBe('node.js');
    expect(skillSlug('C#')).toBe('c-sharp');
    expect(skillSlug('Café')).toBe('cafe');
  });

  it('keeps letters of every script, so professionals can name skills in their language', () => {
    expect(skillSlug('Русский язык')).toBe('русский-язык');
    expect(skillSlug('日本語')).toBe('日本語');
    expect(skillSlug('हिन्दी')).toBe('हिन्दी');
    expect(skillSlug('한국어')).toBe('한국어');
    expect(skillSlug('  Adobe   Illustrator ')).toBe('adobe-illustrator');
    expect(skillSlug('C++')).toBe('c-plus-plus');
  });

  it('cuts long names at 40 characters without splitting a character', () => {
    const slug = skillSlug('𝔸'.repeat(45));
    expect(Array.from(slug)).toHaveLength(40);
    expect(/\p{Cs}/u.test(slug)).toBe(false);
  });

  it('is empty for a name with no letter or digit, dots included', () => {
    for (const name of ['...', '.', '-.-', '—', '  ']) expect(skillSlug(name), name).toBe('');
  });
});
