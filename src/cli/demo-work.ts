/**
 * Work — the contract workspace's demo (issue 12): the bakery's running contracts, built by the
 * real services with the Clock set to the past instants where history is needed, so a new user
 * finds three weeks of work to look at.
 *
 * - An HOURLY contract with a professional in another time zone (10 h a week, activated about
 *   three weeks ago): the week before last approved by the auto-approval task itself (run with a
 *   clock five days after that week), last week approved by the owner, this week a few entries
 *   (one on an issue) so the hours against the cap show; a kickoff meeting with minutes and an
 *   action item made an issue, and a meeting booked in the coming days; issues in every board
 *   column with a comment; messages both ways; a file with two versions; progress reports sent
 *   for the earlier weeks and the current one two days overdue, so the dashboard shows the
 *   contract at risk, with the reason.
 * - A FIXED-PRICE contract with two milestones and another professional, its reports on time:
 *   on track.
 *
 * Events run in the order of their instants; each one builds the services it calls with a fixed
 * clock at its instant. Nothing in the future is done: a week's entries that would end after
 * "now" are left out (early on a Monday this week may have none).
 */
import { Readable } from 'node:stream';
import { SaveBidSchema, type SaveBidInput } from '../core/contracts/bids.ts';
import { CreateJobSchema } from '../core/contracts/jobs.ts';
import { AwardSchema, type AwardInput } from '../core/contracts/offers.ts';
import { ProposeAmendmentSchema } from '../core/contracts/contract-changes.ts';
import { BookMeetingSchema } from '../core/contracts/meetings.ts';
import { CreateWorkIssueSchema } from '../core/contracts/work-issues.ts';
import { SubmitReportSchema } from '../core/contracts/reports.ts';
import { addDays, localDateOf, startOfDay, weekStartOf } from '../core/time-entries.ts';
import type { WorkIssueStatus } from '../core/work.ts';
import type { Db } from '../server/db/client.ts';
import type { Config } from '../server/env.ts';
import { createBidService } from '../server/features/bids/bids.ts';
import { createChangeService } from '../server/features/contracts/changes.ts';
import { createAwardService } from '../server/features/contracts/award.ts';
import { createResponseService } from '../server/features/contracts/respond.ts';
import { createContractFileService } from '../server/features/contract-files/contract-files.ts';
import { createInterviewService } from '../server/features/interviews/interviews.ts';
import { createJobInvitationService } from '../server/features/jobs/invitations.ts';
import { createJobService } from '../server/features/jobs/jobs.ts';
import { createLifecycleService } from '../server/features/jobs/lifecycle.ts';
import { createMeetingService } from '../server/features/meetings/meetings.ts';
import {
  createMeetingReminders,
  meetingReminderTask,
} from '../server/features/meetings/reminders.ts';
import { createMessageService } from '../server/features/messages/messages.ts';
import { createNotifier } from '../server/features/notifications/index.ts';
import {
  createReportReminders,
  reportReminderTasks,
} from '../server/features/reports/reminders.ts';
import { createReportService } from '../server/features/reports/reports.ts';
import {
  autoApproveTask,
  createTimeReminders,
  weekEndedTask,
} from '../server/features/time/reminders.ts';
import { createReviewService } from '../server/features/time/review.ts';
import { createTrackingService } from '../server/features/time/tracking.ts';
import { createDiscussionService } from '../server/features/work-issues/discussion.ts';
import { createWorkIssueService } from '../server/features/work-issues/issues.ts';
import type { Clock } from '../server/lib/clock.ts';
import { createFileStore } from '../server/lib/files.ts';
import { createMailer } from '../server/lib/mail.ts';
import type { Queue, TaskDefinition } from '../server/lib/queue.ts';
import type { DemoBusiness } from './demo-jobs.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DemoWorkPeople {
  /** The business: its owner awards, reviews and books. */
  bakery: DemoBusiness & { currency: string };
  /** The hourly contract's professional (another time zone) and the fixed-price one's. */
  hourly: { id: string; email: string };
  fixed: { id: string; email: string };
}

export interface DemoWorkResult {
  lines: string[];
  hourlyContractId: string;
  fixedContractId: string;
}

