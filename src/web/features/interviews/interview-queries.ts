/** Hiring — interviews: the keys, queries and mutations of both sides. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AskOtherTimes,
  AssessInterviewInput,
  CancelInterviewInput,
  ProposeInterviewInput,
  RescheduleInterviewInput,
} from '../../../core/contracts/interviews.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const interviewKeys = {
  job: (businessId: string, jobId: string) => ['interviews', businessId, jobId] as const,
  mine: (interviewId: string) => ['interview', interviewId] as const,
};

/** The .ics download of an interview, for the business's side or the professional's. */
export const calendarUrl = {
  business: (businessId: string, jobId: string, interviewId: string) =>
    `/api/v1/businesses/${businessId}/jobs/${jobId}/interviews/${interviewId}/calendar.ics`,
  mine: (interviewId: string) => `/api/v1/interviews/${interviewId}/calendar.ics`,
};

export function useJobInterviews(businessId: string, jobId: string) {
  return useQuery({
    queryKey: interviewKeys.job(businessId, jobId),
    queryFn: () =>
      api('GET /businesses/:businessId/jobs/:jobId/interviews', { params: { businessId, jobId } }),
  });
}

export function useProposeInterview(businessId: string, jobId: string, bidId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: ProposeInterviewInput) =>
      api('POST /businesses/:businessId/jobs/:jobId/bids/:bidId/interviews', {
        params: { businessId, jobId, bidId },
        body,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: interviewKeys.job(businessId, jobId) }),
  });
}

type BusinessChange =
  | { interviewId: string; action: 'reschedule'; body: RescheduleInterviewInput }
  | { interviewId: string; action: 'move'; body: { startsAt: string } }
  | { interviewId: string; action: 'cancel'; body: CancelInterviewInput }
  | { interviewId: string; action: 'assess'; body: AssessInterviewInput };

/** Every change the business makes to one of the job's interviews. */
export function useChangeInterview(businessId: string, jobId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (change: BusinessChange) => {
      const params = { businessId, jobId, interviewId: change.interviewId };
      switch (change.action) {
        case 'reschedule':
          return api(
            'POST /businesses/:businessId/jobs/:jobId/interviews/:interviewId/reschedule',
            {
              params,
              body: change.body,
            },
          );
        case 'move':
          return api('POST /businesses/:businessId/jobs/:jobId/interviews/:interviewId/move', {
            params,
            body: change.body,
          });
        case 'cancel':
          return api('POST /businesses/:businessId/jobs/:jobId/interviews/:interviewId/cancel', {
            params,
            body: change.body,
          });
        case 'assess':
          return api('PUT /businesses/:businessId/jobs/:jobId/interviews/:interviewId/assessment', {
            params,
            body: change.body,
          });
        default:
          return change satisfies never;
      }
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: interviewKeys.job(businessId, jobId) }),
  });
}

export function useMyInterview(interviewId: string) {
  return useQuery({
    queryKey: interviewKeys.mine(interviewId),
    queryFn: () => api('GET /interviews/:interviewId', { params: { interviewId } }),
  });
}

export function useAnswerInterview(interviewId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (answer: { book: string } | { otherTimes: AskOtherTimes }) =>
      'book' in answer
        ? api('POST /interviews/:interviewId/book', {
            params: { interviewId },
            body: { startsAt: answer.book },
          })
        : api('POST /interviews/:interviewId/other-times', {
            params: { interviewId },
            body: answer.otherTimes,
          }),
    onSuccess: (interview) => queryClient.setQueryData(interviewKeys.mine(interviewId), interview),
  });
}
