import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import {
  Bookmark,
  Briefcase,
  BookUser,
  Building2,
  ClipboardList,
  FileStack,
  Inbox,
  LayoutDashboard,
  LogOut,
  Menu,
  Search,
  Settings,
  Tags,
  UserRound,
  FileSignature,
  Users,
  UserSearch,
  X,
  Handshake,
  Store,
  ThumbsUp,
  Send,
} from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { authClient } from './auth-client.ts';
import { Logo } from './features/accounts/auth-layout.tsx';
import { NotificationBell } from './features/notifications/bell.tsx';
import { useNotificationStream } from './features/notifications/use-notification-stream.ts';
import { useMe } from './hooks.ts';
import { ErrorBoundary } from './ui/error-boundary.tsx';
import { roleCan } from '../core/roles.ts';
import { Alert, Loading } from './ui/feedback.tsx';
import { errorMessage } from './api.ts';
import { MAIN_ID, SkipLink } from './ui/skip-link.tsx';

function NavItem({
  to,
  params,
  search,
  icon,
  children,
}: {
  to: string;
  params?: Record<string, string>;
  search?: Record<string, string>;
  icon: ReactNode;
  children: ReactNode;
}) {
  return (
    <Link
      to={to}
      params={params}
      search={search}
      activeOptions={{ exact: true }}
      className="flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
      activeProps={{ className: 'bg-brand-50 font-medium text-brand-800', 'aria-current': 'page' }}
    >
      {icon}
      {children}
    </Link>
  );
}

function NavGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="mt-5">
      <p className="px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</p>
      <div className="mt-1 space-y-0.5">{children}</div>
    </div>
  );
}

