/**
 * `sendNda`: renders the job's NDA for one professional and records it with its SHA-256, then
 * tells them. Shortlisting calls it inside its own transaction when the job requires an NDA; the
 * business's "send" endpoint calls it too. Idempotent per (job, professional): a second call
 * finds the first NDA and does nothing, whoever calls.
 */
import { DEFAULT_NDA_TEMPLATE_BODY, renderNda } from '../../../core/nda.ts';
import type { Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { newId, sha256 } from '../../lib/ids.ts';
import type { Notify } from '../notifications/notify.ts';
import {
  findDefaultTemplate,
  findJobWithBusiness,
  findNda,
  findTemplate,
  findUser,
  insertNda,
  type JobWithBusiness,
  type NdaRow,
} from './queries.ts';

export interface SendNdaDeps {
  clock: Clock;
  notify: Notify;
}

/** The template a job sends: the one it names, else the business's default, else the starter text. */
export async function templateFor(
  tx: Tx,
  job: Pick<JobWithBusiness, 'businessId' | 'ndaTemplateId'>,
) {
  const chosen = job.ndaTemplateId
    ? await findTemplate(tx, job.businessId, job.ndaTemplateId)
    : null;
  return chosen ?? (await findDefaultTemplate(tx, job.businessId));
}

/**
 * Sends the job's NDA to the professional unless they already have one for this job. Returns
 * the NDA and whether this call created it. The caller has checked who may send it and to whom.
 */
export async function sendNda(
  tx: Tx,
  { clock, notify }: SendNdaDeps,
  {
    jobId,
    professionalId,
    sentBy,
  }: { jobId: string; professionalId: string; sentBy: string | null },
): Promise<{ nda: NdaRow; created: boolean }> {
  const existing = await findNda(tx, jobId, professionalId);
  if (existing) return { nda: existing.nda, created: false };
  const job = await findJobWithBusiness(tx, jobId);
  if (!job) throw notFound('Job');
  const professional = await findUser(tx, professionalId);
  if (!professional) throw notFound('Professional');
  const template = await templateFor(tx, job);
  const sentAt = clock.now();
  const text = renderNda(template?.body ?? DEFAULT_NDA_TEMPLATE_BODY, {
    business: job.businessName,
    professional: professional.name,
    job: job.title,
    sentAt,
    timeZone: job.timeZone,
  });
  const created = await insertNda(tx, {
    id: newId(),
    jobId,
    professionalId,
    templateId: template?.id ?? null,
    renderedText: text,
    textSha256: sha256(text),
    sentBy,
    sentAt,
  });
  // A concurrent call recorded it first: theirs stands, and they told the professional.
  if (!created) {
    const first = await findNda(tx, jobId, professionalId);
    if (!first) throw new Error('NDA vanished after a conflicting insert');
    return { nda: first.nda, created: false };
  }
  await notify(tx, [{ userId: professionalId }], 'nda.sent', {
    jobId,
    jobTitle: job.title,
    businessName: job.businessName,
  });
  return { nda: created, created: true };
}
