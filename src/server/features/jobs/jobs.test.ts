import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEntry, errorPaths } from '../../../../test/audit-factories.ts';
import { draft, logWeek } from '../../../../test/audit-week.ts';
import {
  createJob,
  FULL_BRIEF,
  FULL_SPEC,
  jobsUrl,
  saveJob,
} from '../../../../test/business-jobs.ts';
import { buildBusiness } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildJob } from '../../../../test/job-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { BusinessJob, JobList } from '../../../core/contracts/jobs.ts';
import { MAX_TITLE } from '../../../core/jobs.ts';
import { jobs, skills } from '../../db/schema/index.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;

describe('POST /api/v1/businesses/:businessId/jobs', () => {
  it('starts a public draft from scratch with the brief and spec given, and the checker’s result', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    expect(job).toMatchObject({
      status: 'draft',
      visibility: 'public',
      ndaRequired: false,
      trialPlanned: false,
      business: { id: cast.businessId, name: 'Test Bakery' },
      brief: { ...FULL_BRIEF, budget: { ...FULL_BRIEF.budget, hoursPerWeek: null } },
      spec: FULL_SPEC,
      specVersion: null,
      publishedScore: null,
      publishedAt: null,
      draftId: null,
      templateSlug: null,
      invitedCount: 0,
      attachments: [],
    });
    expect(job.check).toEqual({ score: 100, findings: [] });
    const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row).toMatchObject({ checkScore: 100, createdBy: owner().id });
  });

  it('refuses a job from scratch without a title, naming body.brief.title', async () => {
    for (const payload of [{}, { brief: { summary: 'No title here' } }, { brief: { title: '' } }]) {
      const res = await call(ctx, owner(), {
        method: 'POST',
        url: jobsUrl(cast.businessId),
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(errorPaths(res)).toEqual(['body.brief.title']);
    }
  });

  it('starts with an empty budget in the business’s currency, and a low score the checker explains', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, { brief: { title: 'Logo' } });
    expect(job.brief.budget).toEqual({
      type: 'fixed',
      currency: 'EUR',
      min: null,
      max: null,
      hoursPerWeek: null,
    });
    expect(job.check.score).toBeLessThan(30);
    expect(job.check.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['no-budget', 'no-deadline', 'no-deliverables']),
    );
  });

  it('names every bad field as problem+json', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: {
        brief: {
          title: 'Logo',
          budget: { type: 'fixed', currency: 'EUR', min: 50000, max: 30000 },
          deadline: 'next friday',
          skills: ['x'.repeat(41)],
        },
        spec: {
          requirements: [{ id: 'r1', text: 'Brown', priority: 'urgent', deliverableId: null }],
        },
        colour: 'brown',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining([
        'body.brief.budget.max',
        'body.brief.deadline',
        'body.brief.skills.0',
        'body.spec.requirements.0.priority',
      ]),
    );
  });

  it('refuses a category that does not exist and a skill with no letter or digit', async () => {
    const skill = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { brief: { title: 'Logo', skills: ['Figma', '—'] } },
    });
    expect(skill.statusCode).toBe(400);
    expect(errorPaths(skill)).toEqual(['body.brief.skills.1']);
    const category = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { brief: { title: 'Logo', category: 'astrology', skills: ['Figma'] } },
    });
    expect(category.statusCode).toBe(400);
    expect(errorPaths(category)).toEqual(['body.brief.category']);
  });

  it('keeps skills once per slug and stores their slugs; a draft adds none to the public skills list', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, {
      brief: { title: 'Logo', skills: ['Figma', 'figma', 'Risograph Printing', 'C#'] },
    });
    expect(job.brief.skills).toEqual(['Figma', 'Risograph Printing', 'C#']);
    const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row?.skillSlugs).toEqual(['figma', 'risograph-printing', 'c-sharp']);
    const known = await ctx.db
      .select()
      .from(skills)
      .where(inArray(skills.slug, ['figma', 'risograph-printing', 'c-sharp']));
    // Figma is one of the seeded skills; the other two were only typed into a draft.
    expect(known.map((s) => [s.slug, s.name])).toEqual([['figma', 'Figma']]);
  });

  it('stores the budget in US cents and the search document for the board', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const [row] = await ctx.db
      .select({
        budgetUsd: jobs.budgetUsd,
        // Stemmed: "bakeries" finds "bakery", "logos" finds "logo".
        found: sql<boolean>`${jobs.search} @@ plainto_tsquery('english', 'bakeries logos illustrator')`,
      })
      .from(jobs)
      .where(eq(jobs.id, job.id));
    // €500.00 at 0.92 EUR per USD (migration 0002) is $543.48.
    expect(row).toEqual({ budgetUsd: 54348, found: true });
  });

  it('starts from a template: its brief and spec, with the body’s brief fields on top', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, {
      templateSlug: 'logo-design',
      brief: { title: 'Logo for our bike shop' },
    });
    expect(job.templateSlug).toBe('logo-design');
    expect(job.brief.title).toBe('Logo for our bike shop');
    expect(job.brief.category).toBe('design');
    expect(job.brief.summary).toMatch(/^We need a logo for our business/);
    expect(job.brief.skills).toContain('Logo design');
    expect(job.brief.budget).toMatchObject({ currency: 'EUR', min: null, max: null });
    expect(job.spec.deliverables.length).toBeGreaterThan(2);
    // A template leaves only the budget and the deadline to the owner.
    expect(job.check.findings.map((f) => f.code).sort()).toEqual(['no-budget', 'no-deadline']);
  });

  it('answers 404 naming body.templateSlug for a template that does not exist', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { templateSlug: 'astrology' },
    });
    expect(res.statusCode).toBe(404);
    expect(errorPaths(res)).toEqual(['body.templateSlug']);
  });

  it('refuses a template and a draft at once', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { templateSlug: 'logo-design', draftId: '0190d9a0-0000-7000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['body.draftId']);
  });

  describe('from an audit job draft', () => {
    let week: Awaited<ReturnType<typeof logWeek>>;
    beforeAll(async () => {
      week = await logWeek(ctx);
    });

    it('makes recurring work: an hourly job with hours a week, a descriptive title, a first spec', async () => {
      const drafted = (await draft(ctx, week.b, week.ids.Bookkeeping)).json();
      const job = await createJob(ctx, week.b.owner, week.b.businessId, { draftId: drafted.id });
      // The draft: 30 h a month, €883–€1,325 a month → €29–€44 an hour, about 7 h a week.
      expect(job).toMatchObject({
        draftId: drafted.id,
        brief: {
          title: 'Bookkeeping — ongoing, about 30 h a month',
          category: 'bookkeeping',
          budget: { type: 'hourly', currency: 'EUR', min: 2900, max: 4400, hoursPerWeek: 7 },
          durationDays: 90,
        },
      });
      expect(job.brief.summary).toContain('about 30 hours a month');
      expect(job.spec.deliverables.length).toBeGreaterThan(0);
      // The checker finds nothing that must be fixed in what the audit drafted.
      expect(
        job.check.findings.filter((f: { severity: string }) => f.severity === 'error'),
      ).toEqual([]);
    });

    it('shortens a task name longer than a job title may be, at a word, with an ellipsis', async () => {
      const taskName = `Reconcile ${'supplier invoices and delivery notes against the bank '.repeat(3)}every Friday`;
      expect(taskName.length).toBeGreaterThan(MAX_TITLE);
      const entry = await buildEntry(ctx, week.b, { taskName, minutes: 120, date: '2026-07-13' });
      const drafted = await draft(ctx, week.b, entry.taskId);
      expect(drafted.statusCode, drafted.body).toBe(201);
      const job = await createJob(ctx, week.b.owner, week.b.businessId, {
        draftId: drafted.json().id,
      });
      expect(job.brief.title.length).toBeLessThanOrEqual(MAX_TITLE);
      expect(job.brief.title).toMatch(/^Reconcile supplier invoices .*[a-z]… — ongoing, about /);
      expect(taskName.startsWith(job.brief.title.split('…')[0]!)).toBe(true);
      // The summary still names the whole task.
      expect(job.brief.summary).toContain(taskName);
    });

    it('lets the body’s brief fields override the draft’s', async () => {
      const drafted = (await draft(ctx, week.b, week.ids['Social posts'])).json();
      const job = await createJob(ctx, week.b.owner, week.b.businessId, {
        draftId: drafted.id,
        brief: { title: 'Instagram posts for our shop', skills: ['Instagram'] },
      });
      expect(job.brief).toMatchObject({
        title: 'Instagram posts for our shop',
        category: 'social-media',
        skills: ['Instagram'],
      });
    });

    it('answers 409 naming the job when the draft was already turned into one, and the audit links to it', async () => {
      const drafted = (await draft(ctx, week.b, week.ids['VAT return'])).json();
      const first = await createJob(ctx, week.b.owner, week.b.businessId, { draftId: drafted.id });
      const again = await call(ctx, week.b.owner, {
        method: 'POST',
        url: jobsUrl(week.b.businessId),
        payload: { draftId: drafted.id },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain(`“${first.brief.title}”`);
      expect(errorPaths(again)).toEqual(['body.draftId']);

      const list = await call(ctx, week.b.owner, {
        method: 'GET',
        url: `/api/v1/businesses/${week.b.businessId}/job-drafts`,
      });
      const items = list.json().items as { id: string; jobId: string | null }[];
      expect(items.find((d) => d.id === drafted.id)?.jobId).toBe(first.id);
    });

    it('answers 404 naming body.draftId for another business’s draft', async () => {
      const other = await logWeek(ctx);
      const theirs = (await draft(ctx, other.b, other.ids.Bookkeeping)).json();
      const res = await call(ctx, week.b.owner, {
        method: 'POST',
        url: jobsUrl(week.b.businessId),
        payload: { draftId: theirs.id },
      });
      expect(res.statusCode).toBe(404);
      expect(errorPaths(res)).toEqual(['body.draftId']);
    });
  });

  it('role matrix: owners and managers start jobs; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: jobsUrl(cast.businessId),
        payload: { brief: { title: 'Logo' } },
      }),
      201,
    );
  });
});

