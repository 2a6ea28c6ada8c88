import type { ReactNode } from 'react';

const tones = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  warning: 'bg-amber-50 text-amber-900 ring-amber-300',
  danger: 'bg-red-50 text-red-800 ring-red-300',
  muted: 'bg-slate-200 text-slate-700 ring-slate-300',
  outline: 'bg-white text-slate-700 ring-slate-300',
} as const;

export type BadgeTone = keyof typeof tones;

/** A short state or label in a pill; `srLabel` says to screen readers what the word is. */
export function Badge({
  tone = 'neutral',
  srLabel,
  children,
}: {
  tone?: BadgeTone;
  srLabel?: string;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${tones[tone]}`}
    >
      {srLabel && <span className="sr-only">{srLabel}: </span>}
      {children}
    </span>
  );
}
