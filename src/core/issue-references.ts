/**
 * `#12` in a contract issue's description or comment names issue 12 of the same contract.
 * Before the text is rendered, each reference becomes a Markdown link to that issue, so the
 * safe renderer (`core/markdown.ts`) makes the anchor. Code (fenced, indented by a fence, or
 * inline in backticks) is left as written: `#12` there is code, not a reference.
 */

/** `#` then digits, not glued to a word before (`a#1`, `&#39;`) nor followed by a word character. */
const REFERENCE = /(^|[^\w&#/])#(\d{1,9})(?!\w)/g;

function linkPlain(text: string, href: (n: number) => string): string {
  return text.replace(REFERENCE, (_, lead: string, digits: string) => {
    const n = Number(digits);
    return n > 0 ? `${lead}[#${n}](${href(n)})` : `${lead}#${digits}`;
  });
}

/** The numbers a text refers to, each once, in order of first mention (code excluded). */
export function issueReferences(source: string): number[] {
  const found: number[] = [];
  linkIssueReferences(source, (n) => {
    if (!found.includes(n)) found.push(n);
    return '';
  });
  return found;
}

/** The text with every `#N` outside code turned into a link to `href(N)`. */
export function linkIssueReferences(source: string, href: (n: number) => string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      out.push(line);
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    // Odd pieces of a split on backticks are inline code.
    out.push(
      line
        .split('`')
        .map((piece, i) => (i % 2 === 1 ? piece : linkPlain(piece, href)))
        .join('`'),
    );
  }
  return out.join('\n');
}
