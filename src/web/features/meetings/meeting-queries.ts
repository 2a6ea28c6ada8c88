/** Contract workspace — meetings: the keys, queries and mutations of the meetings tab. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BookMeetingInput,
  MeetingMinutes,
  UpdateMeeting,
} from '../../../core/contracts/meetings.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

// Under ['contract', id, 'meetings']: the live stream refetches them when either side acts.
export const meetingKeys = {
  all: (contractId: string) => ['contract', contractId, 'meetings'] as const,
  list: (contractId: string) => ['contract', contractId, 'meetings', 'list'] as const,
  people: (contractId: string) => ['contract', contractId, 'meetings', 'people'] as const,
  feed: ['me', 'calendar-feed'] as const,
};

/** The .ics download of one meeting. */
export const meetingCalendarUrl = (contractId: string, meetingId: string) =>
  `/api/v1/contracts/${contractId}/meetings/${meetingId}/calendar.ics`;

export function useMeetings(contractId: string) {
  return useQuery({
    queryKey: meetingKeys.list(contractId),
    queryFn: () => api('GET /contracts/:contractId/meetings', { params: { contractId } }),
  });
}

export function useMeetingPeople(contractId: string) {
  return useQuery({
    queryKey: meetingKeys.people(contractId),
    queryFn: () => api('GET /contracts/:contractId/meetings/people', { params: { contractId } }),
  });
}

export function useBookMeeting(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: BookMeetingInput) =>
      api('POST /contracts/:contractId/meetings', { params: { contractId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all(contractId) }),
  });
}

type MeetingChange =
  | { meetingId: string; action: 'update'; body: UpdateMeeting }
  | { meetingId: string; action: 'cancel' }
  | { meetingId: string; action: 'minutes'; body: MeetingMinutes }
  | { meetingId: string; action: 'issue'; text: string };

/** Every change to one of the contract's meetings. */
export function useChangeMeeting(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async (change: MeetingChange) => {
      const params = { contractId, meetingId: change.meetingId };
      switch (change.action) {
        case 'update':
          return api('PATCH /contracts/:contractId/meetings/:meetingId', {
            params,
            body: change.body,
          });
        case 'cancel':
          return api('POST /contracts/:contractId/meetings/:meetingId/cancel', { params });
        case 'minutes':
          return api('PUT /contracts/:contractId/meetings/:meetingId/minutes', {
            params,
            body: change.body,
          });
        case 'issue':
          return (
            await api('POST /contracts/:contractId/meetings/:meetingId/action-items/issue', {
              params,
              body: { text: change.text },
            })
          ).meeting;
        default:
          return change satisfies never;
      }
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all(contractId) });
      void queryClient.invalidateQueries({ queryKey: ['contract', contractId, 'issues'] });
    },
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: meetingKeys.feed,
    queryFn: () => api('GET /me/calendar-feed'),
  });
}

export function useMakeCalendarFeed() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('POST /me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.feed }),
  });
}
