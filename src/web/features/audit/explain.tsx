import { Download } from 'lucide-react';
import { Card } from '../../ui/layout.tsx';
import { auditPath } from './audit-queries.ts';

/** The score formula in plain words, from the same module that computes it (src/core/audit.ts). */
export function ScoreExplainedCard({ lines }: { lines: string[] }) {
  return (
    <Card title="How the score works">
      <p className="text-sm text-slate-700">
        Each task that is not core scores 0 to 100 — the higher, the better a candidate to hand off.
        The score adds three parts:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Card>
  );
}

const linkClass =
  'inline-flex items-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50';

/** CSV downloads of the entries and of the ranked candidates. */
export function ExportLinks({ businessId, auditId }: { businessId: string; auditId: string }) {
  const base = `/api/v1${auditPath(businessId, auditId)}`;
  return (
    <div className="flex flex-wrap gap-2">
      <a className={linkClass} href={`${base}/entries.csv`} download>
        <Download size={15} aria-hidden /> Entries (CSV)
      </a>
      <a className={linkClass} href={`${base}/candidates.csv`} download>
        <Download size={15} aria-hidden /> Candidates (CSV)
      </a>
    </div>
  );
}
