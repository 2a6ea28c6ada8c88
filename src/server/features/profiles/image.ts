/**
 * Re-encoding of uploaded images with sharp (libvips). Every photo and portfolio image is
 * decoded and written anew: what reaches a visitor is pixels we produced, never the uploader's
 * bytes, so metadata (EXIF GPS position, camera serials, comments) is gone — sharp writes none
 * unless asked — and a file crafted to be read as something else by a browser is not served.
 */
import type { Sharp } from 'sharp';
import { HttpProblem } from '../../lib/errors.ts';

/** The longest side kept: sharp enough on a large screen, small enough to load on a phone. */
export const MAX_IMAGE_SIDE = 2000;
/** The photo is shown small; 800 px covers a high-density display and an og:image. */
export const MAX_PHOTO_SIDE = 800;
export const THUMBNAIL_SIDE = 400;
/** Decoding refuses images of more pixels than this (a small file can claim huge dimensions). */
const MAX_INPUT_PIXELS = 40_000_000;

export interface Reencoded {
  full: Buffer;
  thumbnail: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

const notAnImage = () =>
  new HttpProblem(
    415,
    'Unsupported media type',
    'This image could not be read. Upload a PNG, JPEG, GIF or WebP image.',
    [{ path: 'body', message: 'Not a readable image' }],
  );

/**
 * Decodes `input`, turns it upright (EXIF orientation), caps its longest side at `maxSide`, and
 * writes it as JPEG — or PNG when it has transparency, which JPEG would lose — with a thumbnail.
 * An animated GIF keeps its first frame. Throws 415 when the bytes do not decode.
 */
export async function reencodeImage(input: Buffer, maxSide: number): Promise<Reencoded> {
  // Loaded on the first image rather than at every start; a failure to load is not a bad image.
  const { default: sharp } = await import('sharp');
  try {
    const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await source.metadata();
    const alpha = meta.hasAlpha === true;
    const encode = (image: Sharp) =>
      alpha
        ? image.png({ compressionLevel: 9 })
        : image.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true });
    const fit = (side: number) =>
      sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
    const full = await encode(fit(maxSide)).toBuffer({ resolveWithObject: true });
    const thumbnail = await encode(fit(THUMBNAIL_SIDE)).toBuffer();
    return {
      full: full.data,
      thumbnail,
      contentType: alpha ? 'image/png' : 'image/jpeg',
      width: full.info.width,
      height: full.info.height,
    };
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw notAnImage();
  }
}
