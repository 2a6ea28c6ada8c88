import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { authClient } from '../../auth-client.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { sharedKeys } from '../../hooks.ts';
import { safeNext } from './safe-next.ts';

export function SignIn() {
  const search = useSearch({ from: '/sign-in' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(search.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email || !password) {
      setError('Enter your e-mail and password.');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await authClient.signIn.email({ email: email.trim(), password });
    setBusy(false);
    if (result.error) {
      setError(
        result.error.status === 429
          ? 'Too many attempts. Wait a minute and try again.'
          : result.error.status === 401
            ? 'That e-mail and password do not match an account.'
            : (result.error.message ?? 'Could not sign in.'),
      );
      return;
    }
    // Drop any cached 'signed out' answer so the next page loads the new session.
    queryClient.removeQueries({ queryKey: sharedKeys.me });
    await navigate({ to: safeNext(search.next) });
  }

  return (
    <AuthLayout
      title="Sign in to Handoff"
      footer={
        <>
          New here?{' '}
          <Link
            to="/sign-up"
            search={{ next: search.next, email: email || undefined }}
            className="font-medium text-brand-700 underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {search.reset && (
          <Alert tone="success">Your password was changed. Sign in with the new one.</Alert>
        )}
        {error && <Alert>{error}</Alert>}
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="flex items-center justify-between">
          <Link to="/forgot-password" className="text-sm text-brand-700 underline">
            Forgot your password?
          </Link>
          <Button type="submit" busy={busy}>
            Sign in
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