describe('GET /api/v1/businesses/:businessId/jobs/:jobId', () => {
  it('answers 404 for a job of another business, even to its owner’s URL', async () => {
    const { business, owner: theirs } = await buildBusiness(ctx);
    const job = await buildJob(ctx, { businessId: business.id });
    const res = await call(ctx, owner(), { method: 'GET', url: jobsUrl(cast.businessId, job.id) });
    expect(res.statusCode).toBe(404);
    const own = await call(ctx, theirs, { method: 'GET', url: jobsUrl(business.id, job.id) });
    expect(own.statusCode).toBe(200);
  });

  it('role matrix: every member reads; outsiders 404', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: jobsUrl(cast.businessId, job.id) }),
      200,
    );
  });
});

describe('PATCH /api/v1/businesses/:businessId/jobs/:jobId', () => {
  it('refuses a save made on top of someone else’s newer save when the editor says which version it loaded', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, { brief: { title: 'Logo' } });
    const loaded = job.updatedAt;
    const save = (who: typeof cast.people.owner, title: string, expectedUpdatedAt?: string) =>
      call(ctx, who, {
        method: 'PATCH',
        url: jobsUrl(cast.businessId, job.id),
        payload: {
          brief: { ...job.brief, title },
          ...(expectedUpdatedAt && { expectedUpdatedAt }),
        },
      });

    ctx.clock.advance(60_000);
    const first = await save(owner(), 'Logo by the owner', loaded);
    expect(first.statusCode, first.body).toBe(200);
    ctx.clock.advance(60_000);
    const second = await save(cast.people.manager, 'Logo by the manager', loaded);
    expect(second.statusCode, second.body).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');

    const now = await call(ctx, owner(), { method: 'GET', url: jobsUrl(cast.businessId, job.id) });
    expect(now.json<BusinessJob>().brief.title).toBe('Logo by the owner');
    // Loaded again, the manager's save goes through; a client that sends no version always does.
    const again = await save(
      cast.people.manager,
      'Logo by the manager',
      now.json<BusinessJob>().updatedAt,
    );
    expect(again.statusCode, again.body).toBe(200);
    const blind = await save(owner(), 'Logo, last word');
    expect(blind.statusCode, blind.body).toBe(200);
  });

  it('saves the brief, the spec and the settings, and rescores', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, { brief: { title: 'Logo' } });
    ctx.clock.advance(60_000);
    const saved = await saveJob(ctx, owner(), job, {
      brief: FULL_BRIEF,
      spec: FULL_SPEC,
      ndaRequired: true,
      trialPlanned: true,
      visibility: 'invite-only',
    });
    expect(saved).toMatchObject({
      brief: { title: FULL_BRIEF.title, deadline: FULL_BRIEF.deadline },
      spec: FULL_SPEC,
      ndaRequired: true,
      trialPlanned: true,
      visibility: 'invite-only',
      check: { score: 100, findings: [] },
    });
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(job.updatedAt));
    const [row] = await ctx.db.select().from(jobs).where(eq(jobs.id, job.id));
    expect(row?.checkScore).toBe(100);
  });

  it('keeps what the body leaves out', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const saved = await saveJob(ctx, owner(), job, { ndaRequired: true });
    expect(saved.brief).toEqual(job.brief);
    expect(saved.spec).toEqual(job.spec);
  });

  it('names the bad fields of a whole brief and refuses unknown fields', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const res = await call(ctx, owner(), {
      method: 'PATCH',
      url: jobsUrl(cast.businessId, job.id),
      payload: {
        brief: { ...FULL_BRIEF, title: '', budget: { ...FULL_BRIEF.budget, min: 9, max: 1 } },
        status: 'open',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(
      expect.arrayContaining(['body.brief.title', 'body.brief.budget.max', 'body']),
    );
  });

  it('refuses to edit an archived job (409) until it is reopened', async () => {
    const job = await buildJob(ctx, { businessId: cast.businessId, status: 'archived' });
    const res = await call(ctx, owner(), {
      method: 'PATCH',
      url: jobsUrl(cast.businessId, job.id),
      payload: { ndaRequired: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/archived/);
  });

  it('role matrix: owners and managers save; viewers 403; outsiders 404', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'PATCH',
        url: jobsUrl(cast.businessId, job.id),
        payload: { trialPlanned: true },
      }),
      200,
    );
  });
});

