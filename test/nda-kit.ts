/**
 * Helpers for the NDA tests: a published job requiring an NDA with a marker in its
 * specification and a spec file, shortlisted professionals, NDAs sent and signed through the
 * API, and the text of a PDF read back with pdfjs (an independent reader of what PDFKit wrote).
 */
import { expect } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FULL_BRIEF, FULL_SPEC, publishedJob } from './business-jobs.ts';
import { buildBid } from './bid-factories.ts';
import { buildUser, type TestUser } from './factories.ts';
import { call, type Principal, type TestContext } from './harness.ts';

export const ndaUrl = (businessId: string, jobId: string, rest = '') =>
  `/api/v1/businesses/${businessId}/jobs/${jobId}/ndas${rest}`;

/** A published job (NDA required unless told) whose spec and spec file carry `marker`. */
export async function confidentialJob(
  ctx: TestContext,
  owner: Principal,
  businessId: string,
  marker: string,
  ndaRequired = true,
) {
  const job = await publishedJob(
    ctx,
    owner,
    businessId,
    {
      brief: FULL_BRIEF,
      spec: { ...FULL_SPEC, description: `The secret recipe: ${marker}` },
    },
    { ndaRequired },
  );
  const upload = await call(ctx, owner, {
    method: 'POST',
    url: `/api/v1/businesses/${businessId}/jobs/${job.id}/attachments?layer=spec&name=recipe.txt`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: Buffer.from(`Flour, water and ${marker}\n`),
  });
  expect(upload.statusCode, upload.body).toBe(201);
  return { job, specAttachmentId: upload.json<{ id: string }>().id };
}

/** A professional with a bid on the job in `status`. */
export async function bidder(
  ctx: TestContext,
  jobId: string,
  name: string,
  status: 'submitted' | 'shortlisted' | 'awarded' | 'declined' = 'shortlisted',
  existing?: TestUser,
) {
  const pro = existing ?? (await buildUser(ctx, { professional: true, name }));
  const bid = await buildBid(ctx, { jobId, professionalId: pro.id, status });
  return { pro, bid };
}

export async function sendNdaTo(
  ctx: TestContext,
  who: Principal,
  businessId: string,
  jobId: string,
  professionalId: string,
) {
  const res = await call(ctx, who, {
    method: 'POST',
    url: ndaUrl(businessId, jobId, `/${professionalId}/send`),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ textSha256: string }>();
}

export async function signNdaAs(ctx: TestContext, pro: TestUser, jobId: string) {
  const nda = await call(ctx, pro, { method: 'GET', url: `/api/v1/jobs/${jobId}/nda` });
  expect(nda.statusCode, nda.body).toBe(200);
  const res = await call(ctx, pro, {
    method: 'POST',
    url: `/api/v1/jobs/${jobId}/nda/sign`,
    headers: { 'user-agent': 'VitestBrowser/1.0' },
    payload: { name: pro.name, agree: true, textSha256: nda.json().textSha256 },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The text of every page, lines joined by spaces and runs of white space made one. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    // Errors only: the standard fonts are not embedded, which text extraction does not need.
    verbosity: 0,
  }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
    }
  }
  await doc.destroy();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
