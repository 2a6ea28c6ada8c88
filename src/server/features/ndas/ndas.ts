/**
 * NDAs of a job. The business sees who was sent one, who signed, and how far each shortlisted
 * professional has read the specification; it picks the job's template and sends (or resends)
 * the NDA to a shortlisted professional. The professional reads their own NDA, signs it, and
 * downloads it signed; both sides get the same PDF.
 */
import type {
  JobNdaOverview,
  JobNdaPerson,
  MyNda,
  NdaState,
  SignNda,
} from '../../../core/contracts/ndas.ts';
import { signatureMatches } from '../../../core/nda.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { badRequest, conflict, HttpProblem, notFound } from '../../lib/errors.ts';
import type { UserScope } from '../../lib/scope.ts';
import type { Notify } from '../notifications/notify.ts';
import { signedNdaPdf } from './pdf.ts';
import { authorizeJobNdas, type JobNdaScope } from './policy.ts';
import { presentNdaState } from './present.ts';
import {
  findBid,
  findJobWithBusiness,
  findNda,
  findTemplate,
  findUser,
  listJobNdas,
  listSpecReaderBids,
  ndaManagersOf,
  setJobTemplate,
  signNda,
  specProgress,
  type NdaRow,
} from './queries.ts';
import { sendNda, templateFor } from './send.ts';

/** Who signs, from where: what the record keeps beside the name and time. */
export interface SignerContext {
  ip: string;
  userAgent: string;
}

/** A professional's call on their own NDA for a job. */
export type OwnNdaScope = UserScope & { jobId: string };

