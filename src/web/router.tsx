import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Link,
  notFound,
  Outlet,
  type RouterHistory,
} from '@tanstack/react-router';
import { isUuid } from '../core/pages.ts';
import { JOB_STATUSES, type JobStatus } from '../core/jobs.ts';
import { AuthLayout } from './features/accounts/auth-layout.tsx';
import { Landing } from './features/accounts/landing.tsx';
import { SECTIONS, type Section } from './features/audit/sections.ts';
import { JobBoard } from './features/jobs/board.tsx';
// Talent — directory
import { Directory } from './features/directory/directory.tsx';
import { validateDirectorySearch } from './features/directory/directory-queries.ts';
import { validateBoardSearch } from './features/jobs/board-queries.ts';
import { PublicJobPage } from './features/jobs/public-job.tsx';
import type { NotificationsSearch } from './features/notifications/notification-format.ts';
import { RouteError } from './ui/error-boundary.tsx';
import { serverSaysNotFound } from './page-hints.ts';

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

const root = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFound,
  // The server answered this address 404 (a job this visitor may not read, for one): show the
  // not-found page at once, without asking the API and logging its 404.
  beforeLoad: ({ location }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's own signal
    if (serverSaysNotFound(location.pathname)) throw notFound();
  },
});

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
  component: lazyRouteComponent(() => import('./features/accounts/sign-up.tsx'), 'SignUp'),
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
  component: lazyRouteComponent(() => import('./features/accounts/sign-in.tsx'), 'SignIn'),
});
const forgotPassword = createRoute({
  getParentRoute: () => root,
  path: '/forgot-password',
  component: lazyRouteComponent(
    () => import('./features/accounts/password-reset.tsx'),
    'ForgotPassword',
  ),
});
const resetPassword = createRoute({
  getParentRoute: () => root,
  path: '/reset-password',
  validateSearch: (s: Record<string, unknown>): { token?: string; error?: string } => ({
    token: str(s.token),
    error: str(s.error),
  }),
  component: lazyRouteComponent(
    () => import('./features/accounts/password-reset.tsx'),
    'ResetPassword',
  ),
});
const invitation = createRoute({
  getParentRoute: () => root,
  path: '/invitations/$token',
  component: lazyRouteComponent(
    () => import('./features/accounts/invitation.tsx'),
    'InvitationPage',
  ),
});
// The job board and a job's page are public: no sign-in, their own light frame.
const jobBoard = createRoute({
  getParentRoute: () => root,
  path: '/jobs',
  validateSearch: validateBoardSearch,
  component: JobBoard,
});
// Talent — directory: public on a marketplace, its filters in the address.
const directory = createRoute({
  getParentRoute: () => root,
  path: '/pros',
  validateSearch: validateDirectorySearch,
  component: Directory,
});
const publicJob = createRoute({
  getParentRoute: () => root,
  path: '/jobs/$jobId',
  // A job's address holds its id; anything else is no job (not "params.jobId: Invalid UUID").
  beforeLoad: ({ params }) => {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the router's own signal
    if (!isUuid(params.jobId)) throw notFound();
  },
  component: PublicJobPage,
});

// Talent: profiles — a professional's public page, and their editor (inside the app).
const publicProfile = createRoute({
  getParentRoute: () => root,
  path: '/pros/$slug',
  component: lazyRouteComponent(
    () => import('./features/profiles/public-profile.tsx'),
    'PublicProfilePage',
  ),
});

