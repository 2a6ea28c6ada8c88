/**
 * An anonymous visitor's way into bidding on a job's page: sign up (as a professional) or sign
 * in, and come straight back. Part of the public job page's first load and of its server-rendered
 * HTML — it needs no data — so the page does not shift when the signed-in actions load.
 */
import { Link } from '@tanstack/react-router';

const linkButton =
  'inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium';
export const primaryLink = `${linkButton} bg-brand-700 text-white hover:bg-brand-800`;
export const secondaryLink = `${linkButton} bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50`;

export function AnonymousActions({ jobId }: { jobId: string }) {
  const next = `/jobs/${jobId}`;
  return (
    <section
      aria-label="Bid on this job"
      className="flex flex-wrap items-center gap-3 rounded-lg bg-brand-50 p-4 ring-1 ring-brand-100"
    >
      <p className="w-full text-sm text-slate-800 sm:w-auto sm:flex-1">
        Bidding is free. Create a professional account to bid, ask a question or save this job — you
        come straight back here.
      </p>
      <Link to="/sign-up" search={{ as: 'professional', next }} className={primaryLink}>
        Sign up to bid
      </Link>
      <Link to="/sign-in" search={{ next }} className={secondaryLink}>
        Sign in
      </Link>
    </section>
  );
}
