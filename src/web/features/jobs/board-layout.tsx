import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, type ReactNode } from 'react';
import { browserTimeZone } from '../../format.ts';
import { Logo } from '../accounts/auth-layout.tsx';
import { useMe } from '../../hooks.ts';
import { useFallbackTimeZone } from '../../page-data.ts';
import { MAIN_ID, SkipLink } from '../../ui/skip-link.tsx';

const DEFAULT_TITLE = 'Handoff — hand off work, keep control';

/** Sets the tab's title while the page is shown, and puts the default back after. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (!title) return;
    document.title = title;
    return () => {
      document.title = DEFAULT_TITLE;
    };
  }, [title]);
}

/**
 * Who is looking at a public page: the signed-in person's time zone and currency, else the
 * browser's zone and US dollars (the API's default currency for budget filters).
 */
export function useViewer() {
  const me = useMe();
  const user = me.data?.user;
  // The server renders these pages without knowing the browser's zone (page-data.ts).
  const fallbackZone = useFallbackTimeZone(browserTimeZone);
  return {
    me,
    signedIn: Boolean(user),
    timeZone: user?.timeZone ?? fallbackZone,
    currency: user?.currency ?? 'USD',
  };
}

const pill = 'rounded-md px-3 py-2 font-medium whitespace-nowrap';

/**
 * The frame of the public pages (job board, job page): the landing page's light header, whether
 * or not someone is signed in, with the way into the app or into an account.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { me, signedIn } = useViewer();
  // Signing in from here comes back here.
  const here = useRouterState({ select: (s) => s.location.href });
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-4">
          <div className="flex min-w-0 items-center gap-2 sm:gap-4">
            <Logo />
            <Link
              to="/jobs"
              className="rounded-md px-2 py-1 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100"
              activeOptions={{ exact: true, includeSearch: false }}
              activeProps={{ className: 'font-medium text-brand-800', 'aria-current': 'page' }}
            >
              Job board
            </Link>
          </div>
          {/* Nothing until the session is known, so a signed-in person never sees "Sign in" flash. */}
          <nav className="flex items-center gap-1 text-sm" aria-label="Account">
            {me.isPending ? null : signedIn ? (
              <Link to="/app" className={`${pill} bg-brand-700 text-white hover:bg-brand-800`}>
                Open Handoff
              </Link>
            ) : (
              <>
                <Link
                  to="/sign-in"
                  search={{ next: here }}
                  className={`${pill} text-slate-700 hover:bg-slate-100`}
                >
                  Sign in
                </Link>
                <Link
                  to="/sign-up"
                  className={`${pill} bg-brand-700 text-white hover:bg-brand-800`}
                >
                  Create an account
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:py-8"
      >
        {children}
      </main>
      <footer className="mx-auto w-full max-w-6xl px-4 py-8 text-sm text-slate-600">
        Handoff is open source and self-hostable.{' '}
        <a className="underline" href="/api/docs">
          API reference
        </a>
      </footer>
    </div>
  );
}
