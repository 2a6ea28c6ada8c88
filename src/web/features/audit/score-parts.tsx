import type { CandidateView } from '../../../core/contracts/audit.ts';

/** The score's three parts, in the colours the bar and its legend share. */
export const PARTS = [
  { key: 'hours', label: 'hours', color: 'bg-brand-700', hex: '#0f766e' },
  { key: 'dislike', label: 'dislike', color: 'bg-amber-500', hex: '#f59e0b' },
  { key: 'nature', label: 'nature', color: 'bg-sky-700', hex: '#0369a1' },
] as const;

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** "hours 32 + dislike 22.5 + nature 30", the same numbers the bar draws. */
export const partsText = (parts: CandidateView['parts']) =>
  PARTS.map((p) => `${p.label} ${points(parts[p.key])}`).join(' + ');

/** The score as a number, a bar of its parts out of 100, and the parts in words. */
export function ScoreParts({ candidate }: { candidate: CandidateView }) {
  return (
    <div className="min-w-[8rem]">
      <p className="text-lg font-semibold text-slate-900 tabular-nums">
        {candidate.score}
        <span className="text-xs font-normal text-slate-600"> / 100</span>
      </p>
      <div className="mt-1 flex h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden>
        {PARTS.map((p) => (
          <span key={p.key} className={p.color} style={{ width: `${candidate.parts[p.key]}%` }} />
        ))}
      </div>
      <p className="mt-1 text-xs text-slate-600">{partsText(candidate.parts)}</p>
    </div>
  );
}

export function PartsLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Score parts">
      {PARTS.map((p) => (
        <li key={p.key} className="inline-flex items-center gap-1.5">
          <span className={`h-2.5 w-2.5 rounded-sm ${p.color}`} aria-hidden />
          {p.label}
        </li>
      ))}
    </ul>
  );
}