describe('DELETE /api/v1/businesses/:businessId/jobs/:jobId', () => {
  it('deletes a draft that was never published', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const res = await call(ctx, owner(), {
      method: 'DELETE',
      url: jobsUrl(cast.businessId, job.id),
    });
    expect(res.statusCode).toBe(204);
    const again = await call(ctx, owner(), {
      method: 'GET',
      url: jobsUrl(cast.businessId, job.id),
    });
    expect(again.statusCode).toBe(404);
  });

  it.each(['open', 'closed', 'archived'] as const)('answers 409 for a %s job', async (status) => {
    const job = await buildJob(ctx, { businessId: cast.businessId, status });
    const res = await call(ctx, owner(), {
      method: 'DELETE',
      url: jobsUrl(cast.businessId, job.id),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/never published/);
  });

  it('role matrix: owners and managers delete drafts; viewers 403; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const job = await buildJob(ctx, { businessId: cast.businessId, status: 'draft' });
        return { method: 'DELETE', url: jobsUrl(cast.businessId, job.id) };
      },
      204,
    );
  });
});

describe('GET /api/v1/businesses/:businessId/jobs', () => {
  let businessId: string;
  let who: Awaited<ReturnType<typeof buildBusiness>>['owner'];
  const titles: string[] = [];
  beforeAll(async () => {
    const built = await buildBusiness(ctx);
    businessId = built.business.id;
    who = built.owner;
    // One job a minute, so each has its own updatedAt: 3 drafts, 2 open, 1 closed, 1 archived.
    for (const [i, status] of (
      ['draft', 'open', 'draft', 'closed', 'open', 'archived', 'draft'] as const
    ).entries()) {
      ctx.clock.advance(60_000);
      const job = await createJob(ctx, who, businessId, { brief: { title: `Job ${i}` } });
      titles.push(job.brief.title);
      if (status === 'draft') continue;
      await call(ctx, who, {
        method: 'POST',
        url: jobsUrl(businessId, job.id, '/publish'),
        payload: {},
      });
      if (status === 'closed' || status === 'archived') {
        const action = status === 'closed' ? 'close' : 'archive';
        await call(ctx, who, { method: 'POST', url: jobsUrl(businessId, job.id, `/${action}`) });
      }
    }
  });

  const list = async (query = ''): Promise<JobList> => {
    const res = await call(ctx, who, { method: 'GET', url: `${jobsUrl(businessId)}${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists every job but the archived ones, most recently changed first, with counts per status', async () => {
    const page = await list();
    expect(page.counts).toEqual({ draft: 3, open: 2, closed: 1, archived: 1 });
    expect(page.items.map((j) => j.title)).toEqual([
      'Job 6',
      'Job 4',
      'Job 3',
      'Job 2',
      'Job 1',
      'Job 0',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[1]).toMatchObject({
      title: 'Job 4',
      status: 'open',
      visibility: 'public',
      specVersion: 1,
      invitedCount: 0,
      attachmentCount: 0,
    });
    expect(page.items[1]?.publishedAt).not.toBeNull();
    expect(page.items[0]?.score).toBeLessThan(30);
  });

  it('filters by status', async () => {
    expect((await list('?status=archived')).items.map((j) => j.title)).toEqual(['Job 5']);
    expect((await list('?status=draft')).items.map((j) => j.title)).toEqual([
      'Job 6',
      'Job 2',
      'Job 0',
    ]);
    expect((await list('?status=draft')).counts.open).toBe(2);
  });

  it('pages with the cursor it gave out, without skipping or repeating a job', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(`?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((j) => j.title));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(['Job 6', 'Job 4', 'Job 3', 'Job 2', 'Job 1', 'Job 0']);
  });

  it('pages jobs with the same updatedAt by id, to the microsecond', async () => {
    const built = await buildBusiness(ctx);
    // Built straight in the database, these have now()'s microseconds and one shared instant.
    const made = await Promise.all(
      [1, 2, 3].map(() => buildJob(ctx, { businessId: built.business.id, status: 'draft' })),
    );
    await ctx.db
      .update(jobs)
      .set({ updatedAt: new Date('2026-07-01T10:00:00.123Z') })
      .where(
        inArray(
          jobs.id,
          made.slice(0, 2).map((j) => j.id),
        ),
      );
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await call(ctx, built.owner, {
        method: 'GET',
        url: `${jobsUrl(built.business.id)}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      });
      const page: JobList = res.json();
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('answers 400 naming querystring.cursor for a cursor it did not give out', async () => {
    const res = await call(ctx, who, { method: 'GET', url: `${jobsUrl(businessId)}?cursor=abc` });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.cursor']);
  });

  it('answers 400 naming querystring.status for an unknown status', async () => {
    const res = await call(ctx, who, {
      method: 'GET',
      url: `${jobsUrl(businessId)}?status=deleted`,
    });
    expect(res.statusCode).toBe(400);
    expect(errorPaths(res)).toEqual(['querystring.status']);
  });

  it('role matrix: every member lists; outsiders 404', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: jobsUrl(cast.businessId) }),
      200,
    );
  });
});

describe('in a private workspace', () => {
  let ws: TestContext;
  beforeAll(async () => {
    ws = await createTestContext({ config: { mode: 'workspace' } });
  });

  it('starts jobs invite-only', async () => {
    const { business, owner: who } = await buildBusiness(ws);
    const job = await createJob(ws, who, business.id, { brief: { title: 'Logo' } });
    expect(job.visibility).toBe('invite-only');
  });

  it('refuses to make a job public (422 naming body.visibility)', async () => {
    const { business, owner: who } = await buildBusiness(ws);
    const job: BusinessJob = await createJob(ws, who, business.id, { brief: { title: 'Logo' } });
    const res = await call(ws, who, {
      method: 'PATCH',
      url: jobsUrl(business.id, job.id),
      payload: { visibility: 'public' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('This Handoff is a private workspace: jobs are invite-only.');
    expect(errorPaths(res)).toEqual(['body.visibility']);
  });

  it('saves a job published publicly before the switch as invite-only', async () => {
    const { business, owner: who } = await buildBusiness(ws);
    const built = await buildJob(ws, { businessId: business.id, visibility: 'public' });
    const job = { id: built.id, business: { id: business.id } };
    const saved = await saveJob(ws, who, job, { ndaRequired: true });
    expect(saved).toMatchObject({ status: 'open', visibility: 'invite-only', ndaRequired: true });
    const anonymous = await call(ws, null, { method: 'GET', url: `/api/v1/jobs/${built.id}` });
    expect(anonymous.statusCode).toBe(404);
  });
});
