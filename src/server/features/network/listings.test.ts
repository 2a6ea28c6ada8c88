import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { BASE_URL, call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { lastMailTo, linkIn } from '../../../../test/mailbox.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { SaveListingInput } from '../../../core/contracts/network.ts';

let ctx: TestContext;
let cast: Cast;
beforeAll(async () => {
  ctx = await createTestContext();
  cast = await buildCast(ctx);
});

const agency: SaveListingInput = {
  name: 'Northwind Studio',
  description: 'A small studio building shops for bakeries.',
  services: ['Shopify themes', 'Product photography'],
  categorySlugs: ['design', 'web-development'],
  teamSize: 6,
  website: 'https://northwind.example',
  countries: ['PT', 'ES'],
  timeZones: ['Europe/Lisbon'],
};

const save = (who: TestUser, body: SaveListingInput = agency) =>
  call(ctx, who, { method: 'PUT', url: '/api/v1/me/listing', payload: body });
const read = (who: TestUser | null, id: string) =>
  call(ctx, who, { method: 'GET', url: `/api/v1/listings/${id}` });
const queue = () => call(ctx, cast.people.admin, { method: 'GET', url: '/api/v1/admin/listings' });
const notificationsOf = async (who: TestUser) =>
  (await call(ctx, who, { method: 'GET', url: '/api/v1/notifications' })).json().items as {
    type: string;
    title: string;
    body: string | null;
  }[];

describe('a listing from submission to the directory', () => {
  it('waits as pending, hidden from everyone but its owner and admins, then an approval makes it public and tells the owner', async () => {
    ctx.clock.set('2026-09-01T10:00:00Z');
    const pro = await buildUser(ctx, { professional: true, name: 'Nadia Agency' });
    const created = await save(pro);
    expect(created.statusCode).toBe(201);
    const listing = created.json();
    expect(listing).toMatchObject({
      name: 'Northwind Studio',
      status: 'pending',
      owner: { id: pro.id, name: 'Nadia Agency' },
      rejectionReason: null,
    });

    // Pending: a 404 for anyone else, as if it did not exist.
    for (const who of [null, cast.people.owner, cast.people.professional]) {
      expect((await read(who, listing.id)).statusCode).toBe(404);
    }
    expect((await read(pro, listing.id)).json().status).toBe('pending');
    expect((await read(cast.people.admin, listing.id)).json().status).toBe('pending');

    const waiting = (await queue()).json().items as { id: string }[];
    expect(waiting.map((l) => l.id)).toContain(listing.id);

    const approved = await call(ctx, cast.people.admin, {
      method: 'POST',
      url: `/api/v1/admin/listings/${listing.id}/approve`,
      payload: { updatedAt: listing.updatedAt },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('approved');

    const publicView = await read(null, listing.id);
    expect(publicView.statusCode).toBe(200);
    expect(publicView.json()).not.toHaveProperty('status');
    expect(publicView.json().services).toEqual(['Shopify themes', 'Product photography']);

    const [note] = await notificationsOf(pro);
    expect(note).toMatchObject({ type: 'listing.approved' });
    const mail = await lastMailTo(ctx, pro.email);
    expect(mail.subject).toBe('Your Handoff listing “Northwind Studio” is approved');
    expect(linkIn(mail.text, BASE_URL).pathname).toBe('/app/listing');
  });

  it('writes the search document (name, services, description) on every save', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const first = (await save(pro)).json();
    const search = async () =>
      (
        await ctx.pool.query<{ hit: boolean }>(
          `select search @@ websearch_to_tsquery('english', $2) as hit from business_listings where id = $1`,
          [first.id, 'photography'],
        )
      ).rows[0]?.hit;
    expect(await search()).toBe(true);
    await save(pro, { ...agency, services: ['Copywriting'] });
    expect(await search()).toBe(false);
  });

  it('a rejection needs a reason, which the owner reads in the app and by e-mail; editing sends it back for review', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const listing = (await save(pro)).json();
    const reject = (reason: string) =>
      call(ctx, cast.people.admin, {
        method: 'POST',
        url: `/api/v1/admin/listings/${listing.id}/reject`,
        payload: { reason },
      });

    const noReason = await reject('   ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([
      { path: 'body.reason', message: 'Say why, so the professional can fix it' },
    ]);

    const rejected = await reject('The website does not load.');
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The website does not load.',
    });
    expect((await notificationsOf(pro))[0]).toMatchObject({
      type: 'listing.rejected',
      body: 'Reason: The website does not load.',
    });
    expect((await lastMailTo(ctx, pro.email)).text).toContain('The website does not load.');
    expect((await read(null, listing.id)).statusCode).toBe(404);

    const edited = await save(pro, { ...agency, website: 'https://northwind.example/shop' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      id: listing.id,
      status: 'pending',
      rejectionReason: null,
    });
  });

  it('an edit of an approved listing takes it out of the directory until approved again', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const listing = (await save(pro)).json();
    await call(ctx, cast.people.admin, {
      method: 'POST',
      url: `/api/v1/admin/listings/${listing.id}/approve`,
    });
    expect((await read(null, listing.id)).statusCode).toBe(200);
    ctx.clock.advance(60_000);
    expect((await save(pro, { ...agency, name: 'Northwind & Co' })).json().status).toBe('pending');
    expect((await read(null, listing.id)).statusCode).toBe(404);
  });

  it('refuses to approve words the admin did not read: an edit after the admin opened it is a 409', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const seen = (await save(pro)).json();
    ctx.clock.advance(60_000);
    await save(pro, { ...agency, description: 'Now with a different pitch.' });
    const approve = await call(ctx, cast.people.admin, {
      method: 'POST',
      url: `/api/v1/admin/listings/${seen.id}/approve`,
      payload: { updatedAt: seen.updatedAt },
    });
    expect(approve.statusCode).toBe(409);
  });

  it('lists the queue oldest first, a page at a time', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ctx.clock.set(`2020-01-0${i + 1}T00:00:00Z`);
      ids.push((await save(await buildUser(ctx, { professional: true }))).json().id);
    }
    const first = await call(ctx, cast.people.admin, {
      method: 'GET',
      url: '/api/v1/admin/listings?limit=2',
    });
    expect(first.json().items.map((l: { id: string }) => l.id)).toEqual(ids.slice(0, 2));
    const second = await call(ctx, cast.people.admin, {
      method: 'GET',
      url: `/api/v1/admin/listings?limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(second.json().items[0].id).toBe(ids[2]);
  });

  it('names each bad field in plain words', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const res = await save(pro, {
      ...agency,
      website: 'javascript:alert(1)',
      countries: ['XX1'],
      categorySlugs: ['no-such-category'],
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.countries.0', 'body.website']);
    const category = await save(pro, { ...agency, categorySlugs: ['no-such-category'] });
    expect(category.statusCode).toBe(400);
    expect(category.json().errors).toEqual([
      { path: 'body.categorySlugs.0', message: 'No such category' },
    ]);
  });

  it('is one per professional, withdrawn by deleting it', async () => {
    const pro = await buildUser(ctx, { professional: true });
    const listing = (await save(pro)).json();
    expect((await save(pro)).json().id).toBe(listing.id);
    expect((await call(ctx, pro, { method: 'DELETE', url: '/api/v1/me/listing' })).statusCode).toBe(
      204,
    );
    expect((await call(ctx, pro, { method: 'GET', url: '/api/v1/me/listing' })).json()).toEqual({
      listing: null,
    });
    expect((await read(cast.people.admin, listing.id)).statusCode).toBe(404);
  });
});

describe('listing role matrices', () => {
  it('PUT /me/listing: any professional; someone with no professional profile is told to start one', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'PUT', url: '/api/v1/me/listing', payload: agency }),
      {
        ok: 200,
        except: {
          professional: 201,
          owner: 403,
          manager: 403,
          viewer: 403,
          otherBusiness: 403,
          admin: 403,
        },
        why: 'only a professional represents a firm; the cast’s professional creates theirs',
      },
    );
  });

  it('GET /me/listing, DELETE /me/listing: signed in', async () => {
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: '/api/v1/me/listing' }), 200);
    const pro = cast.people.professional;
    await save(pro);
    await expectRoleMatrix(ctx, cast, () => ({ method: 'DELETE', url: '/api/v1/me/listing' }), {
      ok: 404,
      except: { professional: 204 },
      why: 'only the professional has a listing to withdraw',
    });
  });

  it('admin queue and decisions: admins only', async () => {
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: '/api/v1/admin/listings' }),
      200,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const listing = (await save(await buildUser(ctx, { professional: true }))).json();
        return { method: 'POST', url: `/api/v1/admin/listings/${listing.id}/approve` };
      },
      200,
    );
    await expectRoleMatrix(
      ctx,
      cast,
      async () => {
        const listing = (await save(await buildUser(ctx, { professional: true }))).json();
        return {
          method: 'POST',
          url: `/api/v1/admin/listings/${listing.id}/reject`,
          payload: { reason: 'Not a firm' },
        };
      },
      200,
    );
  });

  it('GET /listings/:id of an approved listing: anyone', async () => {
    const listing = (await save(await buildUser(ctx, { professional: true }))).json();
    await call(ctx, cast.people.admin, {
      method: 'POST',
      url: `/api/v1/admin/listings/${listing.id}/approve`,
    });
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/listings/${listing.id}` }),
      200,
    );
  });
});

describe('in a private workspace', () => {
  it('no listing is public, approved or not', async () => {
    const workspace = await createTestContext({ config: { mode: 'workspace' } });
    const pro = await buildUser(workspace, { professional: true });
    const admin = await buildUser(workspace, { admin: true });
    const listing = (
      await call(workspace, pro, { method: 'PUT', url: '/api/v1/me/listing', payload: agency })
    ).json();
    await call(workspace, admin, {
      method: 'POST',
      url: `/api/v1/admin/listings/${listing.id}/approve`,
    });
    const res = await call(workspace, null, {
      method: 'GET',
      url: `/api/v1/listings/${listing.id}`,
    });
    expect(res.statusCode).toBe(404);
  });
});
