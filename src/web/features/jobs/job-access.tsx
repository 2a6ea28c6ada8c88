import { Link } from '@tanstack/react-router';
import { ArrowLeft } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Business } from '../../../core/contracts/accounts.ts';
import { roleCan } from '../../../core/roles.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { useBusiness, useMe } from '../../hooks.ts';

export interface JobContext {
  business: Business;
  /** Owners and managers write, publish and invite; viewers read. */
  canWrite: boolean;
  viewerTimeZone: string;
}

/** An error with a "Try again" that refetches. */
export function RetryAlert({ error, retry }: { error: unknown; retry: () => unknown }) {
  return (
    <Alert>
      {errorMessage(error)}{' '}
      <button type="button" className="font-medium underline" onClick={() => void retry()}>
        Try again
      </button>
    </Alert>
  );
}

export const isNotFound = (error: unknown) =>
  error instanceof ApiError && error.problem.status === 404;

export function BackToJobs({ businessId }: { businessId: string }) {
  return (
    <Link
      to="/app/businesses/$businessId/jobs"
      params={{ businessId }}
      className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
    >
      <ArrowLeft size={14} aria-hidden /> All jobs
    </Link>
  );
}

/**
 * Loads the business and the viewer, and lets members through: every member reads jobs,
 * owners and managers write them. Pages that only writers may use pass `write`.
 */
export function JobAccess({
  businessId,
  title,
  write = false,
  children,
}: {
  businessId: string;
  title: string;
  write?: boolean;
  children: (context: JobContext) => ReactNode;
}) {
  const me = useMe();
  const business = useBusiness(businessId);
  if (business.isError)
    return isNotFound(business.error) ? (
      <Alert>This business does not exist, or you are not a member of it.</Alert>
    ) : (
      <RetryAlert error={business.error} retry={business.refetch} />
    );
  if (business.isPending || !me.data) return <Loading what="Loading" />;
  const canWrite = roleCan(business.data.myRole, 'jobs.manage');
  if (write && !canWrite)
    return (
      <>
        <PageHeader title={title} description={business.data.name} />
        <Alert tone="info">
          Only owners and managers of {business.data.name} can create and edit jobs. You can read
          the jobs under <BackToJobs businessId={businessId} />.
        </Alert>
      </>
    );
  return (
    <>{children({ business: business.data, canWrite, viewerTimeZone: me.data.user.timeZone })}</>
  );
}