export function createNdaService({ db, clock, notify }: { db: Db; clock: Clock; notify: Notify }) {
  async function pdfOf(tx: Tx, nda: NdaRow, jobTitle: string, viewerId: string) {
    if (!nda.signedAt || !nda.signedName) throw notFound('Signed NDA');
    const viewer = await findUser(tx, viewerId);
    return signedNdaPdf({
      title: `NDA — ${jobTitle}`,
      text: nda.renderedText,
      textSha256: nda.textSha256,
      signedName: nda.signedName,
      signedAt: nda.signedAt,
      signerIp: nda.signerIp ?? 'unknown',
      signerUserAgent: nda.signerUserAgent ?? 'unknown',
      viewerTimeZone: viewer?.timeZone ?? 'UTC',
    });
  }

  return {
    /** The job's NDA settings and, per shortlisted professional or NDA recipient, where they stand. */
    async overview(scope: JobNdaScope): Promise<JobNdaOverview> {
      const job = await authorizeJobNdas(db, scope, 'bids.read');
      const [template, readers, ndas, progress] = await Promise.all([
        templateFor(db, job),
        listSpecReaderBids(db, job.id),
        listJobNdas(db, job.id),
        specProgress(db, job.id),
      ]);
      const people = new Map<string, JobNdaPerson>();
      const person = (id: string, name: string): JobNdaPerson => {
        const found = people.get(id);
        if (found) return found;
        const created: JobNdaPerson = {
          professional: { id, name },
          bidId: null,
          bidStatus: null,
          nda: null,
          acknowledgedVersion: progress.acknowledged.get(id) ?? null,
          readVersion: progress.read.get(id) ?? null,
        };
        people.set(id, created);
        return created;
      };
      for (const bid of readers) {
        const p = person(bid.professionalId, bid.professionalName);
        p.bidId = bid.bidId;
        p.bidStatus = bid.status;
      }
      for (const row of ndas) {
        person(row.nda.professionalId, row.professionalName).nda = presentNdaState(row);
      }
      return {
        job: {
          id: job.id,
          title: job.title,
          ndaRequired: job.ndaRequired,
          specVersion: job.specVersion,
        },
        template: template
          ? { id: template.id, name: template.name, chosen: template.id === job.ndaTemplateId }
          : null,
        people: [...people.values()],
      };
    },

    /** Names the template the job sends, or null for the business's default. */
    async setTemplate(scope: JobNdaScope, templateId: string | null) {
      await db.transaction(async (tx) => {
        const job = await authorizeJobNdas(tx, scope, 'ndas.manage');
        if (templateId && !(await findTemplate(tx, job.businessId, templateId))) {
          throw new HttpProblem(404, 'Not found', 'This business has no such NDA template.', [
            { path: 'body.templateId', message: 'No such template' },
          ]);
        }
        await setJobTemplate(tx, job.id, templateId);
      });
      return this.overview(scope);
    },

    /**
     * Sends the NDA to a shortlisted professional, or, sent already and still unsigned, tells
     * them again (same text: what they are asked to sign does not change under them).
     */
    async send(scope: JobNdaScope & { professionalId: string }): Promise<NdaState> {
      return db.transaction(async (tx) => {
        const job = await authorizeJobNdas(tx, scope, 'ndas.manage');
        if (!job.ndaRequired)
          throw conflict('This job does not require an NDA; turn “NDA required” on first.');
        const bid = await findBid(tx, job.id, scope.professionalId);
        if (!bid) throw notFound('Bid');
        if (bid.status !== 'shortlisted') {
          throw conflict(
            `An NDA goes to shortlisted professionals; this bid is ${bid.status.replace('_', ' ')}.`,
          );
        }
        const { nda, created } = await sendNda(
          tx,
          { clock, notify },
          { jobId: job.id, professionalId: scope.professionalId, sentBy: scope.userId },
        );
        if (!created) {
          if (nda.signedAt) throw conflict('This professional has already signed the NDA.');
          await notify(tx, [{ userId: scope.professionalId }], 'nda.sent', {
            jobId: job.id,
            jobTitle: job.title,
            businessName: job.businessName,
          });
        }
        const row = await findNda(tx, job.id, scope.professionalId);
        if (!row) throw new Error('NDA missing after sending');
        return presentNdaState(row);
      });
    },

    /** The signed NDA of one professional, as a PDF, for the business's members. */
    async businessPdf(scope: JobNdaScope & { professionalId: string }) {
      const job = await authorizeJobNdas(db, scope, 'bids.read');
      const row = await findNda(db, job.id, scope.professionalId);
      if (!row) throw notFound('Signed NDA');
      return { pdf: await pdfOf(db, row.nda, job.title, scope.userId), jobTitle: job.title };
    },

    /** The caller's own NDA for the job; anyone else's does not exist for them (404). */
    async mine({ userId, jobId }: OwnNdaScope): Promise<MyNda> {
      const row = await findNda(db, jobId, userId);
      const job = row ? await findJobWithBusiness(db, jobId) : null;
      if (!row || !job) throw notFound('NDA');
      return {
        job: { id: job.id, title: job.title },
        business: { id: job.businessId, name: job.businessName },
        text: row.nda.renderedText,
        textSha256: row.nda.textSha256,
        sentAt: row.nda.sentAt.toISOString(),
        signedAt: row.nda.signedAt?.toISOString() ?? null,
        signedName: row.nda.signedName,
      };
    },

    /**
     * Signs the caller's NDA. The typed name must be their account's name (`signatureMatches`:
     * case, accents, punctuation and spaces aside); the hash must be the one of the text they
     * were shown, else 409: the text changed and they must read it again.
     */
    async sign({ userId, jobId }: OwnNdaScope, input: SignNda, from: SignerContext) {
      const signed = await db.transaction(async (tx) => {
        const row = await findNda(tx, jobId, userId);
        const job = row ? await findJobWithBusiness(tx, jobId) : null;
        const signer = await findUser(tx, userId);
        if (!row || !job || !signer) throw notFound('NDA');
        if (row.nda.signedAt) throw conflict('You have already signed this NDA.');
        if (row.nda.textSha256 !== input.textSha256) {
          throw conflict(
            'The NDA’s text is not the one you were shown; reload it and read it again before signing.',
          );
        }
        if (!signatureMatches(input.name, signer.name)) {
          throw badRequest('Type your full name as it is on your account to sign.', [
            {
              path: 'body.name',
              message: `Type your full name as on your account: ${signer.name}`,
            },
          ]);
        }
        const signedAt = clock.now();
        const updated = await signNda(tx, row.nda.id, {
          textSha256: input.textSha256,
          signedName: input.name,
          signedAt,
          signerIp: from.ip,
          signerUserAgent: from.userAgent.slice(0, 1000),
        });
        // Lost a race with another signature or a change of text since the read above.
        if (!updated) throw conflict('This NDA changed while you signed it; reload it.');
        const managers = await ndaManagersOf(tx, job.businessId);
        await notify(
          tx,
          managers.map((id) => ({ userId: id })),
          'nda.signed',
          {
            businessId: job.businessId,
            jobId,
            jobTitle: job.title,
            professionalName: signer.name,
            signedAt,
          },
        );
        return updated;
      });
      return {
        ...(await this.mine({ userId, jobId })),
        signedAt: signed.signedAt?.toISOString() ?? null,
      };
    },

    /** The caller's own signed NDA, as a PDF. */
    async myPdf({ userId, jobId }: OwnNdaScope) {
      const row = await findNda(db, jobId, userId);
      const job = row ? await findJobWithBusiness(db, jobId) : null;
      if (!row || !job) throw notFound('Signed NDA');
      return { pdf: await pdfOf(db, row.nda, job.title, userId), jobTitle: job.title };
    },
  };
}
