// Same look as the job editor's preview; the HTML comes from the API's safe renderer.
const prose =
  'space-y-3 text-sm leading-6 text-slate-800 break-words [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_ul]:list-disc';

/**
 * HTML the server rendered with `renderMarkdown` (markdown-it with raw HTML off, unsafe links
 * dropped), so it is safe to insert.
 */
export function MarkdownHtml({ html }: { html: string }) {
  return <div className={prose} dangerouslySetInnerHTML={{ __html: html }} />;
}
