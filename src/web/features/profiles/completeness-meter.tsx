import { CheckCircle2 } from 'lucide-react';
import type { MyProfile } from '../../../core/contracts/profiles.ts';

/** Takes the keyboard to a field named by the meter and shows it. */
export function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
}

/** How complete the profile is, and links that take you to each missing field. */
export function CompletenessMeter({ completeness }: { completeness: MyProfile['completeness'] }) {
  const { percent, missing } = completeness;
  return (
    <section
      aria-labelledby="completeness-title"
      className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex items-center justify-between gap-3">
        <h2 id="completeness-title" className="text-base font-semibold text-slate-900">
          Profile completeness
        </h2>
        <span className="text-sm font-semibold text-slate-900" data-testid="completeness-percent">
          {percent} %
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="completeness-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      {missing.length === 0 ? (
        <p className="mt-3 flex items-center gap-2 text-sm text-emerald-800">
          <CheckCircle2 size={16} aria-hidden /> Your profile is complete.
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-700">What is missing:</p>
          <ul className="mt-1 space-y-1 text-sm">
            {missing.map((m) => (
              <li key={m.key}>
                <a
                  href={`#${m.target}`}
                  className="text-brand-700 underline"
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(m.target);
                  }}
                >
                  {m.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