const shell = createRoute({
  getParentRoute: () => root,
  id: 'shell',
  component: lazyRouteComponent(() => import('./shell.tsx'), 'AppShell'),
});
const overview = createRoute({
  getParentRoute: () => shell,
  path: '/app',
  component: lazyRouteComponent(() => import('./features/accounts/overview.tsx'), 'Overview'),
});
const accountSettings = createRoute({
  getParentRoute: () => shell,
  path: '/app/settings',
  component: lazyRouteComponent(
    () => import('./features/accounts/account-settings.tsx'),
    'AccountSettings',
  ),
});
const businessSettings = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/settings',
  component: lazyRouteComponent(
    () => import('./features/accounts/business-settings.tsx'),
    'BusinessSettings',
  ),
});
const team = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/team',
  component: lazyRouteComponent(() => import('./features/accounts/team.tsx'), 'Team'),
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
  // The status tab, kept in the address.
  validateSearch: (s: Record<string, unknown>): { status?: JobStatus } => ({
    status: JOB_STATUSES.find((x) => x === s.status),
  }),
  component: lazyRouteComponent(() => import('./features/jobs/job-list.tsx'), 'JobListPage'),
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
const profileEditor = createRoute({
  getParentRoute: () => shell,
  path: '/app/profile',
  component: lazyRouteComponent(
    () => import('./features/profiles/profile-editor.tsx'),
    'ProfileEditorPage',
  ),
});
const mailbox = createRoute({
  getParentRoute: () => shell,
  path: '/admin/mailbox',
  component: lazyRouteComponent(() => import('./features/admin/mailbox.tsx'), 'Mailbox'),
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
  // Inline rather than notification-format's twin: that module brings zod into every page.
  validateSearch: (s: Record<string, unknown>): NotificationsSearch =>
    s.show === 'unread' ? { show: 'unread' } : {},
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

// Talent — network: listings, colleagues, recommendations (pages load when first opened).
const recommend = createRoute({
  getParentRoute: () => root,
  path: '/recommend/$token',
  component: lazyRouteComponent(
    () => import('./features/network/answer-request.tsx'),
    'AnswerRequestPage',
  ),
});
const myListing = createRoute({
  getParentRoute: () => shell,
  path: '/app/listing',
  component: lazyRouteComponent(() => import('./features/network/my-listing.tsx'), 'MyListingPage'),
});
const myRecommendations = createRoute({
  getParentRoute: () => shell,
  path: '/app/recommendations',
  component: lazyRouteComponent(
    () => import('./features/network/my-recommendations.tsx'),
    'MyRecommendationsPage',
  ),
});
const colleagues = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/colleagues',
  component: lazyRouteComponent(
    () => import('./features/network/colleagues.tsx'),
    'ColleaguesPage',
  ),
});
const professionalRecommendations = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/recommendations/$userId',
  component: lazyRouteComponent(
    () => import('./features/network/professional-recommendations.tsx'),
    'ProfessionalRecommendationsPage',
  ),
});
const listingQueue = createRoute({
  getParentRoute: () => shell,
  path: '/admin/listings',
  component: lazyRouteComponent(
    () => import('./features/network/admin-listings.tsx'),
    'ListingQueuePage',
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
// Hiring — trials: the business's trials of a job, and a professional's own trial.
const jobTrials = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/trials',
  component: lazyRouteComponent(() => import('./features/trials/job-trials.tsx'), 'JobTrialsPage'),
});
const myTrials = createRoute({
  getParentRoute: () => shell,
  path: '/app/trials',
  component: lazyRouteComponent(() => import('./features/trials/my-trials.tsx'), 'MyTrialsPage'),
});
const myTrial = createRoute({
  getParentRoute: () => shell,
  path: '/app/trials/$trialId',
  component: lazyRouteComponent(() => import('./features/trials/my-trial.tsx'), 'MyTrialPage'),
});
// Hiring — shortlist: a job's scored bids, the comparison, decline templates.
const jobBids = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/bids',
  component: lazyRouteComponent(() => import('./features/shortlist/bids-page.tsx'), 'BidsPage'),
});
const compareBids = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/compare',
  // Ids are checked by the server (2–5 uuids, this job's); the page only carries them along.
  validateSearch: (s: Record<string, unknown>): { bids?: string } => ({ bids: str(s.bids) }),
  component: lazyRouteComponent(
    () => import('./features/shortlist/compare-page.tsx'),
    'ComparePage',
  ),
});
const declineTemplates = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/decline-templates',
  component: lazyRouteComponent(
    () => import('./features/shortlist/templates-page.tsx'),
    'DeclineTemplatesPage',
  ),
});

// Hiring — interviews and award (pages load when first opened).
const proposeInterview = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/bids/$bidId/interview',
  component: lazyRouteComponent(
    () => import('./features/interviews/propose-interview.tsx'),
    'ProposeInterviewPage',
  ),
});
const jobInterviews = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/interviews',
  component: lazyRouteComponent(
    () => import('./features/interviews/job-interviews.tsx'),
    'JobInterviewsPage',
  ),
});
const myInterview = createRoute({
  getParentRoute: () => shell,
  path: '/app/interviews/$interviewId',
  component: lazyRouteComponent(
    () => import('./features/interviews/interview-page.tsx'),
    'InterviewPage',
  ),
});
const awardBid = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/bids/$bidId/award',
  component: lazyRouteComponent(() => import('./features/contracts/award-form.tsx'), 'AwardPage'),
});
const contractPage = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId',
  component: lazyRouteComponent(
    () => import('./features/contracts/contract-page.tsx'),
    'ContractPage',
  ),
});
// The contract workspace's tabs (issue 12), each its feature's lazy page inside ContractFrame.
const contractTime = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/time',
  component: lazyRouteComponent(() => import('./features/time/time-page.tsx'), 'TimePage'),
});
const contractMeetings = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/meetings',
  component: lazyRouteComponent(
    () => import('./features/meetings/meetings-page.tsx'),
    'MeetingsPage',
  ),
});
const contractIssues = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/issues',
  component: lazyRouteComponent(
    () => import('./features/work-issues/issues-page.tsx'),
    'IssuesPage',
  ),
});
// Work — one of the contract's issues (issue 12, item 4)
const contractIssue = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/issues/$number',
  component: lazyRouteComponent(() => import('./features/work-issues/issue-page.tsx'), 'IssuePage'),
});
const contractMessages = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/messages',
  component: lazyRouteComponent(
    () => import('./features/messages/messages-page.tsx'),
    'MessagesPage',
  ),
});
const contractFiles = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/files',
  component: lazyRouteComponent(
    () => import('./features/contract-files/files-page.tsx'),
    'FilesPage',
  ),
});
const contractReports = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts/$contractId/reports',
  component: lazyRouteComponent(() => import('./features/reports/reports-page.tsx'), 'ReportsPage'),
});
const myContracts = createRoute({
  getParentRoute: () => shell,
  path: '/app/contracts',
  component: lazyRouteComponent(
    () => import('./features/contracts/contract-lists.tsx'),
    'MyContractsPage',
  ),
});
const businessContracts = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/contracts',
  component: lazyRouteComponent(
    () => import('./features/contracts/contract-lists.tsx'),
    'BusinessContractsPage',
  ),
});

