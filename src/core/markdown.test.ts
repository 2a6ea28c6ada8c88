import { describe, expect, it } from 'vitest';
import { isSafeUrl, markdownToText, renderMarkdown } from './markdown.ts';

/** Tags Markdown itself produces, and the attributes each may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  a: ['href', 'rel', 'title'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  code: ['class'],
  th: ['style'],
  td: ['style'],
  ...Object.fromEntries(
    [
      'p', 'br', 'hr', 'em', 'strong', 's', 'pre', 'blockquote', 'ul', 'li',
      'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr',
    ].map((t) => [t, []]),
  ), // prettier-ignore
};
/** Attribute values that are allowed only in these exact shapes. */
const VALUE_SHAPES: Record<string, RegExp> = {
  rel: /^nofollow noopener noreferrer$/,
  style: /^text-align:(left|center|right)$/,
  class: /^language-[\w+#.-]+$/,
  start: /^\d+$/,
};

interface Tag {
  name: string;
  closing: boolean;
  attrs: [string, string][];
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * A deliberately strict tokenizer of the renderer's output: every `<` must open a well-formed
 * tag `<name attr="value" …>` or `</name>`; anything else (a `<` that is not escaped, an
 * attribute without quotes) fails the test instead of being skipped.
 */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    if (lt === -1) return tags;
    const m = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>/.exec(html.slice(lt));
    if (!m) throw new Error(`unparseable markup at ${lt}: ${html.slice(lt, lt + 60)}`);
    const attrs = [...m[3]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(
      (a) => [a[1]!, decodeEntities(a[2]!)] as [string, string],
    );
    tags.push({ name: m[2]!, closing: m[1] === '/', attrs });
    at = lt + m[0].length;
  }
}

/** What a browser would do with the address: drop tabs, newlines and controls, then read the scheme. */
function dangerousScheme(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- browsers strip these, so must the check
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(javascript|vbscript|data|file|blob):/.test(bare);
}

function expectSafe(html: string) {
  for (const tag of tagsOf(html)) {
    expect(Object.keys(ALLOWED), `tag <${tag.name}> in ${html}`).toContain(tag.name);
    for (const [name, value] of tag.attrs) {
      expect(ALLOWED[tag.name], `attribute ${name} on <${tag.name}> in ${html}`).toContain(name);
      const shape = VALUE_SHAPES[name];
      if (shape) expect(value, `${name} of <${tag.name}>`).toMatch(shape);
      if (name === 'href' || name === 'src') {
        expect(dangerousScheme(value), `${name}="${value}" in ${html}`).toBe(false);
      }
    }
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  'Hello <script src="https://evil.example/x.js"></script> world',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)">',
  '<svg onload=alert(1)><circle r="10"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body { display: none }</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1)  )',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;avascript&#x3A;alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](jav&#x09;ascript:alert(1))',
  '[click](<jav\tascript:alert(1)>)',
  '[click](jav%09ascript:alert(1))',
  '[click](%6Aavascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](file:///etc/passwd)',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  'see javascript:alert(1) and www.example.com',
  '[click][evil]\n\n[evil]: javascript:alert(1)',
  '[click][evil]\n\n[evil]: <JAVASCRIPT:alert(1)> "title"',
  '![x](javascript:alert(1))',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x][img]\n\n[img]: data:image/gif;base64,R0lGODlhAQABAAAAACw=',
  '<!-- <script>alert(1)</script> -->',
  '[x](https://example.com "a\\" onmouseover=\\"alert(1)")',
  '[x](https://example.com \'" onmouseover="alert(1)\')',
  '![a" onerror="alert(1)](https://example.com/x.png)',
  '[a](https://example.com/"><script>alert(1)</script>)',
  '`<script>alert(1)</script>`',
  '```html" onclick="alert(1)\n<script>alert(1)</script>\n```',
  '| a | b |\n|:--|--:|\n| <b onclick=x>1</b> | [x](javascript:alert(1)) |',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '[x](java\nscript:alert(1))',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="x.swf"></object><embed src="x.swf"><base href="javascript:/">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
];

describe('the output checker used below', () => {
  it.each([
    '<p onclick="x">a</p>',
    '<a href="jav&#x09;ascript:alert(1)">a</a>',
    '<img src="data:image/png;base64,AA">',
    '<script>alert(1)</script>',
    '<p>unescaped < sign</p>',
    '<a href=x>unquoted</a>',
  ])('rejects %j', (html) => {
    expect(() => expectSafe(html)).toThrow();
  });
});

