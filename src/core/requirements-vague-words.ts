/**
 * Words and phrases that make a professional guess, with what to write instead.
 *
 * This list is data: editing it changes what the requirements checker flags as `vague-word`,
 * in the editor and at publish, with no other change. Matching is case-insensitive, on whole
 * words only ("fast" does not hit "fastener" or "breakfast"); a space or a dash inside a phrase
 * matches either ("user friendly", "user-friendly"); a phrase ending in "." also matches without
 * it ("etc"). When two phrases overlap, the longer one wins ("as soon as possible" over "soon").
 * A suggestion is shown to an owner who may not be technical: plain words and an example.
 */
export interface VagueWord {
  phrase: string;
  suggestion: string;
}

const GIVE_A_DATE = "Give a date ('by 14 March') or a number of days ('within 10 days').";
const LIST_ALL = 'List every item; the professional will do only what is listed.';
const GIVE_A_NUMBER = "Give the number ('3 pages', '5 photos') or list them.";
const SHOW_AN_EXAMPLE =
  "Describe what you mean or link an example you like ('like the header of example.com').";
const LOOKS_CHECK =
  "Name a style or an example to match ('flat, like stripe.com; colours #1F4E79 and white').";
const SAY_HOW_FAST = "Say how fast, with a number: 'loads in under 2 seconds on 4G'.";

export const VAGUE_WORDS: readonly VagueWord[] = [
  { phrase: 'fast', suggestion: SAY_HOW_FAST },
  { phrase: 'quick', suggestion: SAY_HOW_FAST },
  { phrase: 'quickly', suggestion: SAY_HOW_FAST },
  { phrase: 'efficient', suggestion: 'Give a number: the time, cost or steps it must save.' },
  { phrase: 'ASAP', suggestion: GIVE_A_DATE },
  { phrase: 'as soon as possible', suggestion: GIVE_A_DATE },
  { phrase: 'soon', suggestion: GIVE_A_DATE },
  { phrase: 'etc.', suggestion: LIST_ALL },
  { phrase: 'and so on', suggestion: LIST_ALL },
  { phrase: 'various', suggestion: LIST_ALL },
  { phrase: 'some', suggestion: GIVE_A_NUMBER },
  { phrase: 'several', suggestion: GIVE_A_NUMBER },
  { phrase: 'a few', suggestion: GIVE_A_NUMBER },
  { phrase: 'many', suggestion: GIVE_A_NUMBER },
  { phrase: 'as needed', suggestion: "Say when and how often: 'up to 3 rounds of changes'." },
  {
    phrase: 'user-friendly',
    suggestion: "Say who must manage what: 'a first-time visitor finds the prices in 2 clicks'.",
  },
  {
    phrase: 'intuitive',
    suggestion: "Say who must manage what without help: 'a new employee books a room alone'.",
  },
  {
    phrase: 'easy',
    suggestion: "Say for whom and how to check it: 'staff add a product in under 5 minutes'.",
  },
  {
    phrase: 'easily',
    suggestion: "Say for whom and how to check it: 'staff add a product in under 5 minutes'.",
  },
  {
    phrase: 'simple',
    suggestion: "Say what is included and what is not: 'one page, three sections, no login'.",
  },
  { phrase: 'nice', suggestion: SHOW_AN_EXAMPLE },
  { phrase: 'nice to have', suggestion: "Make it a requirement with the priority 'could'." },
  { phrase: 'beautiful', suggestion: SHOW_AN_EXAMPLE },
  { phrase: 'polished', suggestion: SHOW_AN_EXAMPLE },
  { phrase: 'modern', suggestion: LOOKS_CHECK },
  { phrase: 'sleek', suggestion: LOOKS_CHECK },
  {
    phrase: 'clean',
    suggestion: "Say what it should look like: 'white background, one font, at most 3 colours'.",
  },
  {
    phrase: 'professional',
    suggestion: 'Link an example that looks right to you, or list what it must include.',
  },
  {
    phrase: 'high quality',
    suggestion:
      "Say how you will judge it: size, file format, 'no spelling mistakes', or who approves it.",
  },
  {
    phrase: 'robust',
    suggestion: "Say what it must survive: 'keeps working with 1,000 orders a day'.",
  },
  {
    phrase: 'scalable',
    suggestion: "Give the numbers it must handle now and later: '500 users now, 5,000 next year'.",
  },
  {
    phrase: 'seamless',
    suggestion: "Say what must work together: 'orders reach the accounting tool without retyping'.",
  },
  {
    phrase: 'flexible',
    suggestion: "List the changes it must allow: 'we can add a product category ourselves'.",
  },
  {
    phrase: 'secure',
    suggestion:
      "Say what must be protected and how: 'HTTPS only, passwords never stored in plain'.",
  },
  {
    phrase: 'optimized',
    suggestion: "Say for what and by how much: 'images under 200 KB each'.",
  },
  {
    phrase: 'engaging',
    suggestion: "Say how you will measure it: 'at least 2% of visitors click Book now'.",
  },
  {
    phrase: 'state-of-the-art',
    suggestion: 'Name the tools, versions or standards you expect.',
  },
  { phrase: 'cutting-edge', suggestion: 'Name the tools, versions or standards you expect.' },
  { phrase: 'best', suggestion: 'Say what "best" is measured by, or name the example to match.' },
  { phrase: 'good', suggestion: 'Say what makes it good enough to accept: a check or an example.' },
  {
    phrase: 'appropriate',
    suggestion: 'Say exactly what fits: the size, tone, format or rule to follow.',
  },
  { phrase: 'reasonable', suggestion: 'Give the number or limit you consider reasonable.' },
  { phrase: 'minimal', suggestion: 'Say how little: a number, or what must be left out.' },
  {
    phrase: 'if possible',
    suggestion: "Say whether it is required; if not, make it a requirement with priority 'could'.",
  },
];
