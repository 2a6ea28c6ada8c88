/**
 * Clarification questions on a job. A professional who may read the job asks; the business
 * answers; an answered question is shown on the job to everyone who may read it. The asker is
 * never named — not to other professionals, and not to the business either: it sees only whether
 * the asker has a bid, so the answer (public to every bidder) is written for the question.
 */
import type { BusinessQuestion, JobQuestions, MyQuestion } from '../../../core/contracts/bids.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { findRole } from '../accounts/queries.ts';
import type { JobScope, Mode, ReaderScope } from '../jobs/policy.ts';
import { authorizeBrief } from '../jobs/policy.ts';
import type { Notify } from '../notifications/index.ts';
import { authorizeHiringJob } from './policy.ts';
import { listBusinessWriters } from './queries.ts';
import {
  askerHasBid,
  findQuestion,
  insertQuestion,
  listAnsweredQuestions,
  listAskedBy,
  listJobQuestions,
  setAnswer,
  type QuestionRow,
} from './question-queries.ts';

function presentMine(row: QuestionRow): MyQuestion {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

function presentForBusiness(
  row: Pick<QuestionRow, 'id' | 'question' | 'answer' | 'createdAt' | 'answeredAt'>,
  hasBid: boolean,
): BusinessQuestion {
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    askerHasBid: hasBid,
    createdAt: row.createdAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

export function createQuestionService({
  db,
  clock,
  mode,
  notify,
}: {
  db: Db;
  clock: Clock;
  mode: Mode;
  notify: Notify;
}) {
  return {
    /** Answered questions for whoever may read the job; the caller's own besides. */
    async list({ userId, jobId }: ReaderScope): Promise<JobQuestions> {
      await authorizeBrief(db, jobId, userId, mode);
      const [answered, mine] = await Promise.all([
        listAnsweredQuestions(db, jobId),
        userId ? listAskedBy(db, jobId, userId) : Promise.resolve([]),
      ]);
      return {
        items: answered.map((q) => ({
          id: q.id,
          question: q.question,
          answer: q.answer ?? '',
          answeredAt: (q.answeredAt ?? new Date(0)).toISOString(),
        })),
        mine: mine.map(presentMine),
      };
    },

    /** Asks a question on a job the caller may read (not their own business's); its writers hear. */
    async ask(
      { userId, jobId }: ReaderScope & { userId: string },
      input: { question: string },
    ): Promise<MyQuestion> {
      return db.transaction(async (tx) => {
        const job = await authorizeBrief(tx, jobId, userId, mode);
        if (await findRole(tx, job.businessId, userId))
          throw forbidden('Members of the business answer questions; they do not ask them.');
        if (job.status !== 'open') throw notFound('Job');
        const row = await insertQuestion(tx, {
          id: newId(),
          jobId,
          askedBy: userId,
          question: input.question,
          createdAt: clock.now(),
        });
        await notify(
          tx,
          (await listBusinessWriters(tx, job.businessId)).map((id) => ({ userId: id })),
          'question.asked',
          { businessId: job.businessId, jobId, jobTitle: job.title, question: input.question },
        );
        return presentMine(row);
      });
    },

    /** Every question on the business's job, unanswered first. */
    async forBusiness({ userId, businessId, jobId }: JobScope): Promise<{
      items: BusinessQuestion[];
    }> {
      await authorizeHiringJob(db, businessId, jobId, userId, 'bids.read');
      const rows = await listJobQuestions(db, jobId);
      return { items: rows.map((r) => presentForBusiness(r, r.askerHasBid)) };
    },

    /** Answers (or corrects the answer to) a question; the asker hears of the first answer. */
    async answer(
      { userId, businessId, jobId, questionId }: JobScope & { questionId: string },
      input: { answer: string },
    ): Promise<BusinessQuestion> {
      return db.transaction(async (tx) => {
        const job = await authorizeHiringJob(tx, businessId, jobId, userId, 'bids.manage');
        const question = await findQuestion(tx, jobId, questionId);
        if (!question) throw notFound('Question');
        const first = question.answeredAt === null;
        const row = await setAnswer(tx, questionId, {
          answer: input.answer,
          answeredBy: userId,
          answeredAt: question.answeredAt ?? clock.now(),
        });
        if (first && question.askedBy) {
          await notify(tx, [{ userId: question.askedBy }], 'question.answered', {
            jobId,
            jobTitle: job.title,
            question: question.question,
            answer: input.answer,
          });
        }
        return presentForBusiness(row, await askerHasBid(tx, jobId, question.askedBy));
      });
    },
  };
}
