/**
 * A contract's files over HTTP against the real database: who reads, uploads and deletes,
 * versions by name (case-insensitively) with every version kept, checksums of the bytes,
 * downloads with the detected type and a safe name, and bad uploads refused by field.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addReviewer,
  buildCastContract,
  contractExpected,
} from '../../../../test/contract-factories.ts';
import { call, createTestContext, type TestContext } from '../../../../test/harness.ts';
import { buildCast, expectRoleMatrix, type Cast } from '../../../../test/role-matrix.ts';
import type { ContractFile } from '../../../core/contracts/contract-files.ts';

let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-contract-files-'));
  ctx = await createTestContext({ config: { dataDir } });
  cast = await buildCast(ctx);
});

type Who = Parameters<typeof call>[1];
const uploadRequest = (contractId: string, name: string, body: Buffer, note?: string) => ({
  method: 'POST' as const,
  url: `/api/v1/contracts/${contractId}/files?name=${encodeURIComponent(name)}${note ? `&note=${encodeURIComponent(note)}` : ''}`,
  headers: { 'content-type': 'application/octet-stream' },
  payload: body,
});
const upload = (who: Who, contractId: string, name: string, body: Buffer, note?: string) =>
  call(ctx, who, uploadRequest(contractId, name, body, note));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('files: who may', () => {
  it('reading and downloading: the members, the professional and a QA reviewer', async () => {
    const contract = await buildCastContract(ctx, cast);
    const file = (
      await upload(cast.people.professional, contract.id, 'design.txt', Buffer.from('v1\n'))
    ).json<ContractFile>();
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({ method: 'GET', url: `/api/v1/contracts/${contract.id}/files` }),
      contractExpected('files.read', 200),
    );
    await expectRoleMatrix(
      ctx,
      cast,
      () => ({
        method: 'GET',
        url: `/api/v1/contracts/${contract.id}/files/${file.id}/versions/1`,
      }),
      contractExpected('files.read', 200),
    );
    const reviewer = await addReviewer(ctx, contract.id);
    const listed = await call(ctx, reviewer, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items[0].deletable).toBe(false);
    const got = await call(ctx, reviewer, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files/${file.id}/versions/1`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.payload).toBe('v1\n');
    expect((await upload(reviewer, contract.id, 'qa.txt', Buffer.from('x'))).statusCode).toBe(403);
  });

  it('uploading: owners, managers and the professional', async () => {
    const contract = await buildCastContract(ctx, cast);
    await expectRoleMatrix(
      ctx,
      cast,
      (role) => uploadRequest(contract.id, `from-${role}.txt`, Buffer.from(`by ${role}\n`)),
      contractExpected('files.write', 201),
    );
  });

  it('deleting: each writer their own single-version file', async () => {
    const contract = await buildCastContract(ctx, cast);
    await expectRoleMatrix(
      ctx,
      cast,
      async (role) => {
        const writer =
          role === 'owner' || role === 'manager' || role === 'professional'
            ? cast.people[role]
            : cast.people.owner;
        const res = await upload(writer, contract.id, `own-${role}.txt`, Buffer.from('x\n'));
        expect(res.statusCode).toBe(201);
        return {
          method: 'DELETE',
          url: `/api/v1/contracts/${contract.id}/files/${res.json().id}`,
        };
      },
      contractExpected('files.write', 204),
    );
  });
});

describe('versions', () => {
  it('the same name in any case adds a version; earlier versions stay downloadable', async () => {
    const contract = await buildCastContract(ctx, cast);
    const v1 = Buffer.from('First draft\n');
    const v2 = Buffer.from('Second draft, with changes\n');
    const first = await upload(cast.people.professional, contract.id, 'Homepage.txt', v1);
    expect(first.statusCode).toBe(201);
    const second = await upload(
      cast.people.owner,
      contract.id,
      'HOMEPAGE.TXT',
      v2,
      'Tightened the copy',
    );
    expect(second.statusCode).toBe(201);
    const file = second.json<ContractFile>();
    expect(file.id).toBe(first.json<ContractFile>().id);
    expect(file.name).toBe('Homepage.txt');
    expect(file.latestVersion).toBe(2);
    expect(file.versions.map((v) => [v.version, v.name, v.note, v.uploadedBy.name])).toEqual([
      [2, 'HOMEPAGE.TXT', 'Tightened the copy', cast.people.owner.name],
      [1, 'Homepage.txt', '', 'A professional'],
    ]);
    expect(file.versions.map((v) => v.sha256)).toEqual([sha(v2), sha(v1)]);
    expect(file.versions.map((v) => v.size)).toEqual([v2.length, v1.length]);

    for (const [version, bytes] of [
      [1, v1],
      [2, v2],
    ] as const) {
      const res = await call(ctx, cast.people.viewer, {
        method: 'GET',
        url: `/api/v1/contracts/${contract.id}/files/${file.id}/versions/${version}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(bytes)).toBe(true);
      expect(sha(res.rawPayload)).toBe(file.versions.find((v) => v.version === version)?.sha256);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(
        `attachment; filename="${version === 1 ? 'Homepage.txt' : 'HOMEPAGE.TXT'}"`,
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const missing = await call(ctx, cast.people.viewer, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files/${file.id}/versions/3`,
    });
    expect(missing.statusCode).toBe(404);
    const listed = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files`,
    });
    expect(listed.json().items).toHaveLength(1);
  });

  it('uploads of one name at the same moment get distinct versions of one file', async () => {
    const contract = await buildCastContract(ctx, cast);
    const answers = await Promise.all(
      [1, 2, 3].map((i) =>
        upload(cast.people.professional, contract.id, 'race.txt', Buffer.from(`copy ${i}\n`)),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const listed = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files`,
    });
    const [file] = listed.json<{ items: ContractFile[] }>().items;
    expect(file?.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('a file is deleted only by its uploader, and only while it has one version', async () => {
    const contract = await buildCastContract(ctx, cast);
    const file = (
      await upload(cast.people.professional, contract.id, 'brief.txt', Buffer.from('a\n'))
    ).json<ContractFile>();
    expect(file.deletable).toBe(true);
    const byOwner = await call(ctx, cast.people.owner, {
      method: 'DELETE',
      url: `/api/v1/contracts/${contract.id}/files/${file.id}`,
    });
    expect(byOwner.statusCode).toBe(409);
    await upload(cast.people.professional, contract.id, 'brief.txt', Buffer.from('b\n'));
    const twoVersions = await call(ctx, cast.people.professional, {
      method: 'DELETE',
      url: `/api/v1/contracts/${contract.id}/files/${file.id}`,
    });
    expect(twoVersions.statusCode).toBe(409);
    expect(twoVersions.json().detail).toContain('history');
  });
});

describe('bad uploads', () => {
  it('no name, markup, too large, an ended contract: each refused, naming what', async () => {
    const contract = await buildCastContract(ctx, cast);
    const noName = await call(ctx, cast.people.owner, {
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/files`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    });
    expect(noName.statusCode).toBe(400);
    expect(JSON.stringify(noName.json())).toContain('querystring.name');
    const longNote = await upload(
      cast.people.owner,
      contract.id,
      'a.txt',
      Buffer.from('x'),
      'n'.repeat(501),
    );
    expect(longNote.statusCode).toBe(400);
    expect(JSON.stringify(longNote.json())).toContain('querystring.note');
    const svg = await upload(
      cast.people.owner,
      contract.id,
      'logo.txt',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    );
    expect(svg.statusCode).toBe(415);
    const big = await upload(
      cast.people.owner,
      contract.id,
      'big.txt',
      Buffer.alloc(ctx.config.maxUploadBytes + 1, 'a'),
    );
    expect(big.statusCode).toBe(413);
    const badVersion = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files/${contract.id}/versions/zero`,
    });
    expect(badVersion.statusCode).toBe(400);
    const listed = await call(ctx, cast.people.owner, {
      method: 'GET',
      url: `/api/v1/contracts/${contract.id}/files`,
    });
    expect(listed.json().items).toEqual([]);

    const ended = await buildCastContract(ctx, cast, { status: 'cancelled' });
    expect(
      (await upload(cast.people.owner, ended.id, 'late.txt', Buffer.from('x'))).statusCode,
    ).toBe(409);
  });
});
