/**
 * The text patterns of the requirements checker: vague words, placeholders, what makes an
 * acceptance criterion measurable, and the scanner that finds them without overlaps. Compiled
 * once at module load (the checker runs on every keystroke).
 */
import { VAGUE_WORDS, type VagueWord } from './requirements-vague-words.ts';

// \b is ASCII-only; these also keep "café" and "naïve" whole.
const NB = '(?<![\\p{L}\\p{N}_])';
const NA = '(?![\\p{L}\\p{N}_])';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (list: string) => `${NB}(?:${list})${NA}`;

export const vagueKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .replace(/\.$/, '');
export const VAGUE_BY_KEY = new Map<string, VagueWord>(
  VAGUE_WORDS.map((v) => [vagueKey(v.phrase), v]),
);
function phrasePattern(phrase: string): string {
  const dot = phrase.endsWith('.');
  const body = (dot ? phrase.slice(0, -1) : phrase)
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s-]+');
  return dot ? `${body}(?:\\.|${NA})` : `${body}${NA}`;
}
// One alternation, longest first, so an overlapping longer phrase wins.
const VAGUE_RE = new RegExp(
  `${NB}(?:${[...VAGUE_WORDS]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((v) => phrasePattern(v.phrase))
    .join('|')})`,
  'giu',
);

const PLACEHOLDER_RE = new RegExp(
  [
    words('tbd|tbc|fixme|x{3,}'),
    '\\?{2,}',
    'lorem[\\s-]+ipsum',
    // "[insert logo here]" but not a Markdown link "[your account](…)".
    `\\[\\s*(?:insert|enter|add|fill in|your|placeholder|tbd|tbc|name|date|link)${NA}[^\\]\\n]{0,80}\\](?![([])`,
    `<\\s*(?:placeholder|insert|enter|your|tbd)${NA}[^<>\\n]{0,80}>`,
    '\\{\\{[^{}\\n]{0,80}\\}\\}',
    words('to\\s+be\\s+(?:decided|confirmed|defined|determined|announced|agreed|discussed)'),
  ].join('|'),
  'giu',
);
// Case matters here: "todo app" is a product, "TODO" a note; "XX pages" hides a number.
const PLACEHOLDER_CASED_RE = new RegExp(words('TODO|XX'), 'gu');

// Addresses, e-mails and code are copied, not written: "best" in a URL is no promise. Every
// pattern here starts at a fixed token or after a space, so a long unbroken text stays linear.
const SKIP_RE =
  /```[\s\S]*?```|`[^`\n]*`|https?:\/\/\S+|www\.\S+|(?<!\S)[^\s@]+@[^\s@]+\.\S+|\]\([^)\s]*\)/giu;

/*
 * A criterion is measurable when it has a strong signal, or a weak one and no vague word.
 * Strong: a number, a file format or standard, a reference to check against, a named approver.
 * Weak: a check verb, a comparison or quantifier, "can", quoted text — "All links work" and "the
 * page loads in under 2 s" can be checked, "the page loads fast" or "all pages look nice" cannot.
 */
const STRONG_RE = new RegExp(
  [
    '\\p{N}',
    words(
      'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|' +
        'forty|fifty|hundred|thousand|million|dozen|half|twice|double|single|percent|' +
        'daily|weekly|monthly|hourly|yearly',
    ),
    words(
      'pdf|png|svg|jpe?g|gif|webp|tiff?|csv|xlsx?|docx?|pptx?|odt|json|xml|html|mp4|mov|mp3|wav|' +
        'zip|eps|psd|figma|wcag|w3c|iso|rfc|gdpr|hipaa|https|ssl|tls|owasp|lighthouse|pagespeed|' +
        'utf|ios|android|chrome|firefox|safari|windows|macos|linux|cmyk|rgb|pantone|dpi',
    ),
    words('attached|mock-?ups?|wireframes?|style\\s+guide|brand\\s+(?:guide(?:lines)?|book)'),
    words('(?:approved|signed\\s+off|accepted|confirmed|verified|reviewed)\\s+by|sign-off'),
    '#[0-9a-f]{3,6}' + NA,
  ].join('|'),
  'iu',
);
const WEAK_RE = new RegExp(
  [
    words(
      'pass(?:es|ed)?|validates?|validated|match(?:es|ed)?|returns?|returned|imports?|imported|' +
        'exports?|exported|loads?|loaded|opens|opened|renders?|compiles?|prints?|sends?|sent|' +
        'redirects?|downloads?|uploads?|installs?|installed|deploys?|deployed|runs|works|' +
        'shows?|displays?|contains?|includes?|lists?|links\\s+to|can',
    ),
    words(
      'at\\s+least|at\\s+most|no\\s+more\\s+than|not\\s+more\\s+than|no\\s+less\\s+than|' +
        'fewer\\s+than|less\\s+than|more\\s+than|up\\s+to|within|under|below|above|exactly|' +
        'maximum|minimum|every|all|each|both|only|none|zero|no|never|without',
    ),
    '["“‘][^"“”‘’\\n]{2,}["”’]',
    `${NB}'[^'\\n]{2,}'${NA}`,
  ].join('|'),
  'iu',
);

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
export const countWords = (s: string) => s.match(WORD_RE)?.length ?? 0;
export const isBlank = (s: string) => s.trim() === '';
export const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

export interface Span {
  start: number;
  end: number;
  text: string;
}

function spans(re: RegExp, value: string): Span[] {
  const out: Span[] = [];
  for (const m of value.matchAll(re)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const byStart = (a: Span, b: Span) => a.start - b.start || b.end - a.end;

/**
 * The spans of `found` (sorted) that overlap neither a span of `blocked` (sorted, disjoint) nor
 * an earlier one kept. Linear: a pasted text can hold thousands of matches.
 */
function keepClear(found: Span[], blocked: Span[]): Span[] {
  const kept: Span[] = [];
  let j = 0;
  let b = blocked[0];
  let lastEnd = 0;
  for (const s of found) {
    while (b && b.end <= s.start) b = blocked[++j];
    if (s.start < lastEnd || (b && b.start < s.end)) continue;
    kept.push(s);
    lastEnd = s.end;
  }
  return kept;
}

/** Placeholders and vague words of one text, outside URLs and code, never overlapping. */
export function scan(value: string): { placeholders: Span[]; vague: Span[] } {
  if (isBlank(value)) return { placeholders: [], vague: [] };
  const skip = spans(SKIP_RE, value);
  const found = [...spans(PLACEHOLDER_RE, value), ...spans(PLACEHOLDER_CASED_RE, value)];
  const placeholders = keepClear(found.sort(byStart), skip);
  const vague = keepClear(spans(VAGUE_RE, value), [...skip, ...placeholders].sort(byStart));
  return { placeholders, vague };
}

export function isMeasurable(text: string, vague: Span[]): boolean {
  return STRONG_RE.test(text) || (vague.length === 0 && WEAK_RE.test(text));
}
