/** Trial rows → the contract's shapes. The business's scores and comments never reach `presentMyTrial`. */
import type {
  MyTrial,
  Trial,
  TrialFile,
  TrialParticipant,
} from '../../../core/contracts/trials.ts';
import { renderMarkdown } from '../../../core/markdown.ts';
import type { NamedParticipant, ParticipantRow, TrialFileRow, TrialRow } from './queries.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentTrialFile(row: TrialFileRow): TrialFile {
  return {
    id: row.id,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
  };
}

function trialFields(row: TrialRow) {
  return {
    id: row.id,
    jobId: row.jobId,
    title: row.title,
    instructions: row.instructions,
    instructionsHtml: renderMarkdown(row.instructions),
    deadline: row.deadline.toISOString(),
    timeBoxMinutes: row.timeBoxMinutes,
    rubric: row.rubric,
    paid:
      row.paidAmount !== null && row.paidCurrency
        ? { amount: row.paidAmount, currency: row.paidCurrency }
        : null,
    createdAt: row.createdAt.toISOString(),
    cancelledAt: iso(row.cancelledAt),
  };
}

function participation(row: ParticipantRow, files: TrialFileRow[]) {
  return {
    status: row.status,
    respondedAt: iso(row.respondedAt),
    declineReason: row.declineReason,
    submittedAt: iso(row.submittedAt),
    late: row.late,
    notes: row.notes,
    links: row.links,
    files: files.map(presentTrialFile),
  };
}

export function presentParticipant(row: NamedParticipant, files: TrialFileRow[]): TrialParticipant {
  return {
    bidId: row.bidId,
    professional: { id: row.professionalId, name: row.professionalName },
    ...participation(
      row,
      files.filter((f) => f.trialId === row.trialId && f.professionalId === row.professionalId),
    ),
    criterionScores: row.criterionScores,
    score: row.score,
    scoreComment: row.scoreComment,
    scoredAt: iso(row.scoredAt),
  };
}

export function presentTrial(
  row: TrialRow,
  participants: NamedParticipant[],
  files: TrialFileRow[],
): Trial {
  return {
    ...trialFields(row),
    participants: participants
      .filter((p) => p.trialId === row.id)
      .map((p) => presentParticipant(p, files)),
  };
}

export function presentMyTrial(
  found: { trial: TrialRow; participant: ParticipantRow; jobTitle: string; businessName: string },
  files: TrialFileRow[],
): MyTrial {
  return {
    ...trialFields(found.trial),
    jobTitle: found.jobTitle,
    businessName: found.businessName,
    me: participation(found.participant, files),
  };
}
