/**
 * Uploaded files under DATA_DIR/files: streamed to disk (never buffered whole), limited in
 * size while they arrive, hashed, and typed from their content against an allowlist. A file
 * is written under a temporary name and renamed only once it is complete and accepted, so a
 * failed upload leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open as fsOpen, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { megabytes } from '../../core/jobs.ts';
import { badRequest, HttpProblem } from './errors.ts';
import { newId } from './ids.ts';

/**
 * Bytes read for type detection. Most formats are known from their first 4 KB; Office files
 * are zips whose `[Content_Types].xml` entry says which document they are, and it is not
 * always the first entry, so more is read.
 */
const SNIFF_BYTES = 256 * 1024;

/** The accepted types, each with the file name extensions that fit it (the first is canonical). */
export const ACCEPTED_TYPES: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  // An Office or OpenDocument file whose type entry lies past the sniffed bytes reads as a zip;
  // it is one, so its own extension is kept.
  'application/zip': ['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/plain': ['txt', 'csv', 'md'],
};

export interface StoredFile {
  /** The file's name under DATA_DIR/files. */
  key: string;
  size: number;
  sha256: string;
  /** Detected from the content, one of ACCEPTED_TYPES. */
  contentType: string;
}

/** An upload is written to `.<key>.part` and renamed to `<key>` once accepted. */
const TEMP_SUFFIX = '.part';
/** How long a temporary file must have gone unwritten before `sweep` takes it for a leftover. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** 413, naming the limit. */
export function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(
    413,
    'Payload too large',
    `Files up to ${megabytes(maxBytes)} MB can be attached.`,
    [{ path: 'body', message: `Larger than the limit of ${megabytes(maxBytes)} MB` }],
  );
}

function unsupported(why: string): HttpProblem {
  return new HttpProblem(
    415,
    'Unsupported media type',
    `${why} Attach images (PNG, JPEG, GIF, WebP), PDF, zip, Word, Excel, PowerPoint, OpenDocument text or spreadsheet files, or plain text (.txt, .csv, .md).`,
    [{ path: 'body', message: 'File type not accepted' }],
  );
}

/**
 * Text that a browser would read as HTML or XML (a document, SVG, a stray script tag at the
 * start): markup can carry scripts, so it is not accepted as plain text. The check looks at
 * the start of the file, as browsers' own content sniffing does.
 */
function looksLikeMarkup(head: Buffer): boolean {
  const start = head
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^<[a-z!?/]/i.test(start);
}

/** Detects a file's type from its first bytes and whether it was all valid text. */
async function detectType(head: Buffer, isText: boolean): Promise<string> {
  // Loaded on the first upload rather than at every start.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (ACCEPTED_TYPES[detected.mime]) return detected.mime;
    throw unsupported(`This file is ${detected.ext.toUpperCase()} (${detected.mime}).`);
  }
  if (!isText) throw unsupported('The type of this file could not be recognised.');
  if (looksLikeMarkup(head))
    throw unsupported('This file looks like HTML, SVG or XML, which can carry scripts.');
  return 'text/plain';
}

/**
 * The files of one DATA_DIR. `save` streams an upload to disk and accepts it or throws an
 * HttpProblem (413 past `maxBytes`, 415 for a type not accepted, 400 for an empty file or an
 * interrupted upload) — with nothing left on disk in every failing case; a file system error
 * is thrown as it is (a 500). `sweep` removes what a killed process left mid-upload.
 */
