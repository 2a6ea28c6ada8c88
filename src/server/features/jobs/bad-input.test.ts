/**
 * Input that Postgres cannot hold or read — a NUL in text, year 0000, a number past `integer`,
 * a malformed uuid — is a 400 naming the field, never a 500.
 */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorPaths } from '../../../../test/audit-factories.ts';
import {
  createJob,
  FULL_BRIEF,
  FULL_SPEC,
  jobsUrl,
  publishedJob,
} from '../../../../test/business-jobs.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, type Cast } from '../../../../test/role-matrix.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const owner = () => cast.people.owner;
const NUL = '\u0000';

/** A 400 problem naming exactly `paths`, each with `message`. */
function expectRefused(res: LightMyRequestResponse, paths: string[], message?: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(errorPaths(res)).toEqual(paths);
  if (message) {
    const messages = res.json<{ errors: { message: string }[] }>().errors.map((e) => e.message);
    expect(messages).toEqual(paths.map(() => message));
  }
}

describe('a NUL character', () => {
  const nulMessage = 'Contains a NUL character';

  it('in a new job’s title, summary, skill, screening question or spec text is a 400 naming each', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: {
        brief: {
          title: `Logo${NUL}`,
          summary: `For our ${NUL}bakery`,
          skills: ['Figma', `Ill${NUL}ustrator`],
          screeningQuestions: [`Which tools${NUL}?`],
        },
        spec: {
          description: `# Brief${NUL}`,
          deliverables: [{ id: 'd1', text: `Files${NUL}` }],
        },
      },
    });
    expectRefused(
      res,
      [
        'body.brief.title',
        'body.brief.summary',
        'body.brief.skills.1',
        'body.brief.screeningQuestions.0',
        'body.spec.description',
        'body.spec.deliverables.0.text',
      ],
      nulMessage,
    );
  });

  it('in a saved brief or specification is a 400 naming the field', async () => {
    const job = await createJob(ctx, owner(), cast.businessId);
    const res = await call(ctx, owner(), {
      method: 'PATCH',
      url: jobsUrl(cast.businessId, job.id),
      payload: {
        brief: { ...FULL_BRIEF, title: `Logo${NUL}for a bakery` },
        spec: { ...FULL_SPEC, successDefinition: `Printed${NUL}` },
      },
    });
    expectRefused(res, ['body.brief.title', 'body.spec.successDefinition'], nulMessage);
  });

  it('in a template’s name or the skills search is a 400 naming it', async () => {
    const template = await call(ctx, cast.people.admin, {
      method: 'PATCH',
      url: '/api/v1/admin/job-templates/logo-design',
      payload: { name: `Logo${NUL}` },
    });
    expectRefused(template, ['body.name'], nulMessage);
    const skills = await call(ctx, null, { method: 'GET', url: '/api/v1/skills?q=fig%00' });
    expectRefused(skills, ['querystring.q'], nulMessage);
  });
});

describe('half of an emoji (a lone surrogate)', () => {
  it('in a title, a skill or spec text is a 400 naming each, not a database error', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: {
        brief: { title: 'Logo \ud83c', skills: ['Figma \udf70'] },
        spec: { successDefinition: 'Printed \ud800 and framed' },
      },
    });
    expectRefused(
      res,
      ['body.brief.title', 'body.brief.skills.0', 'body.spec.successDefinition'],
      'Contains an invalid character',
    );
    const whole = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { brief: { title: 'Logo for a bakery 🍰', skills: ['Figma'] } },
    });
    expect(whole.statusCode, whole.body).toBe(201);
  });
});

describe('a skill with no letter or digit', () => {
  it('in a template is a 400 naming it, so no job made from the template fails later', async () => {
    const res = await call(ctx, cast.people.admin, {
      method: 'PATCH',
      url: '/api/v1/admin/job-templates/logo-design',
      payload: { brief: { skills: ['Figma', '...'] } },
    });
    expectRefused(res, ['body.brief.skills.1'], 'Use letters or digits');
    const fromTemplate = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { templateSlug: 'logo-design' },
    });
    expect(fromTemplate.statusCode, fromTemplate.body).toBe(201);
  });

  it('in another script is a skill like any other', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { brief: { title: 'Переклад сайту українською', skills: ['Українська мова'] } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ brief: { skills: string[] } }>().brief.skills).toEqual(['Українська мова']);
  });
});

