/**
 * Interviews: the business proposes times, the professional books one or asks for others, both
 * get a calendar invitation that follows every later change (same UID, higher SEQUENCE), and the
 * business scores the interview afterwards (the shortlist reads `interviews.score`).
 */
import type {
  AskOtherTimes,
  AssessInterview,
  BookInterview,
  BusinessInterview,
  CancelInterview,
  MoveInterview,
  ProfessionalInterview,
  ProposeInterview,
  RescheduleInterview,
} from '../../../core/contracts/interviews.ts';
import type { InterviewStatus } from '../../../core/hiring.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, HttpProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Mailer } from '../../lib/mail.ts';
import type { Notify } from '../notifications/notify.ts';
import { when } from '../notifications/templates.ts';
import { calendarInterviewOf, interviewCalendar, type CalendarMethod } from './calendar.ts';
import {
  authorizeBusinessInterview,
  authorizeJobInterviews,
  authorizeProfessionalInterview,
  type BusinessInterviewScope,
  type JobInterviewsScope,
  type ProfessionalInterviewScope,
} from './policy.ts';
import { presentBusinessInterview, presentProfessionalInterview } from './present.ts';
import {
  findInterview,
  listOpenRivalInterviews,
  findJobBid,
  findOpenInterview,
  insertInterview,
  listJobInterviews,
  updateInterview,
  type InterviewRecord,
} from './queries.ts';

export type BidScope = JobInterviewsScope & { readonly bidId: string };

const OPEN: readonly InterviewStatus[] = ['proposed', 'other_times_requested', 'scheduled'];

/** A calendar file: its name and text, for the download routes. */
export interface CalendarFile {
  filename: string;
  text: string;
}

