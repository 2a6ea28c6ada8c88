import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpProblem } from './errors.ts';
import { createFileStore, type FileStore } from './files.ts';
import { newId } from './ids.ts';

let dataDir: string;
let store: FileStore;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'handoff-files-'));
  store = createFileStore(dataDir);
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const onDisk = () => readdir(store.dir).catch(() => [] as string[]);

/** What `save` rejected with, as status and detail. */
async function refusal(body: Readable) {
  const error = await store.save(body, { maxBytes: 1024 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  const { status, detail } = error as HttpProblem;
  return { status, detail };
}

describe('createFileStore().save', () => {
  it('stores a complete upload under its key, with nothing temporary left', async () => {
    const stored = await store.save(Readable.from([Buffer.from('plain words\n')]), {
      maxBytes: 1024,
    });
    expect(stored).toMatchObject({ size: 12, contentType: 'text/plain' });
    expect(await onDisk()).toEqual([stored.key]);
  });

  it('settles with 400 for a request that was aborted before saving began, leaving no file', async () => {
    // The client hung up while the route was still checking the job: the body is gone already.
    const body = new Readable({ read() {} });
    body.destroy();
    expect(await refusal(body)).toEqual({
      status: 400,
      detail: 'The upload was interrupted before it finished.',
    });
    expect(await onDisk()).toEqual([]);
  });

  it('settles with 400 for a request aborted halfway, leaving no file', async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.from('the first half of a file'));
    setTimeout(() => body.destroy(new Error('aborted')), 10);
    expect(await refusal(body)).toEqual({
      status: 400,
      detail: 'The upload was interrupted before it finished.',
    });
    expect(await onDisk()).toEqual([]);
  });
});

describe('createFileStore().sweep', () => {
  const HOUR = 60 * 60 * 1000;

  it('removes temporary files an hour or more old; keeps stored files and uploads in progress', async () => {
    await mkdir(store.dir, { recursive: true });
    const stored = newId();
    const leftover = `.${newId()}.part`;
    const inProgress = `.${newId()}.part`;
    for (const name of [stored, leftover, inProgress])
      await writeFile(path.join(store.dir, name), 'bytes');
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    await utimes(path.join(store.dir, leftover), twoHoursAgo, twoHoursAgo);
    await utimes(path.join(store.dir, stored), twoHoursAgo, twoHoursAgo);

    await store.sweep();
    expect((await onDisk()).sort()).toEqual([stored, inProgress].sort());
  });

  it('does nothing where no file was ever stored', async () => {
    await expect(store.sweep()).resolves.toBeUndefined();
  });
});
