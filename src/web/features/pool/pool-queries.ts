/**
 * The pool's query keys, queries and mutations. Everything of one business sits under
 * ['pool', businessId] (records, notes, lists), so a change refreshes it with one invalidation.
 */
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateContactInput,
  SaveListInput,
  UpdateContactInput,
  UpdatePrivateNoteInput,
} from '../../../core/contracts/pool.ts';
import { api } from '../../api.ts';
import { sharedKeys } from '../../hooks.ts';

export const poolKeys = {
  all: (businessId: string) => ['pool', businessId] as const,
  contacts: (businessId: string, tag?: string) =>
    ['pool', businessId, 'contacts', tag ?? ''] as const,
  note: (businessId: string, userId: string) => ['pool', businessId, 'note', userId] as const,
  lists: (businessId: string, professional?: string) =>
    ['pool', businessId, 'lists', professional ?? ''] as const,
  list: (businessId: string, listId: string) => ['pool', businessId, 'list', listId] as const,
  invitation: (token: string) => ['pool-invitation', token] as const,
};

function useRefresh(businessId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: poolKeys.all(businessId) });
}

export function usePool(businessId: string, tag?: string) {
  return useQuery({
    queryKey: poolKeys.contacts(businessId, tag),
    queryFn: () =>
      api('GET /businesses/:businessId/pool', {
        params: { businessId },
        query: tag ? { tag } : {},
      }),
  });
}

export function useAddContact(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (body: CreateContactInput) =>
      api('POST /businesses/:businessId/pool/contacts', { params: { businessId }, body }),
    onSuccess: refresh,
  });
}

export function useUpdateContact(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: ({ contactId, ...body }: UpdateContactInput & { contactId: string }) =>
      api('PATCH /businesses/:businessId/pool/contacts/:contactId', {
        params: { businessId, contactId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useRemoveContact(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (contactId: string) =>
      api('DELETE /businesses/:businessId/pool/contacts/:contactId', {
        params: { businessId, contactId },
      }),
    onSuccess: refresh,
  });
}

export function useResendInvitation(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (contactId: string) =>
      api('POST /businesses/:businessId/pool/contacts/:contactId/invitation', {
        params: { businessId, contactId },
      }),
    onSuccess: refresh,
  });
}

export function useRevokeInvitation(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (contactId: string) =>
      api('DELETE /businesses/:businessId/pool/contacts/:contactId/invitation', {
        params: { businessId, contactId },
      }),
    onSuccess: refresh,
  });
}

export function usePrivateNote(businessId: string, userId: string) {
  return useQuery({
    queryKey: poolKeys.note(businessId, userId),
    queryFn: () =>
      api('GET /businesses/:businessId/pool/professionals/:userId', {
        params: { businessId, userId },
      }),
  });
}

export function useSavePrivateNote(businessId: string, userId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (body: UpdatePrivateNoteInput) =>
      api('PUT /businesses/:businessId/pool/professionals/:userId', {
        params: { businessId, userId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useInviteProfessionalToJob(businessId: string, userId: string) {
  return useGuardedMutation({
    mutationFn: (jobId: string) =>
      api('POST /businesses/:businessId/pool/professionals/:userId/job-invitations', {
        params: { businessId, userId },
        body: { jobId },
      }),
  });
}

/** The business's open jobs: what a professional can be invited to. */
export function useOpenJobs(businessId: string) {
  return useQuery({
    queryKey: ['pool', businessId, 'open-jobs'],
    queryFn: () =>
      api('GET /businesses/:businessId/jobs', {
        params: { businessId },
        query: { status: 'open', limit: 100 },
      }),
  });
}

export function useLists(businessId: string, professional?: string) {
  return useQuery({
    queryKey: poolKeys.lists(businessId, professional),
    queryFn: () =>
      api('GET /businesses/:businessId/lists', {
        params: { businessId },
        query: professional ? { professional } : {},
      }),
  });
}

export function useList(businessId: string, listId: string) {
  return useQuery({
    queryKey: poolKeys.list(businessId, listId),
    queryFn: () =>
      api('GET /businesses/:businessId/lists/:listId', { params: { businessId, listId } }),
  });
}

export function useCreateList(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (body: SaveListInput) =>
      api('POST /businesses/:businessId/lists', { params: { businessId }, body }),
    onSuccess: refresh,
  });
}

export function useRenameList(businessId: string, listId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (body: SaveListInput) =>
      api('PATCH /businesses/:businessId/lists/:listId', { params: { businessId, listId }, body }),
    onSuccess: refresh,
  });
}

export function useDeleteList(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: (listId: string) =>
      api('DELETE /businesses/:businessId/lists/:listId', { params: { businessId, listId } }),
    onSuccess: refresh,
  });
}

export function useListMembership(businessId: string) {
  const refresh = useRefresh(businessId);
  return useGuardedMutation({
    mutationFn: ({ listId, userId, on }: { listId: string; userId: string; on: boolean }) =>
      on
        ? api('PUT /businesses/:businessId/lists/:listId/items/:userId', {
            params: { businessId, listId, userId },
          })
        : api('DELETE /businesses/:businessId/lists/:listId/items/:userId', {
            params: { businessId, listId, userId },
          }),
    onSuccess: refresh,
  });
}

export function usePoolInvitationPreview(token: string) {
  return useQuery({
    queryKey: poolKeys.invitation(token),
    queryFn: () => api('GET /pool/invitations/:token', { params: { token } }),
    retry: false,
  });
}

/** Joins the pool; joining is working as a professional, so an empty profile is started first. */
export function useJoinPool(token: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async () => {
      await api('POST /me/professional-profile');
      return api('POST /pool/invitations/:token/accept', { params: { token } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharedKeys.me }),
  });
}