export function createFileStore(dataDir: string) {
  const dir = path.join(dataDir, 'files');
  const pathOf = (key: string) => {
    // Keys come from our own rows, but a path is never built from anything else.
    if (!KEY.test(key)) throw new Error(`not a file key: ${key}`);
    return path.join(dir, key);
  };

  async function save(body: Readable, { maxBytes }: { maxBytes: number }): Promise<StoredFile> {
    await mkdir(dir, { recursive: true });
    const key = newId();
    const temp = path.join(dir, `.${key}${TEMP_SUFFIX}`);
    const hash = createHash('sha256');
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    let isText = true;

    // Past the limit nothing more is stored: the meter ends the file and the 413 is answered at
    // once. The rest of the body is read and dropped rather than the request destroyed, which
    // would reset the connection while the client is still sending, so it would never read the
    // answer. A client that sends on and on past twice the limit is cut off.
    let refuse: (problem: HttpProblem) => void = () => {};
    const refused = new Promise<never>((_, reject) => (refuse = reject));
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) {
          if (size - chunk.length <= maxBytes) {
            this.push(null);
            refuse(tooLarge(maxBytes));
          }
          if (size > 2 * maxBytes) body.destroy();
          return done();
        }
        hash.update(chunk);
        if (headBytes < SNIFF_BYTES) {
          head.push(chunk);
          headBytes += chunk.length;
        }
        if (isText) {
          try {
            utf8.decode(chunk, { stream: true });
            if (chunk.includes(0)) isText = false;
          } catch {
            isText = false;
          }
        }
        done(null, chunk);
      },
    });
    const out = createWriteStream(temp, { flags: 'wx' });
    // pipeline settles however the streams end: a request already aborted before this point, a
    // failing write, or a failing close of the file (it waits for the file's 'close').
    const written = pipeline(body, meter, out);
    try {
      await Promise.race([written, refused]);
      if (size === 0) throw badRequest('The file is empty.', [{ path: 'body', message: 'Empty' }]);
      if (isText) {
        try {
          utf8.decode(); // a text cut in the middle of a character is not valid UTF-8
        } catch {
          isText = false;
        }
      }
      const contentType = await detectType(Buffer.concat(head).subarray(0, SNIFF_BYTES), isText);
      await rename(temp, pathOf(key));
      return { key, size, sha256: hash.digest('hex'), contentType };
    } catch (error) {
      // Closed before removed: a stream destroyed while still opening creates the file late.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(temp, { force: true });
      if (error instanceof HttpProblem) throw error;
      // The file system's errors name their system call; a request that ended early does not.
      if ((error as NodeJS.ErrnoException).syscall) throw error;
      throw badRequest('The upload was interrupted before it finished.');
    }
  }

  /**
   * Removes the temporary files of uploads that stopped an hour or more ago: left behind when
   * the process was killed mid-upload. Meant for start-up; an upload in progress keeps writing
   * to its file, so it is never taken for one, even with another process on the same DATA_DIR.
   */
  async function sweep(now = Date.now()): Promise<void> {
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const name of names) {
      if (!name.startsWith('.') || !name.endsWith(TEMP_SUFFIX)) continue;
      const file = path.join(dir, name);
      const modified = await stat(file).then(
        (s) => s.mtimeMs,
        () => now,
      );
      if (now - modified >= STALE_TEMP_MS) await rm(file, { force: true });
    }
  }

  return {
    save,
    sweep,
    /**
     * Reads a stored file (the caller has checked that its row may be read). Opened before
     * anything is sent, so a missing file fails the request instead of cutting a download short.
     */
    async open(key: string): Promise<ReadStream> {
      const handle = await fsOpen(pathOf(key), 'r');
      return handle.createReadStream();
    },
    /** Removes a stored file; a file already gone is not an error. */
    remove: (key: string) => rm(pathOf(key), { force: true }),
    /** Where the files live (tests look inside). */
    dir,
  };
}

export type FileStore = ReturnType<typeof createFileStore>;

/**
 * A file name safe to store and show: no path, no control or bidi-override characters, no
 * leading dots, at most 200 characters; "file" when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  if (clean.length <= 200) return clean || 'file';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

/**
 * The name a file is saved under: sanitized, and ending in an extension that fits its detected
 * type (a PNG named `invoice.html` is kept as `invoice.html.png`), so that opening the download
 * never hands it to a program that would read it as something else.
 */
export function nameForType(name: string, contentType: string): string {
  const clean = sanitizeFileName(name);
  const fits = ACCEPTED_TYPES[contentType] ?? [];
  const ext = /\.([a-z0-9]{1,10})$/i.exec(clean)?.[1]?.toLowerCase();
  if (ext && fits.includes(ext)) return clean;
  return `${clean}.${fits[0] ?? 'bin'}`;
}

/** RFC 6266 / RFC 8187: an ASCII fallback name and the exact UTF-8 one. */
export function contentDisposition(name: string): string {
  const clean = sanitizeFileName(name);
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"%;]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
