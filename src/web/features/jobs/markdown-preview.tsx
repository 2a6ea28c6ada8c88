import { useMemo, type ComponentProps } from 'react';
import { renderMarkdown } from '../../../core/markdown.ts';
import { controlClass } from '../../ui/fields.tsx';

export type MarkdownMode = 'write' | 'preview';

// Tailwind's reset strips headings, lists and code of their look; this brings it back for
// rendered Markdown without a typography plugin.
const prose =
  'space-y-3 text-sm leading-6 text-slate-800 break-words [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-200 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_hr]:border-slate-200 [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc';

/** Rendered Markdown: `renderMarkdown` disables raw HTML, so its output is safe to insert. */
export function MarkdownPreview({ source, empty }: { source: string; empty: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (source.trim() === '') return <p className="text-sm text-slate-500">{empty}</p>;
  return <div className={prose} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * A Markdown textarea with a Write / Preview switch. Read-only viewers get the preview only.
 */
export function MarkdownField({
  id,
  label,
  hint,
  error,
  mode,
  onModeChange,
  source,
  readOnly,
  ...textarea
}: ComponentProps<'textarea'> & {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  mode: MarkdownMode;
  onModeChange: (mode: MarkdownMode) => void;
  source: string;
  readOnly: boolean;
}) {
  const showing: MarkdownMode = readOnly ? 'preview' : mode;
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-end justify-between gap-2">
        {showing === 'write' ? (
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
        ) : (
          <p id={`${id}-label`} className="block text-sm font-medium text-slate-800">
            {label}
          </p>
        )}
        {!readOnly && (
          <div
            role="group"
            aria-label="Description view"
            className="inline-flex rounded-md bg-slate-100 p-0.5"
          >
            {(['write', 'preview'] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => onModeChange(m)}
                className={`rounded px-3 py-1 text-xs font-medium ${mode === m ? 'bg-white text-brand-800 shadow-sm' : 'text-slate-700 hover:text-slate-900'}`}
              >
                {m === 'write' ? 'Write' : 'Preview'}
              </button>
            ))}
          </div>
        )}
      </div>
      {showing === 'write' ? (
        <textarea
          id={id}
          rows={14}
          className={`${controlClass} font-mono`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          {...textarea}
        />
      ) : (
        <div
          role="region"
          aria-labelledby={`${id}-label`}
          className="min-h-24 rounded-md bg-white px-3 py-2 ring-1 ring-slate-200"
        >
          <MarkdownPreview source={source} empty="No description yet." />
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : (
        showing === 'write' && (
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
