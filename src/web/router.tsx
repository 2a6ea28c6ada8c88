import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Link,
  Outlet,
} from '@tanstack/react-router';
import { AccountSettings } from './features/accounts/account-settings.tsx';
import { AuthLayout } from './features/accounts/auth-layout.tsx';
import { BusinessSettings } from './features/accounts/business-settings.tsx';
import { InvitationPage } from './features/accounts/invitation.tsx';
import { Landing } from './features/accounts/landing.tsx';
import { Overview } from './features/accounts/overview.tsx';
import { ForgotPassword, ResetPassword } from './features/accounts/password-reset.tsx';
import { SignIn } from './features/accounts/sign-in.tsx';
import { SignUp } from './features/accounts/sign-up.tsx';
import { Team } from './features/accounts/team.tsx';
import { Mailbox } from './features/admin/mailbox.tsx';
import { SECTIONS, type Section } from './features/audit/sections.ts';
import { JobBoard } from './features/jobs/board.tsx';
import { validateBoardSearch } from './features/jobs/board-queries.ts';
import { JobListPage, validateJobListSearch } from './features/jobs/job-list.tsx';
import { PublicJobPage } from './features/jobs/public-job.tsx';
import { validateNotificationsSearch } from './features/notifications/notification-format.ts';
import { AppShell } from './shell.tsx';
import { RouteError } from './ui/error-boundary.tsx';

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

function NotFound() {
  return (
    <AuthLayout title="Page not found">
      <p className="text-sm text-slate-700">
        There is nothing at this address.{' '}
        <Link to="/" className="text-brand-700 underline">
          Go to the start page
        </Link>
      </p>
    </AuthLayout>
  );
}

const root = createRootRoute({ component: Outlet, notFoundComponent: NotFound });

const landing = createRoute({ getParentRoute: () => root, path: '/', component: Landing });
const signUp = createRoute({
  getParentRoute: () => root,
  path: '/sign-up',
  validateSearch: (
    s: Record<string, unknown>,
  ): { email?: string; next?: string; as?: 'professional' | 'business' } => ({
    email: str(s.email),
    next: str(s.next),
    as: s.as === 'professional' || s.as === 'business' ? s.as : undefined,
  }),
  component: SignUp,
});
const signIn = createRoute({
  getParentRoute: () => root,
  path: '/sign-in',
  validateSearch: (
    s: Record<string, unknown>,
  ): { email?: string; next?: string; reset?: boolean } => ({
    email: str(s.email),
    next: str(s.next),
    reset: s.reset === true || s.reset === 'true' ? true : undefined,
  }),
  component: SignIn,
});
const forgotPassword = createRoute({
  getParentRoute: () => root,
  path: '/forgot-password',
  component: ForgotPassword,
});
const resetPassword = createRoute({
  getParentRoute: () => root,
  path: '/reset-password',
  validateSearch: (s: Record<string, unknown>): { token?: string; error?: string } => ({
    token: str(s.token),
    error: str(s.error),
  }),
  component: ResetPassword,
});
const invitation = createRoute({
  getParentRoute: () => root,
  path: '/invitations/$token',
  component: InvitationPage,
});
// The job board and a job's page are public: no sign-in, their own light frame.
const jobBoard = createRoute({
  getParentRoute: () => root,
  path: '/jobs',
  validateSearch: validateBoardSearch,
  component: JobBoard,
});
const publicJob = createRoute({
  getParentRoute: () => root,
  path: '/jobs/$jobId',
  component: PublicJobPage,
});

const shell = createRoute({ getParentRoute: () => root, id: 'shell', component: AppShell });
const overview = createRoute({ getParentRoute: () => shell, path: '/app', component: Overview });
const accountSettings = createRoute({
  getParentRoute: () => shell,
  path: '/app/settings',
  component: AccountSettings,
});
const businessSettings = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/settings',
  component: BusinessSettings,
});
const team = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/team',
  component: Team,
});
const audit = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/audit',
  validateSearch: (s: Record<string, unknown>): { section?: Section } => ({
    section: SECTIONS.find((x) => x === s.section),
  }),
  // The audit pages carry the charting library; they load when first opened.
  component: lazyRouteComponent(() => import('./features/audit/audit-page.tsx'), 'AuditPage'),
});
const pastAudit = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/audits/$auditId',
  component: lazyRouteComponent(() => import('./features/audit/audit-page.tsx'), 'PastAuditPage'),
});
const jobList = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs',
  validateSearch: validateJobListSearch,
  component: JobListPage,
});
// The job editor carries react-hook-form, markdown-it and the checker: loaded when first opened.
const newJob = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/new',
  validateSearch: (s: Record<string, unknown>): { draftId?: string } => ({
    draftId: str(s.draftId),
  }),
  component: lazyRouteComponent(() => import('./features/jobs/new-job.tsx'), 'NewJobPage'),
});
const jobEditor = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId',
  component: lazyRouteComponent(() => import('./features/jobs/editor.tsx'), 'JobEditorPage'),
});
const jobVersions = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/versions',
  component: lazyRouteComponent(() => import('./features/jobs/versions.tsx'), 'JobVersionsPage'),
});
const mailbox = createRoute({
  getParentRoute: () => shell,
  path: '/admin/mailbox',
  component: Mailbox,
});

const catalog = createRoute({
  getParentRoute: () => shell,
  path: '/admin/catalog',
  // Admin-only, so it loads when first opened rather than with every page.
  component: lazyRouteComponent(() => import('./features/admin/catalog.tsx'), 'CatalogPage'),
});
const templates = createRoute({
  getParentRoute: () => shell,
  path: '/admin/templates',
  component: lazyRouteComponent(() => import('./features/admin/templates.tsx'), 'TemplatesPage'),
});
// Notifications: the page the bell opens, and the person's choices per type.
const notifications = createRoute({
  getParentRoute: () => shell,
  path: '/notifications',
  validateSearch: validateNotificationsSearch,
  component: lazyRouteComponent(
    () => import('./features/notifications/notifications-page.tsx'),
    'NotificationsPage',
  ),
});
const notificationPreferences = createRoute({
  getParentRoute: () => shell,
  path: '/settings/notifications',
  component: lazyRouteComponent(
    () => import('./features/notifications/preferences-page.tsx'),
    'NotificationPreferencesPage',
  ),
});

// Talent — pool: the private pool, saved lists, and the join page an invited person opens.
const pool = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/pool',
  component: lazyRouteComponent(() => import('./features/pool/pool-page.tsx'), 'PoolPage'),
});
const savedLists = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/lists',
  component: lazyRouteComponent(() => import('./features/pool/lists-page.tsx'), 'ListsPage'),
});
const savedList = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/lists/$listId',
  component: lazyRouteComponent(() => import('./features/pool/lists-page.tsx'), 'ListPage'),
});
const joinPool = createRoute({
  getParentRoute: () => root,
  path: '/join/$token',
  component: lazyRouteComponent(() => import('./features/pool/join-page.tsx'), 'JoinPage'),
});

const routeTree = root.addChildren([
  landing,
  signUp,
  signIn,
  forgotPassword,
  resetPassword,
  invitation,
  jobBoard,
  publicJob,
  joinPool,
  shell.addChildren([
    overview,
    accountSettings,
    businessSettings,
    team,
    audit,
    pastAudit,
    jobList,
    newJob,
    jobEditor,
    jobVersions,
    mailbox,
    catalog,
    templates,
    notifications,
    notificationPreferences,
    pool,
    savedLists,
    savedList,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  // Every route: a page that throws shows a message and "Try again", not a blank screen.
  defaultErrorComponent: RouteError,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
