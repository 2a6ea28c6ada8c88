/**
 * A professional's photo and portfolio files. An upload is streamed to disk and typed from its
 * content by the shared file store (`lib/files.ts`, as job attachments are); an image is then
 * decoded and re-encoded (`image.ts`) and only the re-encoded copy and its thumbnail are kept.
 * Rows are written in a transaction holding the profile row, which also refreshes the derived
 * columns (the photo counts towards completeness); files no row points to are removed.
 *
 * Reading follows the profile: whoever may read it (policy.ts) may load its files; a hidden
 * profile's files are a 404 except to its owner and admins.
 */
import { Readable } from 'node:stream';
import type { ProfileFile } from '../../../core/contracts/profiles.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Caller } from '../../lib/caller.ts';
import type { Clock } from '../../lib/clock.ts';
import { conflict, HttpProblem, notFound } from '../../lib/errors.ts';
import { nameForType, sanitizeFileName, type FileStore, type StoredFile } from '../../lib/files.ts';
import type { UserScope } from '../../lib/scope.ts';
import { refreshDerived } from './derive.ts';
import { MAX_IMAGE_SIDE, MAX_PHOTO_SIDE, reencodeImage } from './image.ts';
import { isPublicProfile, mayReadProfile } from './policy.ts';
import { presentFile } from './present.ts';
import { noProfile } from './profiles.ts';
import {
  countItemFiles,
  deletePhotos,
  deleteProfileFile,
  findPortfolioItem,
  findProfile,
  findProfileFile,
  insertProfileFile,
} from './queries.ts';

