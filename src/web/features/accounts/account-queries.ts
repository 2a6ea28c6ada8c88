/**
 * Accounts: the person, their businesses, teams, invitations and API tokens — queries,
 * mutations and the keys they live under. The person and a business are shared by every
 * feature (`hooks.ts`); a change to either here refreshes `sharedKeys.me`, whose memberships
 * and names the shell shows.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import type { z } from 'zod';
import type {
  CreateApiTokenSchema,
  CreateBusinessSchema,
  CreateInvitation,
  UpdateBusiness,
  UpdateMe,
} from '../../../core/contracts/accounts.ts';
import type { BusinessRole } from '../../../core/roles.ts';
import { api } from '../../api.ts';
import { sharedKeys } from '../../hooks.ts';

export const accountKeys = {
  members: (businessId: string) => ['members', businessId] as const,
  invitations: (businessId: string) => ['invitations', businessId] as const,
  invitation: (token: string) => ['invitation', token] as const,
  apiTokens: ['api-tokens'] as const,
};

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: UpdateMe) => api('PATCH /me', { body }),
    onSuccess: (me) => queryClient.setQueryData(sharedKeys.me, me),
  });
}

export function useBecomeProfessional() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('POST /me/professional-profile'),
    onSuccess: (me) => queryClient.setQueryData(sharedKeys.me, me),
  });
}

export function useCreateBusiness() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: z.input<typeof CreateBusinessSchema>) => api('POST /businesses', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharedKeys.me }),
  });
}

export function useUpdateBusiness(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: UpdateBusiness) =>
      api('PATCH /businesses/:businessId', { params: { businessId }, body }),
    onSuccess: async (business) => {
      queryClient.setQueryData(sharedKeys.business(businessId), business);
      // The business's name appears in the person's memberships (the shell's switcher).
      await queryClient.invalidateQueries({ queryKey: sharedKeys.me });
    },
  });
}

export function useMembers(businessId: string) {
  return useQuery({
    queryKey: accountKeys.members(businessId),
    queryFn: () => api('GET /businesses/:businessId/members', { params: { businessId } }),
  });
}

export function useTeamInvitations(businessId: string, enabled: boolean) {
  return useQuery({
    queryKey: accountKeys.invitations(businessId),
    queryFn: () => api('GET /businesses/:businessId/invitations', { params: { businessId } }),
    enabled,
  });
}

/** A member's role or membership changed: the team and the person's own memberships refresh. */
function useRefreshTeam(businessId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: accountKeys.members(businessId) }),
      queryClient.invalidateQueries({ queryKey: sharedKeys.me }),
    ]);
}

export function useChangeRole(businessId: string) {
  const refresh = useRefreshTeam(businessId);
  return useGuardedMutation({
    mutationFn: ({ userId, role }: { userId: string; role: BusinessRole }) =>
      api('PATCH /businesses/:businessId/members/:userId', {
        params: { businessId, userId },
        body: { role },
      }),
    onSettled: refresh,
  });
}

export function useRemoveMember(businessId: string) {
  const refresh = useRefreshTeam(businessId);
  return useGuardedMutation({
    mutationFn: (userId: string) =>
      api('DELETE /businesses/:businessId/members/:userId', { params: { businessId, userId } }),
    onSuccess: refresh,
  });
}

export function useInviteMember(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: CreateInvitation) =>
      api('POST /businesses/:businessId/invitations', { params: { businessId }, body }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: accountKeys.invitations(businessId) }),
  });
}

export function useRevokeInvitation(businessId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (invitationId: string) =>
      api('DELETE /businesses/:businessId/invitations/:invitationId', {
        params: { businessId, invitationId },
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: accountKeys.invitations(businessId) }),
  });
}

/** What an invitation link offers; anyone with the link may read it (no retry on a 404). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: accountKeys.invitation(token),
    queryFn: () => api('GET /invitations/:token', { params: { token } }),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: () => api('POST /invitations/:token/accept', { params: { token } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharedKeys.me }),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: accountKeys.apiTokens, queryFn: () => api('GET /me/api-tokens') });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (body: z.input<typeof CreateApiTokenSchema>) =>
      api('POST /me/api-tokens', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.apiTokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (tokenId: string) => api('DELETE /me/api-tokens/:tokenId', { params: { tokenId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.apiTokens }),
  });
}
