/**
 * Progress reports and the dashboards: keys, queries and mutations. Every key of a contract's
 * reports starts with `['contract', id, 'reports']` and the dashboards with `['contracts', …]`,
 * so the live stream's `contract` events refetch them.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReportCommentInput,
  ReportSettingsInput,
  SubmitReport,
} from '../../../core/contracts/reports.ts';
import { api } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';

export const reportKeys = {
  all: (contractId: string) => ['contract', contractId, 'reports'] as const,
  businessDashboard: (businessId: string) => ['contracts', 'dashboard', businessId] as const,
  myDashboard: ['contracts', 'dashboard', 'mine'] as const,
};

export function useReports(contractId: string) {
  return useQuery({
    queryKey: reportKeys.all(contractId),
    queryFn: () => api('GET /contracts/:contractId/reports', { params: { contractId } }),
  });
}

/** After any change, the contract's reports and every dashboard are stale. */
function useRefresh(contractId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: reportKeys.all(contractId) });
    void queryClient.invalidateQueries({ queryKey: ['contracts', 'dashboard'] });
  };
}

export function useSubmitReport(contractId: string) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: (body: SubmitReport) =>
      api('POST /contracts/:contractId/reports', { params: { contractId }, body }),
    onSuccess: refresh,
  });
}

export function useReportSettings(contractId: string) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: (body: ReportSettingsInput) =>
      api('PUT /contracts/:contractId/reports/settings', { params: { contractId }, body }),
    onSuccess: refresh,
  });
}

export function useCommentReport(contractId: string, reportId: string) {
  const refresh = useRefresh(contractId);
  return useGuardedMutation({
    mutationFn: (body: ReportCommentInput) =>
      api('POST /contracts/:contractId/reports/:reportId/comments', {
        params: { contractId, reportId },
        body,
      }),
    onSuccess: refresh,
  });
}

export function useBusinessDashboard(businessId: string) {
  return useQuery({
    queryKey: reportKeys.businessDashboard(businessId),
    queryFn: () =>
      api('GET /businesses/:businessId/contracts/dashboard', { params: { businessId } }),
  });
}

export function useMyDashboard() {
  return useQuery({
    queryKey: reportKeys.myDashboard,
    queryFn: () => api('GET /me/contracts/dashboard'),
  });
}
