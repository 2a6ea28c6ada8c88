/**
 * Drizzle queries of clarification questions. The asker's id is read only to tell the asker
 * their own questions and to notify them: no query here returns it to be shown.
 */
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { bids, jobQuestions } from '../../db/schema/index.ts';

export type QuestionRow = typeof jobQuestions.$inferSelect;

export async function insertQuestion(tx: Tx, values: typeof jobQuestions.$inferInsert) {
  const [row] = await tx.insert(jobQuestions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The job's answered questions, oldest first. */
export function listAnsweredQuestions(tx: Tx, jobId: string) {
  return tx
    .select({
      id: jobQuestions.id,
      question: jobQuestions.question,
      answer: jobQuestions.answer,
      answeredAt: jobQuestions.answeredAt,
    })
    .from(jobQuestions)
    .where(and(eq(jobQuestions.jobId, jobId), isNotNull(jobQuestions.answeredAt)))
    .orderBy(asc(jobQuestions.createdAt), asc(jobQuestions.id))
    .limit(500);
}

/** The questions one person asked on the job. */
export function listAskedBy(tx: Tx, jobId: string, userId: string) {
  return tx
    .select()
    .from(jobQuestions)
    .where(and(eq(jobQuestions.jobId, jobId), eq(jobQuestions.askedBy, userId)))
    .orderBy(asc(jobQuestions.createdAt), asc(jobQuestions.id))
    .limit(500);
}

/**
 * Every question on the job for its business: unanswered first, then by age, with whether the
 * asker has a live bid on the job (never who they are).
 */
export function listJobQuestions(tx: Tx, jobId: string) {
  return tx
    .select({
      id: jobQuestions.id,
      question: jobQuestions.question,
      answer: jobQuestions.answer,
      createdAt: jobQuestions.createdAt,
      answeredAt: jobQuestions.answeredAt,
      askerHasBid: sql<boolean>`exists (select 1 from ${bids} where ${bids.jobId} = ${jobQuestions.jobId} and ${bids.professionalId} = ${jobQuestions.askedBy} and ${bids.status} <> 'withdrawn')`,
    })
    .from(jobQuestions)
    .where(eq(jobQuestions.jobId, jobId))
    .orderBy(sql`${jobQuestions.answeredAt} is not null`, asc(jobQuestions.createdAt))
    .limit(500);
}

export async function findQuestion(tx: Tx, jobId: string, questionId: string) {
  const [row] = await tx
    .select()
    .from(jobQuestions)
    .where(and(eq(jobQuestions.id, questionId), eq(jobQuestions.jobId, jobId)))
    .for('update');
  return row ?? null;
}

export async function setAnswer(
  tx: Tx,
  questionId: string,
  values: { answer: string; answeredBy: string; answeredAt: Date },
) {
  const [row] = await tx
    .update(jobQuestions)
    .set(values)
    .where(eq(jobQuestions.id, questionId))
    .returning();
  if (!row) throw new Error('update found no question');
  return row;
}

/** Whether the asker has a live bid on the job (for one question). */
export async function askerHasBid(tx: Tx, jobId: string, askedBy: string | null) {
  if (!askedBy) return false;
  const [row] = await tx
    .select({ id: bids.id })
    .from(bids)
    .where(
      and(eq(bids.jobId, jobId), eq(bids.professionalId, askedBy), ne(bids.status, 'withdrawn')),
    );
  return row !== undefined;
}
