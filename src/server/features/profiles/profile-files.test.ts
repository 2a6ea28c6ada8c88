import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyProfile, ProfileFile } from '../../../core/contracts/profiles.ts';
import { buildUser, type TestUser } from '../../../../test/factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildProfessional, fullProfile, saveProfile } from '../../../../test/profile-factories.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import { publicProfileHead } from './public-profile.ts';

const LIMIT = 256 * 1024;
let ctx: TestContext;
let cast: Cast;
let filesDir: string;
beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-profile-files-'));
  filesDir = path.join(dataDir, 'files');
  ctx = await createTestContext({ config: { dataDir, maxUploadBytes: LIMIT } });
  cast = await buildCast(ctx);
});
afterAll(() => rmSync(path.dirname(filesDir), { recursive: true, force: true }));

const MARKER = 'GPS-MARKER-7f3a';

/** A real JPEG made here, carrying EXIF with a GPS position and a description. */
function jpegWithGps(width = 640, height = 480) {
  return sharp({ create: { width, height, channels: 3, background: '#c0563a' } })
    .jpeg()
    .withExif({
      IFD0: { ImageDescription: MARKER, Make: 'PhoneCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '38/1 42/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '9/1 8/1 0/1',
      },
    })
    .toBuffer();
}

function png(width: number, height: number, alpha = false) {
  return sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: alpha ? { r: 10, g: 120, b: 200, alpha: 0.5 } : '#0a78c8',
    },
  })
    .png()
    .toBuffer();
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

function uploadPhoto(who: TestUser | null, body: Buffer, name = 'me.jpg') {
  return call(ctx, who, {
    method: 'POST',
    url: `/api/v1/me/profile/photo?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

function uploadToItem(who: TestUser | null, itemId: string, body: Buffer, name: string) {
  return call(ctx, who, {
    method: 'POST',
    url: `/api/v1/me/profile/portfolio/${itemId}/files?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

async function download(who: TestUser | null, url: string) {
  return call(ctx, who, { method: 'GET', url });
}

describe('role matrix', () => {
  it('POST /me/profile/photo: the professional sets their own; no profile → 404', async () => {
    const body = await png(50, 50);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: '/api/v1/me/profile/photo?name=p.png',
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      }),
      {
        anonymous: 401,
        owner: 404,
        manager: 404,
        viewer: 404,
        otherBusiness: 404,
        professional: 201,
        admin: 404,
      },
    );
  });

  it('POST portfolio files: only to one’s own item; another’s item is a 404', async () => {
    const pro = cast.people.professional;
    const saved = await saveProfile(ctx, pro, fullProfile('cast-pro'));
    const itemId = saved.portfolio[0]!.id;
    const body = await png(40, 40);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'POST',
        url: `/api/v1/me/profile/portfolio/${itemId}/files?name=shot.png`,
        headers: { 'content-type': 'application/octet-stream' },
        payload: body,
      }),
      {
        anonymous: 401,
        owner: 404,
        manager: 404,
        viewer: 404,
        otherBusiness: 404,
        professional: 201,
        admin: 404,
      },
    );
    const other = await buildProfessional(ctx, 'not-the-owner');
    expect((await uploadToItem(other.user, itemId, body, 'x.png')).statusCode).toBe(404);
  });

  it('GET /profile-files/:id: anyone, for a public profile; DELETE: the owner only', async () => {
    const { user } = await buildProfessional(ctx, 'matrix-files');
    const photo = (await uploadPhoto(user, await png(30, 30))).json<ProfileFile>();
    await expectRoleMatrix(ctx, cast, () => ({ method: 'GET', url: photo.url }), 200);
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'DELETE', url: `/api/v1/me/profile/files/${photo.id}` }),
      {
        anonymous: 401,
        owner: 404,
        manager: 404,
        viewer: 404,
        otherBusiness: 404,
        professional: 404,
        admin: 404,
      },
    );
    expect(
      (await call(ctx, user, { method: 'DELETE', url: `/api/v1/me/profile/files/${photo.id}` }))
        .statusCode,
    ).toBe(204);
  });
});