/** A photo is one picture; 10 MB covers any camera's. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Enough for a few screenshots and a PDF or two; more belongs in a link. */
export const MAX_FILES_PER_ITEM = 10;

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** A file ready to be streamed to the caller. */
export interface ProfileDownload {
  name: string;
  contentType: string;
  size: number | null;
  body: Readable;
  /** Images are shown in the page; other files are downloads. */
  inline: boolean;
  /** Whether anyone may read it (a shared cache may keep it). */
  isPublic: boolean;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The uploader's name with the extension of what we now store ("IMG_1.HEIC.png" stays sane). */
function imageName(name: string, contentType: string): string {
  const base = sanitizeFileName(name).replace(/\.[a-z0-9]{1,10}$/i, '') || 'image';
  return `${base}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
}

export function createProfileFileService({
  db,
  clock,
  config,
  files,
}: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'maxUploadBytes' | 'mode'>;
  files: FileStore;
}) {
  const portfolioLimit = config.maxUploadBytes;
  const photoLimit = Math.min(MAX_PHOTO_BYTES, config.maxUploadBytes);

  /** Re-encodes a stored image, keeping only our copy and its thumbnail. */
  async function reencode(stored: StoredFile, maxSide: number) {
    const original = await readAll(await files.open(stored.key));
    await files.remove(stored.key);
    const image = await reencodeImage(original, maxSide);
    const full = await files.save(Readable.from([image.full]), { maxBytes: image.full.length });
    try {
      const thumbnail = await files.save(Readable.from([image.thumbnail]), {
        maxBytes: image.thumbnail.length,
      });
      return { full, thumbnail, image };
    } catch (error) {
      await files.remove(full.key);
      throw error;
    }
  }

  async function upload(
    { userId }: UserScope,
    target: { kind: 'photo' } | { kind: 'portfolio'; itemId: string },
    name: string,
    body: Readable,
  ): Promise<ProfileFile> {
    // Checked before a byte is stored, and again with the row locked.
    const checkTarget = async (tx: Tx) => {
      if (target.kind === 'photo') return;
      if (!(await findPortfolioItem(tx, userId, target.itemId))) throw notFound('Portfolio item');
      if ((await countItemFiles(tx, target.itemId)) >= MAX_FILES_PER_ITEM) {
        throw conflict(
          `A portfolio item holds at most ${MAX_FILES_PER_ITEM} files; remove one first.`,
        );
      }
    };
    if (!(await findProfile(db, userId))) throw noProfile();
    await checkTarget(db);

    const limit = target.kind === 'photo' ? photoLimit : portfolioLimit;
    const stored = await files.save(body, { maxBytes: limit });
    const keys: string[] = [stored.key];
    try {
      let row: Parameters<typeof insertProfileFile>[1];
      const base = { userId, createdAt: clock.now() };
      if (IMAGE_TYPES.has(stored.contentType)) {
        const { full, thumbnail, image } = await reencode(
          stored,
          target.kind === 'photo' ? MAX_PHOTO_SIDE : MAX_IMAGE_SIDE,
        );
        keys.push(full.key, thumbnail.key);
        row = {
          ...base,
          id: full.key,
          portfolioItemId: target.kind === 'portfolio' ? target.itemId : null,
          kind: target.kind === 'photo' ? 'photo' : 'image',
          name: imageName(name, image.contentType),
          contentType: image.contentType,
          size: full.size,
          sha256: full.sha256,
          storageKey: full.key,
          thumbnailKey: thumbnail.key,
          width: image.width,
          height: image.height,
        };
      } else if (target.kind === 'photo') {
        throw new HttpProblem(
          415,
          'Unsupported media type',
          'A profile photo must be an image: PNG, JPEG, GIF or WebP.',
          [{ path: 'body', message: 'Not an image' }],
        );
      } else {
        row = {
          ...base,
          id: stored.key,
          portfolioItemId: target.itemId,
          kind: 'file',
          name: nameForType(name, stored.contentType),
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
        };
      }
      const { file, replaced } = await db.transaction(async (tx) => {
        const found = await findProfile(tx, userId, { forUpdate: true });
        if (!found) throw noProfile();
        await checkTarget(tx);
        const replaced = target.kind === 'photo' ? await deletePhotos(tx, userId) : [];
        const file = await insertProfileFile(tx, row);
        await refreshDerived(tx, found.profile, found.owner, clock.now());
        return { file, replaced };
      });
      await Promise.all(
        replaced
          .flatMap((r) => (r.thumbnailKey ? [r.storageKey, r.thumbnailKey] : [r.storageKey]))
          .map((k) => files.remove(k)),
      );
      return presentFile(file);
    } catch (error) {
      await Promise.all(keys.map((k) => files.remove(k)));
      throw error;
    }
  }

  async function remove({ userId }: UserScope, fileId: string): Promise<void> {
    const deleted = await db.transaction(async (tx) => {
      const found = await findProfile(tx, userId, { forUpdate: true });
      if (!found) throw noProfile();
      const row = await deleteProfileFile(tx, userId, fileId);
      if (!row) throw notFound('File');
      await refreshDerived(tx, found.profile, found.owner, clock.now());
      return row;
    });
    await files.remove(deleted.storageKey);
    if (deleted.thumbnailKey) await files.remove(deleted.thumbnailKey);
  }

  async function open(
    fileId: string,
    variant: 'full' | 'thumbnail',
    caller: Pick<Caller, 'userId' | 'isAdmin'> | null,
  ): Promise<ProfileDownload> {
    const found = await findProfileFile(db, fileId);
    if (!found || !(await mayReadProfile(db, found.profile, caller, config.mode))) {
      throw notFound('File');
    }
    const { file } = found;
    const key = variant === 'thumbnail' ? file.thumbnailKey : file.storageKey;
    if (!key) throw notFound('Thumbnail');
    return {
      name: file.name,
      contentType: file.contentType,
      size: variant === 'full' ? file.size : null,
      body: await files.open(key),
      inline: file.kind !== 'file',
      isPublic: isPublicProfile(found.profile, config.mode),
    };
  }

  return { upload, remove, open, limits: { photo: photoLimit, portfolio: portfolioLimit } };
}
