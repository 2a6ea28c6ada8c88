import type {
  BusinessInterview,
  ProfessionalInterview,
} from '../../../core/contracts/interviews.ts';
import type { InterviewRecord } from './queries.ts';

/** The professional's view: everything but the business's notes and score. */
export function presentProfessionalInterview(r: InterviewRecord): ProfessionalInterview {
  const i = r.interview;
  return {
    id: i.id,
    jobId: i.jobId,
    jobTitle: r.jobTitle,
    bidId: i.bidId,
    status: i.status,
    slots: [...i.slots].sort(),
    durationMinutes: i.durationMinutes,
    callLink: i.callLink,
    startsAt: i.startsAt?.toISOString() ?? null,
    professionalMessage: i.professionalMessage,
    business: { id: r.businessId, name: r.business.name, timeZone: r.business.timeZone },
    professional: {
      id: i.professionalId,
      name: r.professional.name,
      timeZone: r.professional.timeZone,
    },
    sequence: i.sequence,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    cancelledAt: i.cancelledAt?.toISOString() ?? null,
  };
}

export function presentBusinessInterview(r: InterviewRecord): BusinessInterview {
  return { ...presentProfessionalInterview(r), notes: r.interview.notes, score: r.interview.score };
}