describe('renderMarkdown', () => {
  it.each(HOSTILE)(
    'renders hostile input %j with only allowed tags, attributes and schemes',
    (input) => {
      expectSafe(renderMarkdown(input));
    },
  );

  it('never lets a script, event handler or dangerous scheme through anywhere in the corpus', () => {
    const html = renderMarkdown(HOSTILE.join('\n\n'));
    expectSafe(html);
    expect(html).not.toMatch(/<(script|svg|iframe|style|object|embed|form|base|math)\b/i);
    const attributes = tagsOf(html).flatMap((t) => t.attrs.map(([name]) => name));
    expect(attributes.filter((a) => a.startsWith('on'))).toEqual([]);
  });

  it('escapes raw HTML as text rather than dropping it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('keeps a refused link as plain text, without an anchor', () => {
    const html = renderMarkdown('[click](javascript:alert(1))');
    expect(html).not.toContain('<a');
    expect(html).toContain('click');
  });

  it('renders ordinary Markdown: emphasis, lists, headings, code, tables', () => {
    const html = renderMarkdown(
      '# Title\n\nSome **bold** and _soft_ text.\n\n- one\n- two\n\n3. three\n\n`code`\n\n| a | b |\n|---|:-:|\n| 1 | 2 |',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>soft</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<th style="text-align:center">b</th>');
    expectSafe(html);
  });

  it('keeps http(s), mailto and relative links, each with rel="nofollow noopener noreferrer"', () => {
    const html = renderMarkdown(
      '[a](https://example.com/x?y=1) [b](http://example.com) [c](mailto:ana@example.com) [d](/jobs/123) [e](#top)',
    );
    const anchors = tagsOf(html).filter((t) => t.name === 'a' && !t.closing);
    expect(anchors.map((a) => Object.fromEntries(a.attrs))).toEqual(
      [
        'https://example.com/x?y=1',
        'http://example.com',
        'mailto:ana@example.com',
        '/jobs/123',
        '#top',
      ].map((href) => ({ href, rel: 'nofollow noopener noreferrer' })),
    );
  });

  it('links bare URLs (linkify), also with the rel attribute', () => {
    const html = renderMarkdown('See https://example.com/brief.');
    expect(html).toContain(
      '<a href="https://example.com/brief" rel="nofollow noopener noreferrer">https://example.com/brief</a>',
    );
  });

  it('keeps https images but drops data: images', () => {
    expect(renderMarkdown('![logo](https://example.com/logo.png)')).toContain(
      '<img src="https://example.com/logo.png" alt="logo">',
    );
    expect(renderMarkdown('![x](data:image/png;base64,iVBORw0KGgo=)')).not.toContain('<img');
  });
});

describe('isSafeUrl', () => {
  it.each([
    ['https://example.com', true],
    ['HTTP://EXAMPLE.COM', true],
    ['mailto:a@example.com', true],
    ['/relative/path', true],
    ['relative', true],
    ['#anchor', true],
    ['?q=1', true],
    ['//example.com/x', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['jav\tascript:alert(1)', false],
    ['jav%09ascript:alert(1)', false],
    ['%6Aavascript:alert(1)', false],
    ['\u0001javascript:alert(1)', false],
    ['data:text/html,x', false],
    ['data:image/png;base64,AAAA', false],
    ['vbscript:x', false],
    ['ftp://example.com', false],
    ['weird_scheme:x', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('markdownToText', () => {
  it('keeps the words, drops the markup and the addresses, collapses whitespace', () => {
    expect(
      markdownToText(
        '# Logo for a *bakery*\n\nWe need a **new** logo.\nSee [our site](https://example.com)\n\n- round\n- warm   colours\n\n![a croissant](x.png)',
      ),
    ).toBe('Logo for a bakery We need a new logo. See our site round warm colours a croissant');
  });

  it('does not split words at inline markup', () => {
    expect(markdownToText('A **warm**, _round_ [logo](https://x.example)! `code`.')).toBe(
      'A warm, round logo! code.',
    );
  });

  it('returns raw HTML as its literal text (to be escaped by whoever puts it into HTML)', () => {
    expect(markdownToText('Hi <script>alert(1)</script>')).toBe('Hi <script>alert(1)</script>');
  });

  it('is empty for an empty text', () => {
    expect(markdownToText('')).toBe('');
    expect(markdownToText('   \n\n ')).toBe('');
  });
});