export function createInterviewService({
  db,
  clock,
  mailer,
  notify,
  baseUrl,
  mailFrom,
}: {
  db: Db;
  clock: Clock;
  mailer: Pick<Mailer, 'enqueue'>;
  notify: Notify;
  baseUrl: string;
  /** The deployment's sender, the organizer when the member who proposed has left. */
  mailFrom: string;
}) {
  const fallbackOrganizerEmail = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;

  /** Refuses instants already past: nobody can attend them. Names each one by its index. */
  function refusePast(slots: string[], field: string) {
    const now = clock.now().getTime();
    const errors = slots.flatMap((s, i) =>
      Date.parse(s) <= now
        ? [{ path: `${field}.${i}`, message: 'This time is in the past; pick a later one' }]
        : [],
    );
    if (errors.length > 0) throw badRequest('Some proposed times are in the past.', errors);
  }

  const normalize = (slots: string[]) => slots.map((s) => new Date(s).toISOString()).sort();

  function requireOpen(record: InterviewRecord) {
    if (!OPEN.includes(record.interview.status))
      throw conflict(`This interview is ${record.interview.status.replace('_', ' ')}.`);
  }

  const businessLink = (r: InterviewRecord) =>
    `/app/businesses/${r.businessId}/jobs/${r.interview.jobId}/interviews`;
  const professionalLink = (r: InterviewRecord) => `/app/interviews/${r.interview.id}`;

  function calendarText(r: InterviewRecord, method: CalendarMethod): string {
    return interviewCalendar(calendarInterviewOf(r, fallbackOrganizerEmail), method);
  }

  /**
   * E-mails the invitation (or its cancellation) to both sides, with the .ics attached. Always
   * sent, whatever the notification preferences: a calendar only learns of a change this way.
   */
  async function mailCalendar(tx: Tx, r: InterviewRecord, method: CalendarMethod) {
    const ics = calendarText(r, method);
    const startsAt = r.interview.startsAt as Date;
    const cancelled = method === 'CANCEL';
    const people = [
      {
        email: r.professional.email,
        name: r.professional.name,
        timeZone: r.professional.timeZone,
        withName: r.business.name,
        link: professionalLink(r),
      },
      ...(r.creator
        ? [
            {
              email: r.creator.email,
              name: r.creator.name,
              timeZone: r.business.timeZone,
              withName: r.professional.name,
              link: businessLink(r),
            },
          ]
        : []),
    ];
    for (const p of people) {
      const at = when(startsAt, { name: p.name, timeZone: p.timeZone });
      await mailer.enqueue(tx, {
        to: p.email,
        subject: cancelled
          ? `Cancelled: interview with ${p.withName} (${r.jobTitle})`
          : `Interview with ${p.withName}: ${at}`,
        text: cancelled
          ? `Hello ${p.name},\n\nThe interview with ${p.withName} about “${r.jobTitle}” at ${at} is cancelled. The attached file removes it from your calendar.\n\n${baseUrl}${p.link}`
          : `Hello ${p.name},\n\nYour interview with ${p.withName} about “${r.jobTitle}” is at ${at} (${r.interview.durationMinutes} minutes).\n\nJoin the call: ${r.interview.callLink}\n\nThe attached invitation adds it to your calendar.\n\n${baseUrl}${p.link}`,
        attachments: [
          {
            filename: 'interview.ics',
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            content: ics,
          },
        ],
      });
    }
  }

  async function reload(tx: Tx, interviewId: string): Promise<InterviewRecord> {
    const record = await findInterview(tx, interviewId);
    if (!record) throw new Error('interview vanished inside its own transaction');
    return record;
  }

  async function notifyScheduled(tx: Tx, r: InterviewRecord) {
    const startsAt = r.interview.startsAt as Date;
    await notify(tx, [{ userId: r.interview.professionalId }], 'interview.scheduled', {
      link: professionalLink(r),
      jobTitle: r.jobTitle,
      withName: r.business.name,
      startsAt,
    });
    if (r.interview.createdBy)
      await notify(tx, [{ userId: r.interview.createdBy }], 'interview.scheduled', {
        link: businessLink(r),
        jobTitle: r.jobTitle,
        withName: r.professional.name,
        startsAt,
      });
  }

  function calendarFile(r: InterviewRecord): CalendarFile {
    const { status, startsAt } = r.interview;
    if (!startsAt || (status !== 'scheduled' && status !== 'completed' && status !== 'cancelled'))
      throw new HttpProblem(404, 'Not found', 'No time is booked for this interview yet.');
    return {
      filename: 'interview.ics',
      text: calendarText(r, status === 'cancelled' ? 'CANCEL' : 'REQUEST'),
    };
  }

  return {
    /**
     * Inside the transaction that makes a contract active: every interview still under way on
     * the job with anyone else is cancelled, as the owner's cancel would (a booked time gets the
     * METHOD:CANCEL invitation, so it leaves both calendars), and the professional is told why.
     */
    async cancelRivals(
      tx: Tx,
      { jobId, professionalId }: { jobId: string; professionalId: string },
    ) {
      const now = clock.now();
      for (const before of await listOpenRivalInterviews(tx, jobId, professionalId)) {
        await updateInterview(tx, before.interview.id, {
          status: 'cancelled',
          cancelledAt: now,
          sequence: before.interview.sequence + 1,
          updatedAt: now,
        });
        const record = await reload(tx, before.interview.id);
        if (before.interview.status === 'scheduled') await mailCalendar(tx, record, 'CANCEL');
        await notify(tx, [{ userId: record.interview.professionalId }], 'interview.cancelled', {
          link: professionalLink(record),
          jobTitle: record.jobTitle,
          withName: record.business.name,
          reason: 'The job went to another professional.',
        });
      }
    },

    /** Proposes times for an interview about a submitted or shortlisted bid. */
    async propose(scope: BidScope, input: ProposeInterview): Promise<BusinessInterview> {
      return db.transaction(async (tx) => {
        const job = await authorizeJobInterviews(tx, scope, 'interviews.manage');
        const bid = await findJobBid(tx, job.id, scope.bidId);
        if (!bid) throw notFound('Bid');
        // Interviewing is part of choosing: a bid still in the running (before or after the
        // shortlist) may be interviewed; a declined, withdrawn or decided one may not.
        if (bid.status !== 'submitted' && bid.status !== 'shortlisted')
          throw conflict(`This bid is ${bid.status.replace('_', ' ')}; it cannot be interviewed.`);
        if (await findOpenInterview(tx, bid.id))
          throw conflict('This bid already has an interview under way; reschedule that one.');
        refusePast(input.slots, 'body.slots');
        const now = clock.now();
        const id = newId();
        await insertInterview(tx, {
          id,
          jobId: job.id,
          bidId: bid.id,
          professionalId: bid.professionalId,
          status: 'proposed',
          slots: normalize(input.slots),
          durationMinutes: input.durationMinutes,
          callLink: input.callLink,
          icalUid: `${id}@handoff`,
          sequence: 0,
          createdBy: scope.userId,
          createdAt: now,
          updatedAt: now,
        });
        const record = await reload(tx, id);
        await notify(tx, [{ userId: bid.professionalId }], 'interview.proposed', {
          interviewId: id,
          jobTitle: record.jobTitle,
          businessName: record.business.name,
          slots: record.interview.slots.map((s) => new Date(s)),
          again: false,
        });
        return presentBusinessInterview(record);
      });
    },

    async list(scope: JobInterviewsScope): Promise<{ items: BusinessInterview[] }> {
      return db.transaction(async (tx) => {
        await authorizeJobInterviews(tx, scope, 'bids.read');
        return { items: (await listJobInterviews(tx, scope.jobId)).map(presentBusinessInterview) };
      });
    },

    /**
     * New times for an open interview. A booked time is withdrawn from both calendars (CANCEL,
     * same UID, higher SEQUENCE); the time the professional books next is a new REQUEST.
     */
    async reschedule(
      scope: BusinessInterviewScope,
      input: RescheduleInterview,
    ): Promise<BusinessInterview> {
      return db.transaction(async (tx) => {
        const before = await authorizeBusinessInterview(tx, scope, 'interviews.manage', {
          forUpdate: true,
        });
        requireOpen(before);
        refusePast(input.slots, 'body.slots');
        const sequence = before.interview.sequence + 1;
        const now = clock.now();
        if (before.interview.status === 'scheduled')
          await mailCalendar(
            tx,
            { ...before, interview: { ...before.interview, sequence, updatedAt: now } },
            'CANCEL',
          );
        await updateInterview(tx, before.interview.id, {
          slots: normalize(input.slots),
          durationMinutes: input.durationMinutes ?? before.interview.durationMinutes,
          callLink: input.callLink ?? before.interview.callLink,
          status: 'proposed',
          startsAt: null,
          professionalMessage: null,
          sequence,
          updatedAt: now,
        });
        const record = await reload(tx, before.interview.id);
        await notify(tx, [{ userId: record.interview.professionalId }], 'interview.proposed', {
          interviewId: record.interview.id,
          jobTitle: record.jobTitle,
          businessName: record.business.name,
          slots: record.interview.slots.map((s) => new Date(s)),
          again: true,
        });
        return presentBusinessInterview(record);
      });
    },

    /** Moves a booked interview to another time: an updated invitation to both sides. */
    async move(scope: BusinessInterviewScope, input: MoveInterview): Promise<BusinessInterview> {
      return db.transaction(async (tx) => {
        const before = await authorizeBusinessInterview(tx, scope, 'interviews.manage', {
          forUpdate: true,
        });
        if (before.interview.status !== 'scheduled')
          throw conflict('Only a booked interview can be moved; propose new times instead.');
        if (Date.parse(input.startsAt) <= clock.now().getTime())
          throw badRequest('The new time is in the past.', [
            { path: 'body.startsAt', message: 'This time is in the past; pick a later one' },
          ]);
        const startsAt = new Date(input.startsAt);
        await updateInterview(tx, before.interview.id, {
          startsAt,
          slots: [startsAt.toISOString()],
          sequence: before.interview.sequence + 1,
          updatedAt: clock.now(),
        });
        const record = await reload(tx, before.interview.id);
        await mailCalendar(tx, record, 'REQUEST');
        await notifyScheduled(tx, record);
        return presentBusinessInterview(record);
      });
    },

    async cancel(
      scope: BusinessInterviewScope,
      input: CancelInterview,
    ): Promise<BusinessInterview> {
      return db.transaction(async (tx) => {
        const before = await authorizeBusinessInterview(tx, scope, 'interviews.manage', {
          forUpdate: true,
        });
        requireOpen(before);
        const now = clock.now();
        await updateInterview(tx, before.interview.id, {
          status: 'cancelled',
          cancelledAt: now,
          sequence: before.interview.sequence + 1,
          updatedAt: now,
        });
        const record = await reload(tx, before.interview.id);
        // Only a booked time is in anyone's calendar; proposals never were.
        if (before.interview.status === 'scheduled') await mailCalendar(tx, record, 'CANCEL');
        await notify(tx, [{ userId: record.interview.professionalId }], 'interview.cancelled', {
          link: professionalLink(record),
          jobTitle: record.jobTitle,
          withName: record.business.name,
          reason: input.reason,
        });
        return presentBusinessInterview(record);
      });
    },

    /** Notes and a 1–5 score, once the booked time has come. */
    async assess(
      scope: BusinessInterviewScope,
      input: AssessInterview,
    ): Promise<BusinessInterview> {
      return db.transaction(async (tx) => {
        const before = await authorizeBusinessInterview(tx, scope, 'interviews.manage', {
          forUpdate: true,
        });
        const { status, startsAt } = before.interview;
        const happened =
          status === 'completed' ||
          (status === 'scheduled' && startsAt !== null && startsAt <= clock.now());
        if (!happened) throw conflict('Score the interview once its booked time has come.');
        await updateInterview(tx, before.interview.id, {
          status: 'completed',
          notes: input.notes,
          score: input.score,
          updatedAt: clock.now(),
        });
        return presentBusinessInterview(await reload(tx, before.interview.id));
      });
    },

    async businessCalendar(scope: BusinessInterviewScope): Promise<CalendarFile> {
      return db.transaction(async (tx) =>
        calendarFile(await authorizeBusinessInterview(tx, scope, 'bids.read')),
      );
    },

    // The professional's side

    async get(scope: ProfessionalInterviewScope): Promise<ProfessionalInterview> {
      return db.transaction(async (tx) =>
        presentProfessionalInterview(await authorizeProfessionalInterview(tx, scope)),
      );
    },

    /** Books one of the proposed times; both sides get the invitation. */
    async book(
      scope: ProfessionalInterviewScope,
      input: BookInterview,
    ): Promise<ProfessionalInterview> {
      return db.transaction(async (tx) => {
        const before = await authorizeProfessionalInterview(tx, scope, { forUpdate: true });
        const { status, slots, sequence } = before.interview;
        if (status !== 'proposed' && status !== 'other_times_requested')
          throw conflict(
            status === 'scheduled'
              ? 'A time is already booked; ask the business to move it.'
              : `This interview is ${status}.`,
          );
        const chosen = Date.parse(input.startsAt);
        if (!slots.some((s) => Date.parse(s) === chosen))
          throw badRequest('That is not one of the proposed times.', [
            { path: 'body.startsAt', message: 'Pick one of the proposed times' },
          ]);
        if (chosen <= clock.now().getTime())
          throw conflict('That time has passed; pick a later one or ask for other times.');
        await updateInterview(tx, before.interview.id, {
          status: 'scheduled',
          startsAt: new Date(chosen),
          // The first invitation is SEQUENCE 0; after any change, one more than the last.
          sequence: sequence === 0 ? 0 : sequence + 1,
          updatedAt: clock.now(),
        });
        const record = await reload(tx, before.interview.id);
        await mailCalendar(tx, record, 'REQUEST');
        await notifyScheduled(tx, record);
        return presentProfessionalInterview(record);
      });
    },

    async askOtherTimes(
      scope: ProfessionalInterviewScope,
      input: AskOtherTimes,
    ): Promise<ProfessionalInterview> {
      return db.transaction(async (tx) => {
        const before = await authorizeProfessionalInterview(tx, scope, { forUpdate: true });
        const { status } = before.interview;
        if (status !== 'proposed' && status !== 'other_times_requested')
          throw conflict(`This interview is ${status}; there are no proposals to answer.`);
        await updateInterview(tx, before.interview.id, {
          status: 'other_times_requested',
          professionalMessage: input.message,
          updatedAt: clock.now(),
        });
        const record = await reload(tx, before.interview.id);
        if (record.interview.createdBy)
          await notify(tx, [{ userId: record.interview.createdBy }], 'interview.other-times', {
            businessId: record.businessId,
            jobId: record.interview.jobId,
            jobTitle: record.jobTitle,
            professionalName: record.professional.name,
            message: input.message,
          });
        return presentProfessionalInterview(record);
      });
    },

    async professionalCalendar(scope: ProfessionalInterviewScope): Promise<CalendarFile> {
      return db.transaction(async (tx) =>
        calendarFile(await authorizeProfessionalInterview(tx, scope)),
      );
    },
  };
}

export type InterviewService = ReturnType<typeof createInterviewService>;