/** The services of the workspace, each with a clock fixed at one instant. */
function servicesAt(db: Db, config: Config, queue: Pick<Queue, 'enqueue' | 'cancel'>, at: Date) {
  const clock: Clock = { now: () => new Date(at) };
  const mailer = createMailer({ db, from: config.mailFrom });
  const notify = createNotifier({ mailer, baseUrl: config.baseUrl, clock });
  const files = createFileStore(config.dataDir);
  const reportTasks = reportReminderTasks({ db, clock, notify, queue });
  const reportReminders = createReportReminders({ queue, clock, tasks: reportTasks });
  const timeTasks = {
    weekEnded: weekEndedTask({ db, clock, notify }),
    autoApprove: autoApproveTask({ db, clock, notify }),
  };
  const meetingTask = meetingReminderTask({ db, clock, notify });
  return {
    /** The timed rules' tasks, by their queue names, running at this instant. */
    tasks: Object.fromEntries(
      [
        timeTasks.weekEnded,
        timeTasks.autoApprove,
        reportTasks.due,
        reportTasks.late,
        meetingTask,
      ].map((t) => [t.name, t as TaskDefinition<unknown>]),
    ),
    jobs: createJobService({ db, clock, config }),
    lifecycle: createLifecycleService({ db, clock, mode: config.mode }),
    invitations: createJobInvitationService({
      db,
      clock,
      mailer,
      notify,
      baseUrl: config.baseUrl,
    }),
    bids: createBidService({ db, clock, mode: config.mode, notify }),
    award: createAwardService({ db, clock, notify }),
    responses: createResponseService({
      db,
      clock,
      notify,
      interviews: createInterviewService({
        db,
        clock,
        mailer,
        notify,
        baseUrl: config.baseUrl,
        mailFrom: config.mailFrom,
      }),
      // As the contracts feature wires it: the first progress report reminder.
      onActivated: (tx, contract) => reportReminders.scheduleNext(tx, contract),
    }),
    changes: createChangeService({ db, clock, notify }),
    reports: createReportService({ db, clock, notify, reminders: reportReminders }),
    tracking: createTrackingService({
      db,
      clock,
      reminders: createTimeReminders({ queue, clock, tasks: timeTasks }),
    }),
    review: createReviewService({ db, clock, notify }),
    meetings: createMeetingService({
      db,
      clock,
      mailer,
      reminders: createMeetingReminders({ queue, clock, task: meetingTask }),
      baseUrl: config.baseUrl,
      mailFrom: config.mailFrom,
    }),
    issues: createWorkIssueService({ db, clock, notify }),
    discussion: createDiscussionService({
      db,
      clock,
      notify,
      files,
      maxUploadBytes: config.maxUploadBytes,
    }),
    messages: createMessageService({ db, clock, notify }),
    files: createContractFileService({ db, clock, config, files }),
  };
}
type Services = ReturnType<typeof servicesAt>;

type DemoQueue = Pick<Queue, 'enqueue' | 'cancel'>;

/**
 * The queue while history is replayed: a job due by "now" is held and run by {@link runDue} at
 * its own instant (with a clock there), as a worker would have run it then; a job due later goes
 * to the real queue for the server's worker. Without this, a worker already running would take
 * the past-due jobs at once, on today's clock, ahead of the history still being written (last
 * week's auto-approval before the owner's approval of it, say).
 */
function replayQueue(real: DemoQueue, now: Date) {
  const held = new Map<string, { name: string; payload: unknown; runAt: Date; order: number }>();
  let order = 0;
  let current = now;
  const queue: DemoQueue = {
    async enqueue(tx, task, payload, { key, runAt } = {}) {
      const at = runAt ?? current;
      if (at > now) {
        if (key) held.delete(key);
        return real.enqueue(tx, task, payload, { key, runAt: at });
      }
      if (key) await real.cancel(tx, key);
      held.set(key ?? `job-${order}`, {
        name: task.name,
        payload: task.payload.parse(payload),
        runAt: at,
        order: order++,
      });
    },
    async cancel(tx, key) {
      held.delete(key);
      await real.cancel(tx, key);
    },
  };
  return {
    queue,
    /** Runs the held jobs due by `until`, oldest first, each with the tasks of its instant. */
    async runDue(until: Date, tasksAt: (at: Date) => Record<string, TaskDefinition<unknown>>) {
      for (;;) {
        const next = [...held.entries()]
          .filter(([, job]) => job.runAt <= until)
          .sort(([, a], [, b]) => a.runAt.getTime() - b.runAt.getTime() || a.order - b.order)[0];
        if (!next) return;
        const [key, job] = next;
        held.delete(key);
        current = job.runAt;
        const task = tasksAt(job.runAt)[job.name];
        if (task) await task.run(job.payload, { id: key, attempt: 1, maxAttempts: 1, key });
      }
    },
    /** The instant the history is at (a job added without a time is due then). */
    at(instant: Date) {
      current = instant;
    },
  };
}

