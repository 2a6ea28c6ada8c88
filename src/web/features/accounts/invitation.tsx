import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { errorMessage } from '../../api.ts';
import { authClient } from '../../auth-client.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { sharedKeys, useMe } from '../../hooks.ts';
import { useAcceptInvitation, useInvitationPreview } from './account-queries.ts';

export function InvitationPage() {
  const { token } = useParams({ from: '/invitations/$token' });
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const acceptInvitation = () =>
    accept.mutate(undefined, {
      onSuccess: ({ businessId }) =>
        void navigate({ to: '/app/businesses/$businessId/team', params: { businessId } }),
    });
  const switchAccount = async () => {
    await authClient.signOut();
    await queryClient.invalidateQueries({ queryKey: sharedKeys.me });
  };

  if (preview.isPending || me.isPending) return <Loading what="Opening the invitation" />;
  if (preview.isError) {
    return (
      <AuthLayout title="Invitation not found">
        <p className="text-sm text-slate-700">
          This link is not valid. Ask the person who invited you to send a new invitation.
        </p>
      </AuthLayout>
    );
  }
  const inv = preview.data;
  const user = me.data?.user;
  const next = `/invitations/${token}`;
  const wrongAccount = user && user.email.toLowerCase() !== inv.email.toLowerCase();

  return (
    <AuthLayout
      title={`Join ${inv.businessName}`}
      subtitle={`${inv.invitedByName} invited ${inv.email} to join as ${inv.role}.`}
    >
      {inv.status !== 'pending' ? (
        <Alert tone="warning">
          {inv.status === 'accepted' && 'This invitation has already been accepted.'}
          {inv.status === 'revoked' &&
            'This invitation was withdrawn. Ask for a new one if you still need access.'}
          {inv.status === 'expired' && 'This invitation has expired. Ask for a new one.'}
        </Alert>
      ) : !user ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            Sign in or create an account with {inv.email} to accept.
          </p>
          <div className="flex flex-wrap gap-2">
            <Link
              to="/sign-up"
              search={{ email: inv.email, next }}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Create an account
            </Link>
            <Link
              to="/sign-in"
              search={{ email: inv.email, next }}
              className="rounded-md px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Sign in
            </Link>
          </div>
        </div>
      ) : wrongAccount ? (
        <div className="space-y-3">
          <Alert tone="warning">
            You are signed in as {user.email}, but this invitation is for {inv.email}.
          </Alert>
          <Button variant="secondary" onClick={switchAccount}>
            Sign out and switch account
          </Button>
        </div>
      ) : (
        <div className="space-y-3">
          {accept.isError && <Alert>{errorMessage(accept.error)}</Alert>}
          <p className="text-sm text-slate-600">
            The invitation is valid until {formatDateTime(inv.expiresAt, user.timeZone)}.
          </p>
          <Button busy={accept.isPending} onClick={acceptInvitation} className="w-full">
            Accept and join {inv.businessName}
          </Button>
        </div>
      )}
    </AuthLayout>
  );
}
