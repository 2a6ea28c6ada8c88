/**
 * Markdown as Handoff renders it: job summaries and specifications, on the server (meta
 * descriptions of the share page) and in the web app. Pure: no Node or DOM imports.
 *
 * Safety comes from the parser, not from cleaning its output afterwards: raw HTML is never
 * passed through (`html: false` escapes it as text), and every link and image address goes
 * through `isSafeUrl`, so only http(s), mailto and relative addresses reach an `href` or `src`.
 */
import MarkdownIt from 'markdown-it';

type Parser = InstanceType<typeof MarkdownIt>;

/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file:, …) is dropped. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const LINK_REL = 'nofollow noopener noreferrer';

function decodeOnce(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/**
 * Whether an address may become an `href` or `src`: an http(s) or mailto URL, or a relative
 * one. Browsers ignore tabs, newlines and leading control characters when they parse a URL
 * (`jav\tascript:` runs as `javascript:`), so they are removed before the scheme is read, and
 * so is percent-encoding (markdown-it encodes the address before validating it).
 */
export function isSafeUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const bare = decodeOnce(url).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(bare);
  if (scheme) return SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
  // No scheme: relative. A colon before the first / ? # would make a browser read a scheme
  // that the pattern above did not (e.g. one with characters it does not allow): refuse it.
  const beforePath = bare.split(/[/?#]/, 1)[0] ?? '';
  return !beforePath.includes(':');
}

function createParser(): Parser {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeUrl;
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.link_open = (tokens, idx, options) => {
    tokens[idx]!.attrSet('rel', LINK_REL);
    return renderToken(tokens, idx, options);
  };
  // The fence's language becomes a class name: keep it to the characters language names use.
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    token.info = (token.info.trim().split(/\s+/, 1)[0] ?? '').replace(/[^\w+#.-]/g, '');
    return fence(tokens, idx, options, env, self);
  };
  return md;
}

let parser: Parser | undefined;
const markdown = () => (parser ??= createParser());

/** Safe HTML of a Markdown text (see the module's comment for what "safe" means). */
export function renderMarkdown(source: string): string {
  return markdown().render(source);
}

type Token = ReturnType<Parser['parse']>[number];

function collectText(tokens: Token[], out: string[]) {
  for (const token of tokens) {
    switch (token.type) {
      case 'inline':
        collectText(token.children ?? [], out);
        out.push(' ');
        break;
      case 'text':
      case 'code_inline':
        out.push(token.content);
        break;
      case 'image':
        // The alt text is the image's words; its children hold it.
        collectText(token.children ?? [], out);
        break;
      case 'fence':
      case 'code_block':
        out.push(' ', token.content, ' ');
        break;
      case 'softbreak':
      case 'hardbreak':
        out.push(' ');
        break;
      default:
        // Block boundaries (paragraph, list item, heading, table cell…) separate words;
        // inline markup (emphasis, links) does not: "**warm**," stays "warm,".
        if (token.block && token.nesting !== 0) out.push(' ');
    }
  }
}

/**
 * The words of a Markdown text without its markup (for meta descriptions and previews):
 * link text without addresses, image alt text, code as written; whitespace collapsed.
 * The result is plain text, not HTML: escape it wherever it is put into HTML.
 */
export function markdownToText(source: string): string {
  const out: string[] = [];
  collectText(markdown().parse(source, {}), out);
  return out.join('').replace(/\s+/g, ' ').trim();
}