/** A job published and bid on, awarded and accepted: the contract the way the app makes one. */
async function hire(
  s: (at: Date) => Services,
  people: DemoWorkPeople,
  professional: { id: string; email: string },
  o: {
    title: string;
    summary: string;
    category: string;
    bid: SaveBidInput;
    offer: AwardInput;
    /** The instants of posting, bidding, the offer and its acceptance. */
    at: { post: Date; bid: Date; offer: Date; accept: Date };
  },
): Promise<string> {
  const owner = { userId: people.bakery.ownerId, businessId: people.bakery.businessId };
  const posting = s(o.at.post);
  const job = await posting.jobs.create(
    owner,
    CreateJobSchema.parse({
      brief: {
        title: o.title,
        summary: o.summary,
        category: o.category,
        budget:
          o.bid.termsType === 'hourly'
            ? {
                type: 'hourly',
                currency: o.bid.currency,
                min: 3000,
                max: 5000,
                hoursPerWeek: 10,
              }
            : { type: 'fixed', currency: o.bid.currency, min: 50000, max: 70000 },
        durationDays: 60,
      },
      spec: { description: o.summary },
    }),
  );
  const scope = { ...owner, jobId: job.id };
  // Invite-only, in either mode: this job is the demo's contract, not one for the board.
  await posting.lifecycle.publish(scope, { visibility: 'invite-only' });
  await posting.invitations.invite(scope, professional.email);
  const bid = await s(o.at.bid).bids.create(
    { userId: professional.id, jobId: job.id },
    SaveBidSchema.parse(o.bid),
  );
  const offer = await s(o.at.offer).award.award(
    { ...scope, bidId: bid.id },
    AwardSchema.parse(o.offer),
  );
  await s(o.at.accept).responses.accept({ userId: professional.id, contractId: offer.id });
  return offer.id;
}

