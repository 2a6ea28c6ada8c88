/**
 * The JSON endpoints of /api/v1, each with the contract schemas of its path parameters, query,
 * body and success response. The web client (`src/web/api.ts`) takes its request and response
 * types from this map, so a call site never names (or asserts) a type of its own; a test
 * (`endpoints.test.ts`) checks every entry against the routes the server really registers.
 *
 * Keys are `METHOD path`, the path relative to /api/v1 with `:name` parameters as in the server's
 * routes. Streams (uploads, file downloads, CSV exports) are not JSON and stay out of the map.
 */
import { z } from 'zod';
// Work — time (issue 12)
import {
  CreateTimeEntrySchema,
  ReviewWeekSchema,
  RunningTimerSchema,
  StartContractTimerSchema,
  StoppedTimerSchema,
  TimeEntryParamsSchema,
  TimeEntrySchema,
  TimeParamsSchema,
  TimesheetQuerySchema,
  TimesheetSchema,
  TimeWeekParamsSchema,
  UpdateTimeEntrySchema,
} from './time.ts';
import {
  AcceptedInvitationSchema,
  ApiTokenParamsSchema,
  ApiTokenSchema,
  BusinessParamsSchema,
  BusinessSchema,
  CreateApiTokenSchema,
  CreateBusinessSchema,
  CreatedApiTokenSchema,
  CreateInvitationSchema,
  InvitationParamsSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  InvitationTokenParamsSchema,
  listOf,
  MemberParamsSchema,
  MemberSchema,
  MeSchema,
  MetaSchema,
  UpdateBusinessSchema,
  UpdateMemberSchema,
  UpdateMeSchema,
} from './accounts.ts';
import { MailboxPageSchema, MailboxQuerySchema } from './admin.ts';
import {
  DashboardSchema,
  ReportCommentInputSchema,
  ReportCommentSchema,
  ReportParamsSchema,
  ReportSchema,
  ReportSettingsInputSchema,
  ReportSettingsSchema,
  ReportsPageSchema,
  SubmitReportSchema,
} from './reports.ts';
import {
  AnswerQuestionSchema,
  AskQuestionSchema,
  BidAttachmentParamsSchema,
  BidParamsSchema,
  BidSchema,
  BusinessQuestionSchema,
  HubSchema,
  JobQuestionsSchema,
  JobViewerSchema,
  MyQuestionSchema,
  QuestionParamsSchema,
  SaveBidSchema,
  SavedJobSchema,
} from './bids.ts';
import {
  AuditEntrySchema,
  AuditParamsSchema,
  AuditSchema,
  AuditSummarySchema,
  AuditTaskSchema,
  BulkUpdateTasksSchema,
  CategoryParamsSchema,
  CategorySchema,
  CreateCategorySchema,
  CreateEntrySchema,
  CurrencyParamsSchema,
  CurrencyRateSchema,
  EntriesPageSchema,
  EntriesQuerySchema,
  EntryParamsSchema,
  JobDraftSchema,
  StartAuditSchema,
  StartTimerSchema,
  TaskParamsSchema,
  TimerSchema,
  UpdateAuditSchema,
  UpdateCategorySchema,
  UpdateCurrencyRateSchema,
  UpdateEntrySchema,
  UpdateTaskSchema,
} from './audit.ts';
import {
  BoardJobSchema,
  BoardPageSchema,
  BoardQuerySchema,
  BusinessAttachmentParamsSchema,
  BusinessJobParamsSchema,
  BusinessJobSchema,
  CreateJobSchema,
  DiffQuerySchema,
  InvitationParamsSchema as JobInvitationParamsSchema,
  InviteToJobSchema,
  JobInvitationListSchema,
  JobInvitationSentSchema,
  PendingInvitationParamsSchema,
  JobListQuerySchema,
  JobListSchema,
  JobParamsSchema,
  JobTemplateSchema,
  PublicJobSchema,
  PublishJobSchema,
  SkillQuerySchema,
  SkillSchema,
  SpecDiffSchema,
  SpecVersionSchema,
  SpecVersionSummarySchema,
  SpecViewSchema,
  TemplateParamsSchema,
  UpdateJobSchema,
  UpdateJobTemplateSchema,
  VersionParamsSchema,
} from './jobs.ts';
import { DirectoryPageSchema, DirectoryQuerySchema } from './directory.ts';
import {
  NotificationPageSchema,
  NotificationParamsSchema,
  NotificationPreferencesSchema,
  NotificationsQuerySchema,
  UnreadCountSchema,
  UpdateNotificationPreferencesSchema,
} from './notifications.ts';
import {
  ModerateProfileParamsSchema,
  ModerateProfileSchema,
  ModerationResultSchema,
  MyProfileSchema,
  ProfileFileParamsSchema,
  ProSlugParamsSchema,
  PublicProfileSchema,
  SaveProfileSchema,
} from './profiles.ts';
import {
  AnswerRecommendationRequestSchema,
  ApproveListingSchema,
  ConnectionListSchema,
  ConnectionParamsSchema,
  ConnectionRequestSentSchema,
  CreateRecommendationRequestSchema,
  ListingPageSchema,
  ListingParamsSchema,
  ListingQueueQuerySchema,
  ListingSchema,
  MyListingSchema,
  OwnListingSchema,
  ProfessionalParamsSchema,
  RecommendationRequestPreviewSchema,
  RecommendationRequestSchema,
  RecommendationRequestTokenParamsSchema,
  RecommendationSchema,
  RejectListingSchema,
  RequestConnectionSchema,
  SaveListingSchema,
  SaveRecommendationSchema,
  VisibleRecommendationsSchema,
} from './network.ts';
import {
  ContactAddedSchema,
  ContactParamsSchema,
  CreateContactSchema,
  InviteProfessionalToJobSchema,
  JoinedPoolSchema,
  ListItemParamsSchema,
  ListParamsSchema,
  PoolInvitationPreviewSchema,
  PoolQuerySchema,
  PoolTokenParamsSchema,
  PrivateNoteSchema,
  SavedListDetailSchema,
  SavedListQuerySchema,
  SavedListSchema,
  SaveListSchema,
  TalentContactSchema,
  UpdateContactSchema,
  UpdatePrivateNoteSchema,
} from './pool.ts';
// Hiring — trials
import {
  CreateTrialSchema,
  DeclineTrialSchema,
  MyTrialFileParamsSchema,
  MyTrialParamsSchema,
  MyTrialSchema,
  MyTrialSummarySchema,
  ScoreTrialSchema,
  SubmitTrialSchema,
  TrialCandidateSchema,
  TrialParamsSchema,
  TrialParticipantParamsSchema,
  TrialParticipantSchema,
  TrialSchema,
} from './trials.ts';
// Hiring — shortlist
import {
  BidDetailSchema,
  BidStateSchema,
  CompareQuerySchema,
  ComparisonSchema,
  DeclineBidSchema,
  DeclineTemplateParamsSchema,
  DeclineTemplateSchema,
  DeclineTemplatesSchema,
  SaveDeclineTemplateSchema,
  SaveShortlistSettingsSchema,
  SetHiddenSchema,
  ShortlistBidParamsSchema,
  ShortlistPageSchema,
  ShortlistParamsSchema,
  ShortlistSettingsSchema,
} from './shortlist.ts';
// Hiring — interviews and award
import {
  AskOtherTimesSchema,
  AssessInterviewSchema,
  BidInterviewParamsSchema,
  BookInterviewSchema,
  BusinessInterviewParamsSchema,
  BusinessInterviewSchema,
  CancelInterviewSchema,
  InterviewParamsSchema,
  MoveInterviewSchema,
  ProfessionalInterviewSchema,
  ProposeInterviewSchema,
  RescheduleInterviewSchema,
} from './interviews.ts';
import {
  AwardParamsSchema,
  AwardSchema,
  BusinessContractParamsSchema,
  ContractParamsSchema,
  ContractSchema,
  DeclineOfferSchema,
  OfferDraftSchema,
} from './offers.ts';
import {
  AmendmentParamsSchema,
  AmendmentSchema,
  AnswerAmendmentSchema,
  EndContractSchema,
  PauseContractSchema,
  ProposeAmendmentSchema,
} from './contract-changes.ts';
// Work — messages and files (issue 12, item 5)
import { ContractFileListSchema, ContractFileParamsSchema } from './contract-files.ts';
import {
  ContractMessageSchema,
  MarkReadSchema,
  MessagePageQuerySchema,
  MessagePageSchema,
  SendMessageSchema,
  MessagesUnreadSchema,
  UnreadListSchema,
} from './messages.ts';
// Contract workspace — meetings (issue 12)
import {
  ActionItemIssueResultSchema,
  ActionItemIssueSchema,
  BookMeetingSchema,
  CalendarFeedSchema,
  CalendarFeedStatusSchema,
  MeetingMinutesSchema,
  MeetingParamsSchema,
  MeetingPersonSchema,
  MeetingSchema,
  UpdateMeetingSchema,
} from './meetings.ts';
// Hiring — NDAs and the specification for professionals
import {
  AcknowledgeSpecSchema,
  CreateNdaTemplateSchema,
  JobIdParamsSchema,
  JobNdaOverviewSchema,
  JobNdaParamsSchema,
  JobNdaTemplateSchema,
  MyNdaSchema,
  NdaStateSchema,
  NdaTemplateListSchema,
  NdaTemplateParamsSchema,
  NdaTemplateSchema,
  ProfessionalNdaParamsSchema,
  ProfessionalSpecSchema,
  SignNdaSchema,
  SpecAcknowledgedSchema,
  UpdateNdaTemplateSchema,
} from './ndas.ts';

