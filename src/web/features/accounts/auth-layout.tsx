import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { MAIN_ID, SkipLink } from '../../ui/skip-link.tsx';

export function Logo() {
  return (
    <Link to="/" className="inline-flex items-center gap-2 font-semibold text-slate-900">
      <img src="/favicon.svg" alt="" className="h-7 w-7" />
      <span>Handoff</span>
    </Link>
  );
}

/** The narrow centred page of sign-in, sign-up and password forms. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-10">
      <SkipLink />
      <Logo />
      <main id={MAIN_ID} tabIndex={-1} className="mt-8 w-full max-w-md focus:outline-none">
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          {subtitle && <p className="mt-1 text-sm text-slate-600">{subtitle}</p>}
          <div className="mt-6">{children}</div>
        </div>
        {footer && <div className="mt-4 text-center text-sm text-slate-600">{footer}</div>}
      </main>
    </div>
  );
}