export async function demoWork(
  db: Db,
  config: Config,
  realQueue: DemoQueue,
  people: DemoWorkPeople,
  now: Date = new Date(),
): Promise<DemoWorkResult> {
  const tz = people.bakery.timeZone;
  const currency = people.bakery.currency;
  const replay = replayQueue(realQueue, now);
  const s = (at: Date) => servicesAt(db, config, replay.queue, at);
  /** An instant on the bakery's clock: a local date and a time of day. */
  const at = (date: string, hours: number, minutes = 0) =>
    new Date(startOfDay(date, tz).getTime() + hours * HOUR + minutes * MINUTE);
  const today = localDateOf(now, tz);
  const thisMonday = weekStartOf(now, tz);
  const w2 = addDays(thisMonday, -14); // the week before last: auto-approved
  const w1 = addDays(thisMonday, -7); // last week: approved by the owner
  const activatedOn = addDays(thisMonday, -17); // the Friday three weeks back
  const owner = people.bakery.ownerId;
  const pro = people.hourly.id;

  // ——— The hourly contract ———
  const hourlyId = await hire(s, people, people.hourly, {
    title: 'Online shop upkeep for Crumb & Co.',
    summary:
      'A few hours a week on our WooCommerce shop: product pages, checkout fixes, seasonal pages. You work on a staging copy; we go live together.',
    category: 'web-development',
    bid: {
      termsType: 'hourly',
      currency,
      hourlyRate: 4000,
      estimatedHours: 10,
      durationDays: 60,
      coverLetter:
        'I look after four WooCommerce shops; ten hours a week is how I work with each. I start with a staging copy.',
      answers: [],
    },
    offer: {
      termsType: 'hourly',
      hourlyRate: 4000,
      weeklyCapHours: 10,
      startDate: activatedOn,
      message: 'Ten hours a week to start; we review the time every Monday.',
    },
    at: {
      post: at(addDays(activatedOn, -4), 9),
      bid: at(addDays(activatedOn, -3), 14),
      offer: at(addDays(activatedOn, -1), 11),
      accept: at(activatedOn, 10),
    },
  });
  const c = { contractId: hourlyId };
  const asOwner = { ...c, userId: owner };
  const asPro = { ...c, userId: pro };
  const issueNumbers = new Map<string, number>();
  const events: { at: Date; run: (svc: Services) => Promise<unknown> }[] = [];
  const event = (when: Date, run: (svc: Services) => Promise<unknown>) =>
    events.push({ at: when, run });

  // Reports two days before today's weekday, so the current one is always two days overdue.
  const reportWeekday = new Date(`${addDays(today, -2)}T12:00:00Z`).getUTCDay();
  event(at(activatedOn, 10, 30), (svc) =>
    svc.reports.configure(asOwner, { cadence: 'weekly', weekday: reportWeekday }),
  );
  // A total budget, agreed by amendment (the award has none).
  event(at(activatedOn, 11), async (svc) => {
    const amendment = await svc.changes.propose(
      asOwner,
      ProposeAmendmentSchema.parse({
        kind: 'terms',
        changes: { totalBudget: 400_000 },
        message: 'A ceiling of €4,000 for the first three months, so we both see the burn.',
      }),
    );
    await s(at(activatedOn, 15)).changes.answer({ ...asPro, amendmentId: amendment.id }, true, {
      note: 'Agreed.',
    });
  });

  const issue = (
    when: Date,
    key: string,
    who: string,
    input: { title: string; description?: string; priority?: 'low' | 'medium' | 'high' },
  ) =>
    event(when, async (svc) => {
      const made = await svc.issues.create(
        { ...c, userId: who },
        CreateWorkIssueSchema.parse(input),
      );
      issueNumbers.set(key, made.number);
    });
  const move = (when: Date, key: string, status: WorkIssueStatus) =>
    event(when, (svc) =>
      svc.issues.move({ ...asPro, number: issueNumbers.get(key)! }, { status, index: 0 }),
    );
  issue(at(activatedOn, 12), 'photos', owner, {
    title: 'Product photos are cropped on phones',
    description: 'On an iPhone the **top of every cake** is cut off in the product list.',
    priority: 'high',
  });
  issue(at(activatedOn, 12, 5), 'pickup', owner, {
    title: 'Add “collect in shop” at checkout',
    description:
      'Customers pick a shop (Baixa or Campo de Ourique) and a pick-up time within opening hours.',
  });
  issue(at(w2, 12), 'gift', pro, {
    title: 'Gift-card page for Christmas',
    description: 'Cards of €20, €50 and €100, sent by e-mail with a message.',
  });
  issue(at(w1, 10), 'allergens', owner, {
    title: 'Update the allergen labels on every product',
    description: 'The new labels are in the price list (column F).',
    priority: 'high',
  });
  move(at(addDays(w2, 1), 9), 'photos', 'in_progress');
  move(at(addDays(w2, 3), 17), 'photos', 'done');
  move(at(w1, 9), 'pickup', 'in_progress');
  move(at(addDays(w1, 1), 9), 'gift', 'in_progress');
  move(at(addDays(w1, 4), 16), 'gift', 'in_review');
  event(at(addDays(w1, 2), 16, 5), (svc) =>
    svc.discussion.comment(
      { ...asPro, number: issueNumbers.get('pickup')! },
      'Works on staging: the pick-up times come from each shop’s opening hours. Try it with a Saturday.',
    ),
  );

  // The kickoff: booked the day the contract started, minutes with two action items.
  let kickoffId = '';
  event(at(activatedOn, 12, 30), async (svc) => {
    const meeting = await svc.meetings.book(
      asOwner,
      BookMeetingSchema.parse({
        title: 'Kickoff',
        agenda: '- Access to the staging copy\n- The first three issues\n- How we review time',
        startsAt: at(w2, 15).toISOString(),
        durationMinutes: 30,
        attendeeIds: [pro],
        callLink: 'https://meet.example.com/crumb-kickoff',
      }),
    );
    kickoffId = meeting.id;
  });
  event(at(w2, 16), (svc) =>
    svc.meetings.writeMinutes(
      { ...asOwner, meetingId: kickoffId },
      {
        minutes:
          'Staging access works. Photos first, then collect in shop.\n\n- [ ] Send the December price list\n- [ ] Set up a second staging user for Tomás',
      },
    ),
  );
  event(at(w2, 16, 5), async (svc) => {
    const made = await svc.meetings.actionItemIssue(
      { ...asOwner, meetingId: kickoffId },
      { text: 'Send the December price list' },
    );
    issueNumbers.set('prices', made.issue.number);
  });
  // The price list: two versions, the second a correction.
  const csv = (croissant: string) =>
    Readable.from(
      Buffer.from(
        `product,price_eur,allergens\nPastel de nata,1.30,"egg, milk, gluten"\nCroissant,${croissant},"milk, gluten"\n`,
      ),
    );
  event(at(w2, 17), (svc) =>
    svc.files.upload(
      asOwner,
      { name: 'price-list-december.csv', note: 'Prices from 1 December' },
      csv('1.60'),
    ),
  );
  move(at(w2, 17, 5), 'prices', 'done');
  event(at(addDays(w1, 1), 11), (svc) =>
    svc.files.upload(
      asOwner,
      { name: 'price-list-december.csv', note: 'Croissant price corrected' },
      csv('1.70'),
    ),
  );

  // Messages both ways.
  const say = (when: Date, who: string, body: string) =>
    event(when, (svc) => svc.messages.send({ ...c, userId: who }, { body, uploadIds: [] }));
  say(
    at(activatedOn, 10, 15),
    pro,
    'Thanks for the offer! I will start on a **staging copy** of the shop today.',
  );
  say(at(w2, 17, 10), owner, 'The December price list is in Files. The allergen column is new.');
  say(
    at(addDays(w1, 2), 16, 10),
    pro,
    'Collect in shop works on staging (see #2). Could you try an order for Saturday?',
  );
  say(
    at(addDays(w1, 3), 9, 30),
    owner,
    'Tried it: lovely. Tomás will try the Campo de Ourique shop today.',
  );

  // Time: the professional's entries, each typed in soon after the work.
  const entry = (start: Date, minutes: number, memo: string, issueKey?: string) =>
    event(new Date(start.getTime() + minutes * MINUTE + 5 * MINUTE), (svc) =>
      svc.tracking.create(asPro, {
        startedAt: start.toISOString(),
        minutes,
        memo,
        issue: issueKey ? `#${issueNumbers.get(issueKey)!}` : null,
      }),
    );
  entry(at(w2, 10), 120, 'Staging copy of the shop and access for both of us');
  entry(at(addDays(w2, 1), 14), 150, 'Product photos: new image sizes', 'photos');
  entry(at(addDays(w2, 2), 10), 90, 'Product photos: regenerated thumbnails', 'photos');
  entry(at(addDays(w2, 3), 15), 120, 'Checked every product page on phones');
  entry(at(w1, 9, 30), 120, 'Collect in shop: shop choice at checkout', 'pickup');
  entry(at(addDays(w1, 1), 10), 120, 'Collect in shop: pick-up times', 'pickup');
  entry(at(addDays(w1, 2), 14), 90, 'Gift cards: product type and amounts', 'gift');
  entry(at(addDays(w1, 3), 10), 120, 'Gift cards: the e-mail with the message', 'gift');
  entry(at(addDays(w1, 4), 11), 90, 'Review with Maria, fixes');
  // The week before last: nobody reviewed it, so its queue job (`time.auto-approve`, held by
  // the replay queue) approves it 5 days after it ended, on a clock at that instant.
  // Last week: the owner approved it on Sunday evening.
  event(at(addDays(w1, 6), 19), (svc) =>
    svc.review.review({ ...asOwner, weekStart: w1 }, { decision: 'approve', reason: '' }),
  );
  // This week: the days gone by so far (early on a Monday there may be none yet).
  const thisWeek: [number, number, number, string, string?][] = [
    [0, 10, 90, 'Allergen labels: first twenty products', 'allergens'],
    [1, 10, 120, 'Collect in shop: the second shop’s hours', 'pickup'],
    [2, 14, 60, 'Gift cards: fixes from the review', 'gift'],
  ];
  for (const [day, hour, minutes, memo, key] of thisWeek) {
    const start = at(addDays(thisMonday, day), hour);
    if (start.getTime() + (minutes + 10) * MINUTE <= now.getTime())
      entry(start, minutes, memo, key);
  }

  // Reports: each sent on its due day, but the one due two days ago has not come.
  for (const [days, percent, done, next] of [
    [16, 10, 'Staging copy; product photos started.', 'Finish the photos; collect in shop.'],
    [9, 25, 'Photos fixed on phones; collect in shop on staging.', 'Gift cards; allergen labels.'],
  ] as const) {
    const dueOn = addDays(today, -days);
    if (dueOn <= activatedOn) continue;
    event(at(dueOn, 17), async (svc) => {
      const current = (await svc.reports.list(asPro)).current;
      await svc.reports.submit(
        asPro,
        SubmitReportSchema.parse({
          done,
          next,
          hours: current?.loggedHours ?? null,
          percentComplete: percent,
        }),
      );
    });
  }

  // A meeting in the coming days, booked an hour ago: 15:00 in Lisbon.
  event(new Date(now.getTime() - HOUR), (svc) =>
    svc.meetings.book(
      asOwner,
      BookMeetingSchema.parse({
        title: 'Weekly check-in: gift cards and allergens',
        agenda:
          '1. Gift cards: ready to go live?\n2. Allergen labels: how many left\n3. Next week’s hours',
        startsAt: at(addDays(today, 2), 15).toISOString(),
        durationMinutes: 30,
        attendeeIds: [pro],
        callLink: 'https://meet.example.com/crumb-weekly',
      }),
    ),
  );

  // ——— The fixed-price contract, on track ———
  const fixedStart = addDays(today, -10);
  let fixedId = '';
  event(at(addDays(fixedStart, -4), 9), async () => {
    fixedId = await hire(s, people, people.fixed, {
      title: 'Product descriptions for the Christmas range',
      summary:
        'Twelve product descriptions for our Christmas cakes and a newsletter announcing them, in English and Portuguese.',
      category: 'writing',
      bid: {
        termsType: 'fixed',
        currency,
        amount: 60000,
        durationDays: 21,
        coverLetter: 'Words that make people order: twelve descriptions, then the newsletter.',
        milestones: [
          { title: 'Twelve product descriptions', amount: 36000 },
          { title: 'Christmas newsletter', amount: 24000 },
        ],
        answers: [],
      },
      offer: {
        termsType: 'fixed',
        amount: 60000,
        milestones: [
          { title: 'Twelve product descriptions', amount: 36000, dueDate: addDays(today, 6) },
          { title: 'Christmas newsletter', amount: 24000, dueDate: addDays(today, 14) },
        ],
        startDate: fixedStart,
      },
      at: {
        post: at(addDays(fixedStart, -4), 9),
        bid: at(addDays(fixedStart, -3), 12),
        offer: at(addDays(fixedStart, -1), 10),
        accept: at(fixedStart, 10),
      },
    });
  });
  // Its reports (Fridays, the default) each on its due day, up to yesterday.
  let percent = 15;
  for (let day = addDays(fixedStart, 1); day < today; day = addDays(day, 1)) {
    if (new Date(`${day}T12:00:00Z`).getUTCDay() !== 5) continue;
    const complete = percent;
    event(at(day, 17), (svc) =>
      svc.reports.submit(
        { contractId: fixedId, userId: people.fixed.id },
        SubmitReportSchema.parse({
          done: 'Drafts of the cake descriptions, read aloud with Maria.',
          next: 'The remaining descriptions, then the newsletter.',
          percentComplete: complete,
        }),
      ),
    );
    percent += 15;
  }

  // History in the order it happened; the timed rules run in between, each at its instant.
  const tasksAt = (instant: Date) => s(instant).tasks;
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of events) {
    if (e.at > now) continue;
    await replay.runDue(e.at, tasksAt);
    replay.at(e.at);
    await e.run(s(e.at));
  }
  await replay.runDue(now, tasksAt);

  const page = (id: string) => `${config.baseUrl}/app/contracts/${id}`;
  return {
    hourlyContractId: hourlyId,
    fixedContractId: fixedId,
    lines: [
      `  "Online shop upkeep for Crumb & Co.", hourly (10 h a week) with ${people.hourly.email}:`,
      '    three weeks of time (the week before last approved automatically, last week by the owner),',
      '    a kickoff with minutes and a check-in booked in two days, issues on the board, messages, a',
      '    price list in two versions; its progress report is two days overdue, so it is at risk.',
      `    ${page(hourlyId)}`,
      `  "Product descriptions for the Christmas range", fixed price with ${people.fixed.email}:`,
      `    two milestones, reports on time, on track. ${page(fixedId)}`,
      `  The owner's dashboard of both: ${config.baseUrl}/app/businesses/${people.bakery.businessId}/contracts`,
    ],
  };
}
