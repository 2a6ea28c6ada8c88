import { describe, expect, it } from 'vitest';
import { issueReferences, linkIssueReferences } from './issue-references.ts';

const href = (n: number) => `/issues/${n}`;

describe('linkIssueReferences', () => {
  it('links #N at the start, inside a sentence and before punctuation', () => {
    expect(linkIssueReferences('#3 blocks this, see (#12).', href)).toBe(
      '[#3](/issues/3) blocks this, see ([#12](/issues/12)).',
    );
  });

  it('leaves headings, words, entities, URLs fragments and code alone', () => {
    const text = [
      '# Heading',
      'C#1 and &#39; and https://x.test/a#2 and #3a',
      'inline `#4` code',
      '```',
      'const x = #5;',
      '```',
    ].join('\n');
    expect(linkIssueReferences(text, href)).toBe(text);
  });

  it('does not link #0', () => {
    expect(linkIssueReferences('#0', href)).toBe('#0');
  });
});

describe('issueReferences', () => {
  it('lists each referenced number once, in order', () => {
    expect(issueReferences('#2 then #7 then #2 and `#9`')).toEqual([2, 7]);
  });
});