describe('a deadline', () => {
  it('in year 0000 is a 400 naming body.brief.deadline', async () => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { brief: { title: 'Logo', deadline: '0000-01-01' } },
    });
    expectRefused(res, ['body.brief.deadline'], 'There is no year 0000; use 0001 to 9999');
  });

  it('in any year from 0001 to 9999 is taken', async () => {
    for (const deadline of ['0001-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      const job = await createJob(ctx, owner(), cast.businessId, {
        brief: { title: 'Logo', deadline },
      });
      expect(job.brief.deadline).toBe(deadline);
    }
  });

  // The date schema serializes responses too: a stored date it refused made every read a 500.
  it('far away (3026-09-30) is saved and read back on the board, the public page and the business’s job', async () => {
    const deadline = '3026-09-30';
    const job = await publishedJob(ctx, owner(), cast.businessId, {
      brief: { ...FULL_BRIEF, deadline },
      spec: FULL_SPEC,
    });
    expect(job.brief.deadline).toBe(deadline);

    const mine = await call(ctx, owner(), { method: 'GET', url: jobsUrl(cast.businessId, job.id) });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ brief: { deadline } });

    const publicPage = await call(ctx, null, { method: 'GET', url: `/api/v1/jobs/${job.id}` });
    expect(publicPage.statusCode, publicPage.body).toBe(200);
    expect(JSON.stringify(publicPage.json())).toContain(`"deadline":"${deadline}"`);

    const board = await call(ctx, null, { method: 'GET', url: '/api/v1/jobs' });
    expect(board.statusCode, board.body).toBe(200);
    const listed = board.json<{ items: { id: string; deadline: string | null }[] }>().items;
    expect(listed.find((j) => j.id === job.id)).toMatchObject({ deadline });
  });
});

describe('a version number past what Postgres’s integer holds', () => {
  it('is a 400 naming params.version, querystring.from or querystring.to', async () => {
    const job = await publishedJob(ctx, owner(), cast.businessId);
    const get = (rest: string) =>
      call(ctx, owner(), { method: 'GET', url: jobsUrl(cast.businessId, job.id, rest) });
    expectRefused(await get('/versions/9999999999'), ['params.version']);
    expectRefused(await get('/diff?from=1&to=2147483648'), ['querystring.to']);
    expectRefused(await get('/diff?from=9999999999&to=1'), ['querystring.from']);
    // The largest integer is a well-formed number: the job simply has no such version.
    expect((await get('/versions/2147483647')).statusCode).toBe(404);
  });
});

describe('the job list’s cursor', () => {
  it.each([
    ['an id of dashes', `1700000000000000_${'-'.repeat(36)}`],
    ['an id that is no uuid', '1700000000000000_0190d9a0-0000-7000-8000-00000000000g'],
    ['an id with a NUL', `1700000000000000_${NUL}190d9a0-0000-7000-8000-000000000000`],
  ])('with %s is a 400 naming querystring.cursor', async (_, cursor) => {
    const res = await call(ctx, owner(), {
      method: 'GET',
      url: `${jobsUrl(cast.businessId)}?cursor=${encodeURIComponent(cursor)}`,
    });
    expectRefused(res, ['querystring.cursor']);
  });
});

describe('a skill with no letter or digit', () => {
  it.each(['...', '.', '-.-'])('(“%s”) is a 400 naming the skill', async (skill) => {
    const res = await call(ctx, owner(), {
      method: 'POST',
      url: jobsUrl(cast.businessId),
      payload: { brief: { title: 'Logo', skills: ['Figma', skill] } },
    });
    expectRefused(res, ['body.brief.skills.1'], 'Use letters or digits');
  });

  it('is kept when a letter or digit comes with the dots', async () => {
    const job = await createJob(ctx, owner(), cast.businessId, {
      brief: { title: 'API', skills: ['Node.js', '.NET', 'C++'] },
    });
    expect(job.brief.skills).toEqual(['Node.js', '.NET', 'C++']);
  });
});