// Work — the contract's issues (issue 12, item 4)
import {
  CreateWorkIssueCommentSchema,
  CreateWorkIssueSchema,
  MoveWorkIssueSchema,
  UpdateWorkIssueSchema,
  WorkIssueBoardSchema,
  WorkIssueCommentSchema,
  WorkIssueDetailSchema,
  WorkIssueListQuerySchema,
  WorkIssueParamsSchema,
  WorkIssueSchema,
} from './work-issues.ts';
/** What one endpoint takes and answers; an absent part is not sent. */
export interface Endpoint {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success answer; `NoContentSchema` for a 204. */
  response: z.ZodType;
}

/** A 204: nothing in the body (the client resolves with null). */
export const NoContentSchema = z.null();

export const endpoints = {
  // Talent: profiles (uploads and file downloads are streams, outside the map)
  'GET /me/profile': { response: MyProfileSchema },
  'PUT /me/profile': { body: SaveProfileSchema, response: MyProfileSchema },
  'DELETE /me/profile/files/:fileId': {
    params: ProfileFileParamsSchema,
    response: NoContentSchema,
  },
  'GET /pros/:slug': { params: ProSlugParamsSchema, response: PublicProfileSchema },
  'PUT /admin/profiles/:userId/moderation': {
    params: ModerateProfileParamsSchema,
    body: ModerateProfileSchema,
    response: ModerationResultSchema,
  },

  // Accounts
  'GET /meta': { response: MetaSchema },
  'GET /me': { response: MeSchema },
  'PATCH /me': { body: UpdateMeSchema, response: MeSchema },
  'POST /me/professional-profile': { response: MeSchema },
  'POST /businesses': { body: CreateBusinessSchema, response: BusinessSchema },
  'GET /businesses/:businessId': { params: BusinessParamsSchema, response: BusinessSchema },
  'PATCH /businesses/:businessId': {
    params: BusinessParamsSchema,
    body: UpdateBusinessSchema,
    response: BusinessSchema,
  },
  'GET /businesses/:businessId/members': {
    params: BusinessParamsSchema,
    response: listOf(MemberSchema),
  },
  'PATCH /businesses/:businessId/members/:userId': {
    params: MemberParamsSchema,
    body: UpdateMemberSchema,
    response: NoContentSchema,
  },
  'DELETE /businesses/:businessId/members/:userId': {
    params: MemberParamsSchema,
    response: NoContentSchema,
  },
  'GET /businesses/:businessId/invitations': {
    params: BusinessParamsSchema,
    response: listOf(InvitationSchema),
  },
  'POST /businesses/:businessId/invitations': {
    params: BusinessParamsSchema,
    body: CreateInvitationSchema,
    response: InvitationSchema,
  },
  'DELETE /businesses/:businessId/invitations/:invitationId': {
    params: InvitationParamsSchema,
    response: NoContentSchema,
  },
  'GET /invitations/:token': {
    params: InvitationTokenParamsSchema,
    response: InvitationPreviewSchema,
  },
  'POST /invitations/:token/accept': {
    params: InvitationTokenParamsSchema,
    response: AcceptedInvitationSchema,
  },
  'GET /me/api-tokens': { response: listOf(ApiTokenSchema) },
  'POST /me/api-tokens': { body: CreateApiTokenSchema, response: CreatedApiTokenSchema },
  'DELETE /me/api-tokens/:tokenId': { params: ApiTokenParamsSchema, response: NoContentSchema },

  // Jobs: the business side
  'GET /businesses/:businessId/jobs': {
    params: BusinessParamsSchema,
    query: JobListQuerySchema,
    response: JobListSchema,
  },
  'POST /businesses/:businessId/jobs': {
    params: BusinessParamsSchema,
    body: CreateJobSchema,
    response: BusinessJobSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId': {
    params: BusinessJobParamsSchema,
    response: BusinessJobSchema,
  },
  'PATCH /businesses/:businessId/jobs/:jobId': {
    params: BusinessJobParamsSchema,
    body: UpdateJobSchema,
    response: BusinessJobSchema,
  },
  'DELETE /businesses/:businessId/jobs/:jobId': {
    params: BusinessJobParamsSchema,
    response: NoContentSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/publish': {
    params: BusinessJobParamsSchema,
    body: PublishJobSchema.nullable(),
    response: BusinessJobSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/close': {
    params: BusinessJobParamsSchema,
    response: BusinessJobSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/reopen': {
    params: BusinessJobParamsSchema,
    response: BusinessJobSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/archive': {
    params: BusinessJobParamsSchema,
    response: BusinessJobSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/versions': {
    params: BusinessJobParamsSchema,
    response: listOf(SpecVersionSummarySchema),
  },
  'GET /businesses/:businessId/jobs/:jobId/versions/:version': {
    params: VersionParamsSchema,
    response: SpecVersionSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/diff': {
    params: BusinessJobParamsSchema,
    query: DiffQuerySchema,
    response: SpecDiffSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/spec-views': {
    params: BusinessJobParamsSchema,
    response: listOf(SpecViewSchema),
  },
  'GET /businesses/:businessId/jobs/:jobId/invitations': {
    params: BusinessJobParamsSchema,
    response: JobInvitationListSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/invitations': {
    params: BusinessJobParamsSchema,
    body: InviteToJobSchema,
    response: JobInvitationSentSchema,
  },
  'DELETE /businesses/:businessId/jobs/:jobId/email-invitations/:email': {
    params: PendingInvitationParamsSchema,
    response: NoContentSchema,
  },
  'DELETE /businesses/:businessId/jobs/:jobId/invitations/:userId': {
    params: JobInvitationParamsSchema,
    response: NoContentSchema,
  },
  'DELETE /businesses/:businessId/jobs/:jobId/attachments/:attachmentId': {
    params: BusinessAttachmentParamsSchema,
    response: NoContentSchema,
  },
  'GET /job-templates': { response: listOf(JobTemplateSchema) },
  'PATCH /admin/job-templates/:slug': {
    params: TemplateParamsSchema,
    body: UpdateJobTemplateSchema,
    response: JobTemplateSchema,
  },
  'GET /skills': { query: SkillQuerySchema, response: listOf(SkillSchema) },

  // Jobs: the board
  'GET /jobs': { query: BoardQuerySchema, response: BoardPageSchema },
  'GET /jobs/:jobId': { params: JobParamsSchema, response: PublicJobSchema },
  'GET /me/job-invitations': { response: listOf(BoardJobSchema) },

  // Talent — directory
  'GET /directory': { query: DirectoryQuerySchema, response: DirectoryPageSchema },

  // Audit
  'GET /businesses/:businessId/audits': {
    params: BusinessParamsSchema,
    response: listOf(AuditSchema),
  },
  'POST /businesses/:businessId/audits': {
    params: BusinessParamsSchema,
    body: StartAuditSchema,
    response: AuditSchema,
  },
  'GET /businesses/:businessId/audits/:auditId': {
    params: AuditParamsSchema,
    response: AuditSchema,
  },
  'PATCH /businesses/:businessId/audits/:auditId': {
    params: AuditParamsSchema,
    body: UpdateAuditSchema,
    response: AuditSchema,
  },
  'GET /businesses/:businessId/audits/:auditId/summary': {
    params: AuditParamsSchema,
    response: AuditSummarySchema,
  },
  'GET /businesses/:businessId/audits/:auditId/entries': {
    params: AuditParamsSchema,
    query: EntriesQuerySchema,
    response: EntriesPageSchema,
  },
  'POST /businesses/:businessId/audits/:auditId/entries': {
    params: AuditParamsSchema,
    body: CreateEntrySchema,
    response: AuditEntrySchema,
  },
  'PATCH /businesses/:businessId/audits/:auditId/entries/:entryId': {
    params: EntryParamsSchema,
    body: UpdateEntrySchema,
    response: AuditEntrySchema,
  },
  'DELETE /businesses/:businessId/audits/:auditId/entries/:entryId': {
    params: EntryParamsSchema,
    response: NoContentSchema,
  },
  'GET /businesses/:businessId/audits/:auditId/tasks': {
    params: AuditParamsSchema,
    response: listOf(AuditTaskSchema),
  },
  'PATCH /businesses/:businessId/audits/:auditId/tasks/:taskId': {
    params: TaskParamsSchema,
    body: UpdateTaskSchema,
    response: AuditTaskSchema,
  },
  'POST /businesses/:businessId/audits/:auditId/tasks/bulk-update': {
    params: AuditParamsSchema,
    body: BulkUpdateTasksSchema,
    response: listOf(AuditTaskSchema),
  },
  'POST /businesses/:businessId/audits/:auditId/tasks/:taskId/job-draft': {
    params: TaskParamsSchema,
    response: JobDraftSchema,
  },
  'GET /businesses/:businessId/audits/:auditId/timer': {
    params: AuditParamsSchema,
    response: TimerSchema,
  },
  'POST /businesses/:businessId/audits/:auditId/timer': {
    params: AuditParamsSchema,
    body: StartTimerSchema,
    response: TimerSchema,
  },
  'POST /businesses/:businessId/audits/:auditId/timer/stop': {
    params: AuditParamsSchema,
    response: AuditEntrySchema,
  },
  'DELETE /businesses/:businessId/audits/:auditId/timer': {
    params: AuditParamsSchema,
    response: NoContentSchema,
  },
  'GET /businesses/:businessId/job-drafts': {
    params: BusinessParamsSchema,
    response: listOf(JobDraftSchema),
  },

  // Catalog and admin
  'GET /categories': { response: listOf(CategorySchema) },
  'POST /admin/categories': { body: CreateCategorySchema, response: CategorySchema },
  'PATCH /admin/categories/:slug': {
    params: CategoryParamsSchema,
    body: UpdateCategorySchema,
    response: CategorySchema,
  },
  'GET /admin/currency-rates': { response: listOf(CurrencyRateSchema) },
  'PUT /admin/currency-rates/:currency': {
    params: CurrencyParamsSchema,
    body: UpdateCurrencyRateSchema,
    response: CurrencyRateSchema,
  },
  'GET /admin/mailbox': { query: MailboxQuerySchema, response: MailboxPageSchema },
  // Notifications (the live stream is text/event-stream, read by EventSource, not this client)
  'GET /notifications': { query: NotificationsQuerySchema, response: NotificationPageSchema },
  'GET /notifications/unread-count': { response: UnreadCountSchema },
  'POST /notifications/:notificationId/read': {
    params: NotificationParamsSchema,
    response: NoContentSchema,
  },
  'POST /notifications/read-all': { response: NoContentSchema },
  'GET /notification-preferences': { response: NotificationPreferencesSchema },
  'PUT /notification-preferences': {
    body: UpdateNotificationPreferencesSchema,
    response: NotificationPreferencesSchema,
  },

  // Talent — network: listings, colleagues, recommendations, recommendation requests
  'GET /me/listing': { response: MyListingSchema },
  'PUT /me/listing': { body: SaveListingSchema, response: OwnListingSchema },
  'DELETE /me/listing': { response: NoContentSchema },
  'GET /listings/:listingId': {
    params: ListingParamsSchema,
    response: z.union([OwnListingSchema, ListingSchema]),
  },
  'GET /admin/listings': { query: ListingQueueQuerySchema, response: ListingPageSchema },
  'POST /admin/listings/:listingId/approve': {
    params: ListingParamsSchema,
    body: ApproveListingSchema.nullable(),
    response: OwnListingSchema,
  },
  'POST /admin/listings/:listingId/reject': {
    params: ListingParamsSchema,
    body: RejectListingSchema,
    response: OwnListingSchema,
  },
  'GET /businesses/:businessId/connections': {
    params: BusinessParamsSchema,
    response: ConnectionListSchema,
  },
  'POST /businesses/:businessId/connections': {
    params: BusinessParamsSchema,
    body: RequestConnectionSchema,
    response: ConnectionRequestSentSchema,
  },
  'POST /businesses/:businessId/connections/:connectionId/accept': {
    params: ConnectionParamsSchema,
    response: NoContentSchema,
  },
  'POST /businesses/:businessId/connections/:connectionId/decline': {
    params: ConnectionParamsSchema,
    response: NoContentSchema,
  },
  'DELETE /businesses/:businessId/connections/:connectionId': {
    params: ConnectionParamsSchema,
    response: NoContentSchema,
  },
  'GET /businesses/:businessId/recommendations': {
    params: BusinessParamsSchema,
    response: listOf(RecommendationSchema),
  },
  'GET /businesses/:businessId/professionals/:userId/recommendations': {
    params: ProfessionalParamsSchema,
    response: VisibleRecommendationsSchema,
  },
  'PUT /businesses/:businessId/professionals/:userId/recommendation': {
    params: ProfessionalParamsSchema,
    body: SaveRecommendationSchema,
    response: RecommendationSchema,
  },
  'DELETE /businesses/:businessId/professionals/:userId/recommendation': {
    params: ProfessionalParamsSchema,
    response: NoContentSchema,
  },
  'GET /me/recommendation-requests': { response: listOf(RecommendationRequestSchema) },
  'POST /me/recommendation-requests': {
    body: CreateRecommendationRequestSchema,
    response: RecommendationRequestSchema,
  },
  'GET /recommendation-requests/:token': {
    params: RecommendationRequestTokenParamsSchema,
    response: RecommendationRequestPreviewSchema,
  },
  'POST /recommendation-requests/:token/answer': {
    params: RecommendationRequestTokenParamsSchema,
    body: AnswerRecommendationRequestSchema,
    response: RecommendationSchema,
  },
  // Talent — pool: contacts, private notes, the join link, saved lists
  'GET /businesses/:businessId/pool': {
    params: BusinessParamsSchema,
    query: PoolQuerySchema,
    response: listOf(TalentContactSchema),
  },
  'POST /businesses/:businessId/pool/contacts': {
    params: BusinessParamsSchema,
    body: CreateContactSchema,
    response: ContactAddedSchema,
  },
  'PATCH /businesses/:businessId/pool/contacts/:contactId': {
    params: ContactParamsSchema,
    body: UpdateContactSchema,
    response: TalentContactSchema,
  },
  'DELETE /businesses/:businessId/pool/contacts/:contactId': {
    params: ContactParamsSchema,
    response: NoContentSchema,
  },
  'POST /businesses/:businessId/pool/contacts/:contactId/invitation': {
    params: ContactParamsSchema,
    response: TalentContactSchema,
  },
  'DELETE /businesses/:businessId/pool/contacts/:contactId/invitation': {
    params: ContactParamsSchema,
    response: TalentContactSchema,
  },
  'GET /businesses/:businessId/pool/professionals/:userId': {
    params: ProfessionalParamsSchema,
    response: PrivateNoteSchema,
  },
  'PUT /businesses/:businessId/pool/professionals/:userId': {
    params: ProfessionalParamsSchema,
    body: UpdatePrivateNoteSchema,
    response: PrivateNoteSchema,
  },
  'POST /businesses/:businessId/pool/professionals/:userId/job-invitations': {
    params: ProfessionalParamsSchema,
    body: InviteProfessionalToJobSchema,
    response: JobInvitationSentSchema,
  },
  'GET /pool/invitations/:token': {
    params: PoolTokenParamsSchema,
    response: PoolInvitationPreviewSchema,
  },
  'POST /pool/invitations/:token/accept': {
    params: PoolTokenParamsSchema,
    response: JoinedPoolSchema,
  },
  'GET /businesses/:businessId/lists': {
    params: BusinessParamsSchema,
    query: SavedListQuerySchema,
    response: listOf(SavedListSchema),
  },
  'POST /businesses/:businessId/lists': {
    params: BusinessParamsSchema,
    body: SaveListSchema,
    response: SavedListSchema,
  },
  'GET /businesses/:businessId/lists/:listId': {
    params: ListParamsSchema,
    response: SavedListDetailSchema,
  },
  'PATCH /businesses/:businessId/lists/:listId': {
    params: ListParamsSchema,
    body: SaveListSchema,
    response: SavedListSchema,
  },
  'DELETE /businesses/:businessId/lists/:listId': {
    params: ListParamsSchema,
    response: NoContentSchema,
  },
  'PUT /businesses/:businessId/lists/:listId/items/:userId': {
    params: ListItemParamsSchema,
    response: SavedListDetailSchema,
  },
  'DELETE /businesses/:businessId/lists/:listId/items/:userId': {
    params: ListItemParamsSchema,
    response: NoContentSchema,
  },
  // Hiring — trials: the business's (under a job) and the professional's own
  'GET /businesses/:businessId/jobs/:jobId/trials': {
    params: BusinessJobParamsSchema,
    response: listOf(TrialSchema),
  },
  'GET /businesses/:businessId/jobs/:jobId/trials/candidates': {
    params: BusinessJobParamsSchema,
    response: listOf(TrialCandidateSchema),
  },
  'POST /businesses/:businessId/jobs/:jobId/trials': {
    params: BusinessJobParamsSchema,
    body: CreateTrialSchema,
    response: TrialSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/trials/:trialId/cancel': {
    params: TrialParamsSchema,
    response: TrialSchema,
  },
  'PUT /businesses/:businessId/jobs/:jobId/trials/:trialId/participants/:professionalId/score': {
    params: TrialParticipantParamsSchema,
    body: ScoreTrialSchema,
    response: TrialParticipantSchema,
  },
  'GET /me/trials': { response: listOf(MyTrialSummarySchema) },
  'GET /trials/:trialId': { params: MyTrialParamsSchema, response: MyTrialSchema },
  'POST /trials/:trialId/accept': { params: MyTrialParamsSchema, response: MyTrialSchema },
  'POST /trials/:trialId/decline': {
    params: MyTrialParamsSchema,
    body: DeclineTrialSchema,
    response: MyTrialSchema,
  },
  'PUT /trials/:trialId/submission': {
    params: MyTrialParamsSchema,
    body: SubmitTrialSchema,
    response: MyTrialSchema,
  },
  'DELETE /trials/:trialId/files/:fileId': {
    params: MyTrialFileParamsSchema,
    response: NoContentSchema,
  },
  // Hiring — shortlist: a job's scored bids, settings, actions, comparison; decline templates
  'GET /businesses/:businessId/jobs/:jobId/shortlist': {
    params: ShortlistParamsSchema,
    response: ShortlistPageSchema,
  },
  'PUT /businesses/:businessId/jobs/:jobId/shortlist/settings': {
    params: ShortlistParamsSchema,
    body: SaveShortlistSettingsSchema,
    response: ShortlistSettingsSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/shortlist/compare': {
    params: ShortlistParamsSchema,
    query: CompareQuerySchema,
    response: ComparisonSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId': {
    params: ShortlistBidParamsSchema,
    response: BidDetailSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId': {
    params: ShortlistBidParamsSchema,
    response: BidStateSchema,
  },
  'DELETE /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId': {
    params: ShortlistBidParamsSchema,
    response: BidStateSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId/decline': {
    params: ShortlistBidParamsSchema,
    body: DeclineBidSchema,
    response: BidStateSchema,
  },
  'PUT /businesses/:businessId/jobs/:jobId/shortlist/bids/:bidId/hidden': {
    params: ShortlistBidParamsSchema,
    body: SetHiddenSchema,
    response: BidStateSchema,
  },
  'GET /businesses/:businessId/decline-templates': {
    params: BusinessParamsSchema,
    response: DeclineTemplatesSchema,
  },
  'POST /businesses/:businessId/decline-templates': {
    params: BusinessParamsSchema,
    body: SaveDeclineTemplateSchema,
    response: DeclineTemplateSchema,
  },
  'PUT /businesses/:businessId/decline-templates/:templateId': {
    params: DeclineTemplateParamsSchema,
    body: SaveDeclineTemplateSchema,
    response: DeclineTemplateSchema,
  },
  'DELETE /businesses/:businessId/decline-templates/:templateId': {
    params: DeclineTemplateParamsSchema,
    response: NoContentSchema,
  },
  // Hiring — interviews (the .ics downloads are files, outside the map) and award
  'POST /businesses/:businessId/jobs/:jobId/bids/:bidId/interviews': {
    params: BidInterviewParamsSchema,
    body: ProposeInterviewSchema,
    response: BusinessInterviewSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/interviews': {
    params: BusinessJobParamsSchema,
    response: listOf(BusinessInterviewSchema),
  },
  'POST /businesses/:businessId/jobs/:jobId/interviews/:interviewId/reschedule': {
    params: BusinessInterviewParamsSchema,
    body: RescheduleInterviewSchema,
    response: BusinessInterviewSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/interviews/:interviewId/move': {
    params: BusinessInterviewParamsSchema,
    body: MoveInterviewSchema,
    response: BusinessInterviewSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/interviews/:interviewId/cancel': {
    params: BusinessInterviewParamsSchema,
    body: CancelInterviewSchema,
    response: BusinessInterviewSchema,
  },
  'PUT /businesses/:businessId/jobs/:jobId/interviews/:interviewId/assessment': {
    params: BusinessInterviewParamsSchema,
    body: AssessInterviewSchema,
    response: BusinessInterviewSchema,
  },
  'GET /interviews/:interviewId': {
    params: InterviewParamsSchema,
    response: ProfessionalInterviewSchema,
  },
  'POST /interviews/:interviewId/book': {
    params: InterviewParamsSchema,
    body: BookInterviewSchema,
    response: ProfessionalInterviewSchema,
  },
  'POST /interviews/:interviewId/other-times': {
    params: InterviewParamsSchema,
    body: AskOtherTimesSchema,
    response: ProfessionalInterviewSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/bids/:bidId/award': {
    params: AwardParamsSchema,
    response: OfferDraftSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/bids/:bidId/award': {
    params: AwardParamsSchema,
    body: AwardSchema,
    response: ContractSchema,
  },
  'GET /businesses/:businessId/contracts': {
    params: BusinessParamsSchema,
    response: listOf(ContractSchema),
  },
  'POST /businesses/:businessId/contracts/:contractId/withdraw': {
    params: BusinessContractParamsSchema,
    response: ContractSchema,
  },
  'GET /contracts/:contractId': { params: ContractParamsSchema, response: ContractSchema },
  // Contract workspace — progress reports and the owner's dashboard (issue 12)
  'GET /contracts/:contractId/reports': {
    params: ContractParamsSchema,
    response: ReportsPageSchema,
  },
  'PUT /contracts/:contractId/reports/settings': {
    params: ContractParamsSchema,
    body: ReportSettingsInputSchema,
    response: ReportSettingsSchema,
  },
  'POST /contracts/:contractId/reports': {
    params: ContractParamsSchema,
    body: SubmitReportSchema,
    response: ReportSchema,
  },
  'POST /contracts/:contractId/reports/:reportId/comments': {
    params: ReportParamsSchema,
    body: ReportCommentInputSchema,
    response: ReportCommentSchema,
  },
  'GET /businesses/:businessId/contracts/dashboard': {
    params: BusinessParamsSchema,
    response: DashboardSchema,
  },
  'GET /me/contracts/dashboard': { response: DashboardSchema },
  'GET /me/contracts': { response: listOf(ContractSchema) },
  'POST /contracts/:contractId/accept': { params: ContractParamsSchema, response: ContractSchema },
  'POST /contracts/:contractId/decline': {
    params: ContractParamsSchema,
    body: DeclineOfferSchema,
    response: ContractSchema,
  },
  // Contract workspace — the contract's state and amendments
  'POST /contracts/:contractId/pause': {
    params: ContractParamsSchema,
    body: PauseContractSchema,
    response: ContractSchema,
  },
  'POST /contracts/:contractId/resume': { params: ContractParamsSchema, response: ContractSchema },
  'POST /contracts/:contractId/end': {
    params: ContractParamsSchema,
    body: EndContractSchema,
    response: ContractSchema,
  },
  'GET /contracts/:contractId/amendments': {
    params: ContractParamsSchema,
    response: listOf(AmendmentSchema),
  },
  'POST /contracts/:contractId/amendments': {
    params: ContractParamsSchema,
    body: ProposeAmendmentSchema,
    response: AmendmentSchema,
  },
  'POST /contracts/:contractId/amendments/:amendmentId/accept': {
    params: AmendmentParamsSchema,
    body: AnswerAmendmentSchema,
    response: AmendmentSchema,
  },
  'POST /contracts/:contractId/amendments/:amendmentId/reject': {
    params: AmendmentParamsSchema,
    body: AnswerAmendmentSchema,
    response: AmendmentSchema,
  },
  'POST /contracts/:contractId/amendments/:amendmentId/withdraw': {
    params: AmendmentParamsSchema,
    response: AmendmentSchema,
  },
  // Work — time (issue 12); the CSV export is a stream, outside the map.
  'GET /contracts/:contractId/time': {
    params: TimeParamsSchema,
    query: TimesheetQuerySchema,
    response: TimesheetSchema,
  },
  'POST /contracts/:contractId/time/timer': {
    params: TimeParamsSchema,
    body: StartContractTimerSchema,
    response: RunningTimerSchema,
  },
  'POST /contracts/:contractId/time/timer/stop': {
    params: TimeParamsSchema,
    response: StoppedTimerSchema,
  },
  'POST /contracts/:contractId/time/entries': {
    params: TimeParamsSchema,
    body: CreateTimeEntrySchema,
    response: TimeEntrySchema,
  },
  'PATCH /contracts/:contractId/time/entries/:entryId': {
    params: TimeEntryParamsSchema,
    body: UpdateTimeEntrySchema,
    response: TimeEntrySchema,
  },
  'DELETE /contracts/:contractId/time/entries/:entryId': {
    params: TimeEntryParamsSchema,
    response: NoContentSchema,
  },
  'POST /contracts/:contractId/time/weeks/:weekStart/review': {
    params: TimeWeekParamsSchema,
    body: ReviewWeekSchema,
    response: TimesheetSchema,
  },
  // Hiring — NDAs and the specification for professionals
  'GET /businesses/:businessId/nda-templates': {
    params: BusinessParamsSchema,
    response: NdaTemplateListSchema,
  },
  'POST /businesses/:businessId/nda-templates': {
    params: BusinessParamsSchema,
    body: CreateNdaTemplateSchema,
    response: NdaTemplateSchema,
  },
  'PATCH /businesses/:businessId/nda-templates/:templateId': {
    params: NdaTemplateParamsSchema,
    body: UpdateNdaTemplateSchema,
    response: NdaTemplateSchema,
  },
  'DELETE /businesses/:businessId/nda-templates/:templateId': {
    params: NdaTemplateParamsSchema,
    response: NoContentSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/ndas': {
    params: JobNdaParamsSchema,
    response: JobNdaOverviewSchema,
  },
  'PUT /businesses/:businessId/jobs/:jobId/nda-template': {
    params: JobNdaParamsSchema,
    body: JobNdaTemplateSchema,
    response: JobNdaOverviewSchema,
  },
  'POST /businesses/:businessId/jobs/:jobId/ndas/:professionalId/send': {
    params: ProfessionalNdaParamsSchema,
    response: NdaStateSchema,
  },
  'GET /jobs/:jobId/nda': { params: JobIdParamsSchema, response: MyNdaSchema },
  'POST /jobs/:jobId/nda/sign': {
    params: JobIdParamsSchema,
    body: SignNdaSchema,
    response: MyNdaSchema,
  },
  'GET /jobs/:jobId/spec': { params: JobIdParamsSchema, response: ProfessionalSpecSchema },
  'POST /jobs/:jobId/spec/acknowledge': {
    params: JobIdParamsSchema,
    body: AcknowledgeSpecSchema,
    response: SpecAcknowledgedSchema,
  },

  // Hiring — bids (issue 11): a professional's bids, questions, saved jobs, invitations
  'GET /jobs/:jobId/viewer': { params: JobParamsSchema, response: JobViewerSchema },
  'POST /jobs/:jobId/bids': { params: JobParamsSchema, body: SaveBidSchema, response: BidSchema },
  'GET /bids': { response: HubSchema },
  'GET /bids/:bidId': { params: BidParamsSchema, response: BidSchema },
  'PUT /bids/:bidId': { params: BidParamsSchema, body: SaveBidSchema, response: BidSchema },
  'POST /bids/:bidId/withdraw': { params: BidParamsSchema, response: BidSchema },
  'DELETE /bids/:bidId/attachments/:attachmentId': {
    params: BidAttachmentParamsSchema,
    response: NoContentSchema,
  },
  'GET /jobs/:jobId/questions': { params: JobParamsSchema, response: JobQuestionsSchema },
  'POST /jobs/:jobId/questions': {
    params: JobParamsSchema,
    body: AskQuestionSchema,
    response: MyQuestionSchema,
  },
  'GET /businesses/:businessId/jobs/:jobId/questions': {
    params: BusinessJobParamsSchema,
    response: listOf(BusinessQuestionSchema),
  },
  'PUT /businesses/:businessId/jobs/:jobId/questions/:questionId/answer': {
    params: QuestionParamsSchema,
    body: AnswerQuestionSchema,
    response: BusinessQuestionSchema,
  },
  'GET /me/saved-jobs': { response: listOf(SavedJobSchema) },
  'PUT /me/saved-jobs/:jobId': { params: JobParamsSchema, response: NoContentSchema },
  'DELETE /me/saved-jobs/:jobId': { params: JobParamsSchema, response: NoContentSchema },
  'POST /jobs/:jobId/invitation/decline': { params: JobParamsSchema, response: NoContentSchema },
  // Work — messages and files (issue 12, item 5); uploads and downloads are streams, not here.
  'GET /contracts/:contractId/messages': {
    params: ContractParamsSchema,
    query: MessagePageQuerySchema,
    response: MessagePageSchema,
  },
  'POST /contracts/:contractId/messages': {
    params: ContractParamsSchema,
    body: SendMessageSchema,
    response: ContractMessageSchema,
  },
  'POST /contracts/:contractId/messages/read': {
    params: ContractParamsSchema,
    body: MarkReadSchema,
    response: MessagesUnreadSchema,
  },
  'GET /me/contracts/unread': { response: UnreadListSchema },
  'GET /contracts/:contractId/files': {
    params: ContractParamsSchema,
    response: ContractFileListSchema,
  },
  'DELETE /contracts/:contractId/files/:fileId': {
    params: ContractFileParamsSchema,
    response: NoContentSchema,
  },
  // Work — the contract's issues (issue 12, item 4)
  'GET /contracts/:contractId/issues': {
    params: ContractParamsSchema,
    query: WorkIssueListQuerySchema,
    response: WorkIssueBoardSchema,
  },
  'POST /contracts/:contractId/issues': {
    params: ContractParamsSchema,
    body: CreateWorkIssueSchema,
    response: WorkIssueDetailSchema,
  },
  'GET /contracts/:contractId/issues/:number': {
    params: WorkIssueParamsSchema,
    response: WorkIssueDetailSchema,
  },
  'PATCH /contracts/:contractId/issues/:number': {
    params: WorkIssueParamsSchema,
    body: UpdateWorkIssueSchema,
    response: WorkIssueDetailSchema,
  },
  'POST /contracts/:contractId/issues/:number/move': {
    params: WorkIssueParamsSchema,
    body: MoveWorkIssueSchema,
    response: WorkIssueSchema,
  },
  'POST /contracts/:contractId/issues/:number/comments': {
    params: WorkIssueParamsSchema,
    body: CreateWorkIssueCommentSchema,
    response: WorkIssueCommentSchema,
  },
  // Contract workspace — meetings (issue 12; the .ics downloads and the feed are files, outside)
  'GET /contracts/:contractId/meetings': {
    params: ContractParamsSchema,
    response: listOf(MeetingSchema),
  },
  'GET /contracts/:contractId/meetings/people': {
    params: ContractParamsSchema,
    response: listOf(MeetingPersonSchema),
  },
  'POST /contracts/:contractId/meetings': {
    params: ContractParamsSchema,
    body: BookMeetingSchema,
    response: MeetingSchema,
  },
  'GET /contracts/:contractId/meetings/:meetingId': {
    params: MeetingParamsSchema,
    response: MeetingSchema,
  },
  'PATCH /contracts/:contractId/meetings/:meetingId': {
    params: MeetingParamsSchema,
    body: UpdateMeetingSchema,
    response: MeetingSchema,
  },
  'POST /contracts/:contractId/meetings/:meetingId/cancel': {
    params: MeetingParamsSchema,
    response: MeetingSchema,
  },
  'PUT /contracts/:contractId/meetings/:meetingId/minutes': {
    params: MeetingParamsSchema,
    body: MeetingMinutesSchema,
    response: MeetingSchema,
  },
  'POST /contracts/:contractId/meetings/:meetingId/action-items/issue': {
    params: MeetingParamsSchema,
    body: ActionItemIssueSchema,
    response: ActionItemIssueResultSchema,
  },
  'GET /me/calendar-feed': { response: CalendarFeedStatusSchema },
  'POST /me/calendar-feed': { response: CalendarFeedSchema },
  'DELETE /me/calendar-feed': { response: NoContentSchema },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointKey = keyof Endpoints;