/** The signed-in frame: navigation for the person's roles (business, professional, admin) and the page. */
export function AppShell() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useRouterState({ select: (s) => s.location });
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useNotificationStream(me.data?.user.id);

  useEffect(() => setMenuOpen(false), [location.pathname]);
  // Escape closes the phone menu from anywhere in it, and focus goes back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  // Signed out (and not merely refetching a stale answer): go to sign-in, then come back here.
  const signedOut = me.data === null && !me.isFetching;
  useEffect(() => {
    if (signedOut)
      void navigate({ to: '/sign-in', search: { next: location.href }, replace: true });
    // Only the change to signed-out triggers this; the location is read at that moment.
  }, [signedOut]);

  if (me.isError) {
    return (
      <div className="mx-auto max-w-md px-4 py-16">
        <Alert>
          Handoff could not load your account ({errorMessage(me.error)}).{' '}
          <button type="button" className="underline" onClick={() => void me.refetch()}>
            Try again
          </button>
        </Alert>
      </div>
    );
  }
  if (me.isPending || !me.data) return <Loading />;
  const { user, memberships, professionalProfile } = me.data;

  async function signOut() {
    await authClient.signOut();
    queryClient.clear();
    await navigate({ to: '/' });
  }

  const nav = (
    <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 pb-4">
      <div className="space-y-0.5">
        <NavItem to="/app" icon={<LayoutDashboard size={16} aria-hidden />}>
          Overview
        </NavItem>
        <NavItem to="/jobs" icon={<Search size={16} aria-hidden />}>
          Job board
        </NavItem>
      </div>
      {memberships.map((m) => (
        <NavGroup key={m.businessId} label={m.businessName}>
          <NavItem
            to="/app/businesses/$businessId/jobs"
            params={{ businessId: m.businessId }}
            icon={<Briefcase size={16} aria-hidden />}
          >
            Jobs
          </NavItem>
          {/* Talent — directory */}
          <NavItem
            to="/pros"
            search={{ business: m.businessId }}
            icon={<UserSearch size={16} aria-hidden />}
          >
            Find talent
          </NavItem>
          {roleCan(m.role, 'audit.manage') && (
            <NavItem
              to="/app/businesses/$businessId/audit"
              params={{ businessId: m.businessId }}
              icon={<ClipboardList size={16} aria-hidden />}
            >
              Operations audit
            </NavItem>
          )}
          {/* Talent — pool */}
          <NavItem
            to="/app/businesses/$businessId/pool"
            params={{ businessId: m.businessId }}
            icon={<BookUser size={16} aria-hidden />}
          >
            Pool
          </NavItem>
          <NavItem
            to="/app/businesses/$businessId/colleagues"
            params={{ businessId: m.businessId }}
            icon={<Handshake size={16} aria-hidden />}
          >
            Colleagues
          </NavItem>
          <NavItem
            to="/app/businesses/$businessId/team"
            params={{ businessId: m.businessId }}
            icon={<Users size={16} aria-hidden />}
          >
            Team
          </NavItem>
          <NavItem
            to="/app/businesses/$businessId/settings"
            params={{ businessId: m.businessId }}
            icon={<Building2 size={16} aria-hidden />}
          >
            Business settings
          </NavItem>
        </NavGroup>
      ))}
      {user.isAdmin && (
        <NavGroup label="Admin">
          <NavItem to="/admin/mailbox" icon={<Inbox size={16} aria-hidden />}>
            Mailbox
          </NavItem>
          <NavItem to="/admin/catalog" icon={<Tags size={16} aria-hidden />}>
            Categories & rates
          </NavItem>
          <NavItem to="/admin/templates" icon={<FileStack size={16} aria-hidden />}>
            Job templates
          </NavItem>
          <NavItem to="/admin/listings" icon={<Store size={16} aria-hidden />}>
            Business listings
          </NavItem>
        </NavGroup>
      )}
      <NavGroup label="You">
        {professionalProfile && (
          <>
            <NavItem to="/app/profile" icon={<UserRound size={16} aria-hidden />}>
              Profile
            </NavItem>
            {/* Hiring — bids */}
            <NavItem to="/app/bids" icon={<Send size={16} aria-hidden />}>
              Bids
            </NavItem>
            <NavItem to="/app/saved-jobs" icon={<Bookmark size={16} aria-hidden />}>
              Saved jobs
            </NavItem>
            <NavItem to="/app/recommendations" icon={<ThumbsUp size={16} aria-hidden />}>
              Recommendations
            </NavItem>
            <NavItem to="/app/listing" icon={<Store size={16} aria-hidden />}>
              Business listing
            </NavItem>
            {/* Hiring — award: offers made to the professional and their contracts */}
            <NavItem to="/app/contracts" icon={<FileSignature size={16} aria-hidden />}>
              Contracts
            </NavItem>
          </>
        )}
        <NavItem to="/app/settings" icon={<Settings size={16} aria-hidden />}>
          Account settings
        </NavItem>
      </NavGroup>
    </nav>
  );

  const identity = (
    <div className="border-t border-slate-200 px-4 py-3">
      <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
      <p className="truncate text-xs text-slate-600">
        {user.email}
        {professionalProfile ? ' · professional' : ''}
      </p>
      <button
        type="button"
        onClick={signOut}
        className="mt-2 inline-flex items-center gap-1.5 text-sm text-slate-700 hover:text-slate-900"
      >
        <LogOut size={14} aria-hidden /> Sign out
      </button>
    </div>
  );

  return (
    <div className="min-h-screen lg:flex">
      <SkipLink />
      <aside className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white lg:flex lg:h-screen lg:sticky lg:top-0">
        <div className="flex items-center justify-between gap-2 px-5 py-4">
          <Logo />
          <NotificationBell />
        </div>
        {nav}
        {identity}
      </aside>
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <Logo />
        <div className="flex items-center gap-1">
          <NotificationBell />
          <button
            ref={menuButton}
            type="button"
            aria-expanded={menuOpen}
            aria-controls="mobile-nav"
            onClick={() => setMenuOpen((o) => !o)}
            className="rounded-md p-2 text-slate-700 hover:bg-slate-100"
          >
            {menuOpen ? <X size={20} aria-hidden /> : <Menu size={20} aria-hidden />}
            <span className="sr-only">{menuOpen ? 'Close menu' : 'Open menu'}</span>
          </button>
        </div>
      </div>
      {menuOpen && (
        <div id="mobile-nav" className="border-b border-slate-200 bg-white pt-3 lg:hidden">
          {nav}
          {identity}
        </div>
      )}
      <main
        id={MAIN_ID}
        tabIndex={-1}
        className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-8 sm:py-8"
      >
        <div className="mx-auto max-w-4xl">
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