describe('images', () => {
  it('re-encodes a photo: EXIF and GPS gone, size capped, with a thumbnail, counted as complete', async () => {
    const { user } = await buildProfessional(ctx, 'photo-pro');
    const original = await jpegWithGps(1600, 1200);
    expect((await sharp(original).metadata()).exif?.includes(MARKER)).toBe(true);

    const res = await uploadPhoto(user, original, '../../IMG_0042.JPG');
    expect(res.statusCode).toBe(201);
    const photo = res.json<ProfileFile>();
    expect(photo).toMatchObject({
      kind: 'photo',
      contentType: 'image/jpeg',
      width: 800,
      height: 600,
      name: 'IMG_0042.jpg',
    });

    const full = await download(null, photo.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['content-security-policy']).toContain('sandbox');
    expect(full.headers['content-disposition']).toMatch(/^inline; filename="IMG_0042.jpg"/);
    const bytes = full.rawPayload;
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from('PhoneCam'))).toBe(false);

    const thumb = await download(null, photo.thumbnailUrl!);
    const thumbMeta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(thumbMeta.width, thumbMeta.height)).toBe(400);

    const mine = await call(ctx, user, { method: 'GET', url: '/api/v1/me/profile' });
    expect(mine.json<MyProfile>()).toMatchObject({
      photo: { id: photo.id },
      completeness: { percent: 100, missing: [] },
    });
    const head = await publicProfileHead(ctx.db, 'photo-pro', ctx.config);
    expect(head?.image).toBe(`http://localhost:3000${photo.url}`);
  });

  it('replaces the old photo and removes its files', async () => {
    const { user } = await buildProfessional(ctx, 'two-photos');
    const first = (await uploadPhoto(user, await png(100, 100))).json<ProfileFile>();
    const before = await readdir(filesDir);
    const second = (await uploadPhoto(user, await png(120, 120))).json<ProfileFile>();
    expect((await download(null, first.url)).statusCode).toBe(404);
    expect((await download(null, second.url)).statusCode).toBe(200);
    const after = await readdir(filesDir);
    expect(after).not.toContain(first.id);
    expect(after.length).toBe(before.length);
  });

  it('caps a portfolio image at 2000 px and keeps transparency as PNG', async () => {
    const { user, profile } = await buildProfessional(ctx, 'wide-image');
    const itemId = profile.portfolio[0]!.id;
    const res = await uploadToItem(user, itemId, await png(3000, 600, true), 'banner.webp');
    expect(res.statusCode).toBe(201);
    expect(res.json<ProfileFile>()).toMatchObject({
      kind: 'image',
      contentType: 'image/png',
      width: 2000,
      height: 400,
      name: 'banner.png',
    });
    const listed = await call(ctx, null, { method: 'GET', url: '/api/v1/pros/wide-image' });
    expect(listed.json().portfolio[0].files).toEqual([
      expect.objectContaining({ id: res.json<ProfileFile>().id }),
    ]);
  });

  it('keeps other files as they are, typed from their content, as downloads', async () => {
    const { user, profile } = await buildProfessional(ctx, 'pdf-pro');
    const res = await uploadToItem(user, profile.portfolio[0]!.id, PDF, 'case-study.html');
    expect(res.statusCode).toBe(201);
    const file = res.json<ProfileFile>();
    expect(file).toMatchObject({
      kind: 'file',
      contentType: 'application/pdf',
      name: 'case-study.html.pdf',
      thumbnailUrl: null,
    });
    const got = await download(null, file.url);
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses wrong types and oversized files with problem+json, leaving nothing on disk', async () => {
    const { user, profile } = await buildProfessional(ctx, 'refused-files');
    const itemId = profile.portfolio[0]!.id;
    const before = (await readdir(filesDir)).sort();
    const cases = [
      [await uploadPhoto(user, PDF, 'me.pdf'), 415],
      [await uploadPhoto(user, EXE, 'me.exe'), 415],
      [await uploadToItem(user, itemId, SVG, 'logo.svg'), 415],
      // A PNG signature on bytes that are no image.
      [
        await uploadToItem(
          user,
          itemId,
          Buffer.concat([(await png(10, 10)).subarray(0, 40), Buffer.alloc(60)]),
          'broken.png',
        ),
        415,
      ],
      [await uploadToItem(user, itemId, Buffer.alloc(LIMIT + 1, 0x41), 'big.txt'), 413],
      [await uploadPhoto(user, Buffer.alloc(0), 'empty.png'), 400],
    ] as const;
    for (const [res, status] of cases) {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors?.[0]?.path).toBe('body');
    }
    expect((await readdir(filesDir)).sort()).toEqual(before);
  });

  it('serves a hidden profile’s files only to its owner and admins', async () => {
    const { user } = await buildProfessional(ctx, 'hidden-files');
    const photo = (await uploadPhoto(user, await png(60, 60))).json<ProfileFile>();
    await saveProfile(ctx, user, fullProfile('hidden-files', { visibility: 'hidden' }));
    expect((await download(null, photo.url)).statusCode).toBe(404);
    expect((await download(cast.people.owner, photo.url)).statusCode).toBe(404);
    const own = await download(user, photo.url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect((await download(cast.people.admin, photo.url)).statusCode).toBe(200);
  });

  it('removes a portfolio item’s files with the item', async () => {
    const { user, profile } = await buildProfessional(ctx, 'item-removed');
    const file = (
      await uploadToItem(user, profile.portfolio[0]!.id, await png(20, 20), 'a.png')
    ).json<ProfileFile>();
    expect(await readdir(filesDir)).toContain(file.id);
    await saveProfile(ctx, user, fullProfile('item-removed', { portfolio: [] }));
    expect(await readdir(filesDir)).not.toContain(file.id);
    expect((await download(user, file.url)).statusCode).toBe(404);
  });

  it('tells someone without a profile to start one', async () => {
    const stranger = await buildUser(ctx);
    const res = await uploadPhoto(stranger, await png(10, 10));
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('professional-profile');
  });
});
