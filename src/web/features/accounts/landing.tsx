import { Link } from '@tanstack/react-router';
import { Logo } from './auth-layout.tsx';
import { useMe } from '../../hooks.ts';
import { MAIN_ID, SkipLink } from '../../ui/skip-link.tsx';

const stages = [
  [
    'Find what to hand off',
    'Log a month of your own work; Handoff ranks the tasks worth outsourcing and what they cost you.',
  ],
  [
    'Write requirements that leave nothing to guess',
    'A short brief to bid on, a full confidential specification, and a checker that flags vague words and missing criteria.',
  ],
  [
    'Find and vet the right person',
    'A directory, a job board, word of mouth and people you found elsewhere; NDAs, paid trials and interviews.',
  ],
  [
    'Track the work without micromanaging',
    'Time, meetings, issues, messages, files and progress reports, with every contract’s health at a glance.',
  ],
  [
    'Check quality before you pay',
    'Review against the acceptance criteria — yourself or with a hired QA reviewer — then release escrow.',
  ],
  [
    'Keep the good people',
    'Two-way reviews and a bench of trusted professionals you can rehire in one click.',
  ],
];

export function Landing() {
  const me = useMe();
  const signedIn = Boolean(me.data);
  return (
    <div className="min-h-screen">
      <SkipLink />
      <header className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-5">
        <div className="flex items-center gap-2 sm:gap-4">
          <Logo />
          <Link
            to="/jobs"
            className="rounded-md px-2 py-1 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100"
          >
            Job board
          </Link>
        </div>
        <nav className="flex items-center gap-2 text-sm" aria-label="Account">
          {signedIn ? (
            <Link
              to="/app"
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              Open your dashboard
            </Link>
          ) : (
            <>
              <Link
                to="/sign-in"
                className="rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100"
              >
                Sign in
              </Link>
              <Link
                to="/sign-up"
                className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
              >
                Create an account
              </Link>
            </>
          )}
        </nav>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="focus:outline-none">
        <section className="mx-auto max-w-5xl px-4 pt-10 pb-14 sm:pt-16">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">
            Micro-outsourcing for small businesses
          </p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
            More work than hours? Hand it off — and keep control.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-slate-700">
            Handoff carries a small-business owner through the whole journey of handing work to
            outside professionals: deciding what to hand off, writing requirements, hiring,
            tracking, checking quality and paying — in one place, as a public marketplace or your
            own private workspace.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              to="/sign-up"
              className="rounded-md bg-brand-700 px-5 py-3 font-medium text-white hover:bg-brand-800"
            >
              I have work to hand off
            </Link>
            <Link
              to="/sign-up"
              search={{ as: 'professional' }}
              className="rounded-md bg-white px-5 py-3 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              I’m a professional looking for work
            </Link>
          </div>
          <p className="mt-5 text-slate-700">
            Or see what businesses hand off today:{' '}
            <Link to="/jobs" className="font-medium text-brand-800 underline">
              browse the job board
            </Link>
            , no account needed.
          </p>
        </section>
        <section aria-labelledby="journey" className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-14">
            <h2 id="journey" className="text-2xl font-semibold text-slate-900">
              The whole journey, one place
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {stages.map(([title, text], i) => (
                <li key={title} className="rounded-lg p-5 ring-1 ring-slate-200">
                  <span className="text-sm font-semibold text-brand-700">Step {i + 1}</span>
                  <h3 className="mt-1 font-semibold text-slate-900">{title}</h3>
                  <p className="mt-2 text-sm text-slate-700">{text}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-slate-600">
        Handoff is open source and self-hostable.{' '}
        <a className="underline" href="/api/docs">
          API reference
        </a>
      </footer>
    </div>
  );
}
