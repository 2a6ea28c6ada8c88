import { Link, useParams } from '@tanstack/react-router';
import { ApiError, errorMessage } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { AuthLayout } from '../accounts/auth-layout.tsx';
import { useJoinPool, usePoolInvitationPreview } from './pool-queries.ts';

const linkButton =
  'rounded-md px-4 py-2 text-sm font-medium ring-1 ring-slate-300 text-slate-800 hover:bg-slate-50';

/**
 * The page an invitation to a business's pool opens: sign up (as a professional) or sign in,
 * then join. Job invitations sent to the invited address are waiting once the address is
 * confirmed.
 */
export function JoinPage() {
  const { token } = useParams({ from: '/join/$token' });
  const me = useMe();
  const preview = usePoolInvitationPreview(token);
  const join = useJoinPool(token);

  if (preview.isPending || me.isPending) return <Loading what="Opening the invitation" />;
  if (preview.isError)
    return (
      <AuthLayout title="Invitation not found">
        <p className="text-sm text-slate-700">
          This link is not valid any more: it was withdrawn, replaced by a newer one, or it expired.
          Ask the business that invited you to send it again.
        </p>
      </AuthLayout>
    );
  const inv = preview.data;
  const user = me.data?.user;
  const next = `/join/${token}`;
  const notVerified =
    join.error instanceof ApiError && join.error.problem?.type?.endsWith('/email-not-verified');

  return (
    <AuthLayout
      title={`Join ${inv.businessName}’s professionals`}
      subtitle={`${inv.businessName} invited ${inv.name} to work with them through Handoff.`}
    >
      {join.isSuccess ? (
        <div className="space-y-3">
          <Alert tone="success">
            You are in {join.data.businessName}’s pool.
            {join.data.jobInvitations > 0 &&
              ` ${join.data.jobInvitations} job ${join.data.jobInvitations === 1 ? 'invitation is' : 'invitations are'} waiting for you.`}
          </Alert>
          <Link to="/app" className="text-sm font-medium text-brand-700 underline">
            See your job invitations
          </Link>
        </div>
      ) : !user ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            Create an account{inv.email ? ` with ${inv.email}` : ''} or sign in, then come back to
            this page to join. The link works until {formatDate(inv.expiresAt)}.
          </p>
          <div className="flex flex-wrap gap-2">
            <Link
              to="/sign-up"
              search={{ email: inv.email ?? undefined, next, as: 'professional' }}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Create an account
            </Link>
            <Link
              to="/sign-in"
              search={{ email: inv.email ?? undefined, next }}
              className={linkButton}
            >
              Sign in
            </Link>
          </div>
        </div>
      ) : (
        <div className="space-y-3">
          {!user.emailVerified || notVerified ? (
            <Alert tone="warning">
              First confirm your e-mail address ({user.email}) with the link Handoff sent you, then
              come back to this page.
            </Alert>
          ) : (
            join.isError && <Alert>{errorMessage(join.error)}</Alert>
          )}
          <p className="text-sm text-slate-600">Signed in as {user.email}.</p>
          <Button
            busy={join.isPending}
            disabled={!user.emailVerified}
            onClick={() => join.mutate()}
            className="w-full"
          >
            Join {inv.businessName}
          </Button>
        </div>
      )}
    </AuthLayout>
  );
}
