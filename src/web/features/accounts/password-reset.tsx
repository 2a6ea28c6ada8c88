import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { authClient } from '../../auth-client.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { passwordHint, usePasswordVerdict } from './use-password-verdict.ts';

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email)) {
      setError('Enter the e-mail address of your account.');
      return;
    }
    setBusy(true);
    const result = await authClient.requestPasswordReset({
      email: email.trim(),
      redirectTo: '/reset-password',
    });
    setBusy(false);
    if (result.error)
      setError(
        result.error.status === 429
          ? 'Too many requests. Wait a minute.'
          : (result.error.message ?? 'Could not send the link.'),
      );
    else setSent(true);
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="We’ll e-mail you a link to choose a new one."
      footer={
        <Link to="/sign-in" className="underline">
          Back to sign in
        </Link>
      }
    >
      {sent ? (
        <Alert tone="success">
          If an account uses {email}, a reset link is on its way. It works for one hour.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          {error && <Alert>{error}</Alert>}
          <TextField
            label="E-mail"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" busy={busy} className="w-full">
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

export function ResetPassword() {
  const search = useSearch({ from: '/reset-password' });
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(
    search.error ? 'This reset link is invalid or has expired. Ask for a new one.' : null,
  );
  const [busy, setBusy] = useState(false);
  // The page does not know whose account the link is for; the server also refuses their
  // e-mail address and name.
  const verdict = usePasswordVerdict(password);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!verdict.ok) {
      setError(verdict.message ?? 'Choose a stronger password.');
      return;
    }
    if (!search.token) return;
    setBusy(true);
    const result = await authClient.resetPassword({ newPassword: password, token: search.token });
    setBusy(false);
    if (result.error)
      setError(result.error.message ?? 'This reset link is invalid or has expired.');
    else await navigate({ to: '/sign-in', search: { reset: true } });
  }

  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <Link to="/forgot-password" className="underline">
          Need a new link?
        </Link>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {error && <Alert>{error}</Alert>}
        {!search.token && !search.error && (
          <Alert>This page needs the link from your e-mail.</Alert>
        )}
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={passwordHint(password, verdict)}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" busy={busy} disabled={!search.token} className="w-full">
          Save new password
        </Button>
      </form>
    </AuthLayout>
  );
}