// Hiring — NDAs: templates, a job's NDAs, a professional's NDA and specification (lazy pages).
const ndaTemplates = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/ndas',
  component: lazyRouteComponent(
    () => import('./features/ndas/templates-page.tsx'),
    'NdaTemplatesPage',
  ),
});
const jobNdas = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/ndas',
  component: lazyRouteComponent(() => import('./features/ndas/job-ndas-page.tsx'), 'JobNdasPage'),
});
const signNda = createRoute({
  getParentRoute: () => shell,
  path: '/app/jobs/$jobId/nda',
  component: lazyRouteComponent(() => import('./features/ndas/sign-nda-page.tsx'), 'SignNdaPage'),
});
const professionalSpec = createRoute({
  getParentRoute: () => shell,
  path: '/app/jobs/$jobId/spec',
  component: lazyRouteComponent(
    () => import('./features/ndas/spec-page.tsx'),
    'ProfessionalSpecPage',
  ),
});

// Hiring — bids (issue 11): a professional's bid form, their bids, saved jobs; the business's
// answers to questions on a job.
const bidForm = createRoute({
  getParentRoute: () => shell,
  path: '/app/jobs/$jobId/bid',
  component: lazyRouteComponent(() => import('./features/bids/bid-form.tsx'), 'BidFormPage'),
});
const myBids = createRoute({
  getParentRoute: () => shell,
  path: '/app/bids',
  component: lazyRouteComponent(() => import('./features/bids/my-bids.tsx'), 'MyBidsPage'),
});
const savedJobs = createRoute({
  getParentRoute: () => shell,
  path: '/app/saved-jobs',
  component: lazyRouteComponent(() => import('./features/bids/saved-jobs.tsx'), 'SavedJobsPage'),
});
const jobQuestions = createRoute({
  getParentRoute: () => shell,
  path: '/app/businesses/$businessId/jobs/$jobId/questions',
  component: lazyRouteComponent(
    () => import('./features/bids/job-questions.tsx'),
    'JobQuestionsPage',
  ),
});

const routeTree = root.addChildren([
  landing,
  signUp,
  signIn,
  forgotPassword,
  resetPassword,
  invitation,
  jobBoard,
  directory,
  publicJob,
  publicProfile,
  recommend,
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
    profileEditor,
    mailbox,
    catalog,
    templates,
    notifications,
    notificationPreferences,
    // Talent — network
    myListing,
    myRecommendations,
    colleagues,
    professionalRecommendations,
    listingQueue,
    pool,
    savedLists,
    savedList,
    // Hiring — trials
    jobTrials,
    myTrials,
    myTrial,
    // Hiring — shortlist
    jobBids,
    compareBids,
    declineTemplates,
    // Hiring — interviews and award
    proposeInterview,
    jobInterviews,
    myInterview,
    awardBid,
    contractPage,
    contractTime,
    contractMeetings,
    contractIssues,
    contractIssue,
    contractMessages,
    contractFiles,
    contractReports,
    myContracts,
    businessContracts,
    // Hiring — NDAs
    ndaTemplates,
    jobNdas,
    signNda,
    professionalSpec,
    // Hiring — bids
    bidForm,
    myBids,
    savedJobs,
    jobQuestions,
  ]),
]);

/**
 * The app's router. The browser makes one (main.tsx); the server makes one per page it renders,
 * at that page's address (`history`), so two visitors never share a router's state.
 */
export function createAppRouter(options: { history?: RouterHistory; isServer?: boolean } = {}) {
  return createRouter({
    routeTree,
    defaultPreload: 'intent',
    // Every route: a page that throws shows a message and "Try again", not a blank screen.
    defaultErrorComponent: RouteError,
    ...options,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
