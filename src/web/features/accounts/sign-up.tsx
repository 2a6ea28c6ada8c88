import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { CreateBusinessSchema } from '../../../core/contracts/accounts.ts';
import { EmailSchema, NameSchema } from '../../../core/contracts/common.ts';
import { api, errorMessage } from '../../api.ts';
import { authClient } from '../../auth-client.ts';
import { browserTimeZone, guessCurrency } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { AuthLayout } from './auth-layout.tsx';
import { CurrencySelect, TimeZoneSelect } from './zone-currency.tsx';
import { sharedKeys } from '../../hooks.ts';
import { safeNext } from './safe-next.ts';
import { passwordHint, usePasswordVerdict } from './use-password-verdict.ts';

type Errors = Partial<
  Record<'name' | 'email' | 'password' | 'businessName' | 'purpose' | 'form', string>
>;

export function SignUp() {
  const search = useSearch({ from: '/sign-up' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invited = Boolean(search.next?.startsWith('/invitations/'));
  const [form, setForm] = useState({
    name: '',
    email: search.email ?? '',
    password: '',
    hire: !invited && search.as !== 'professional',
    work: search.as === 'professional',
    businessName: '',
    timeZone: browserTimeZone(),
    currency: guessCurrency(),
  });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const verdict = usePasswordVerdict(form.password, { email: form.email, name: form.name });

  function validate(): Errors {
    const e: Errors = {};
    // The same rules the server applies (src/core/contracts), checked before anything is created.
    if (!form.name.trim()) e.name = 'Tell us your name.';
    else if (!NameSchema.safeParse(form.name).success) e.name = 'Use at most 120 characters.';
    if (!EmailSchema.safeParse(form.email.trim()).success)
      e.email = 'Enter an e-mail address such as you@example.com.';
    if (!verdict.ok) e.password = verdict.message ?? 'Choose a stronger password.';
    if (form.hire && !form.businessName.trim())
      e.businessName = 'Name your business (you can change it later).';
    else if (form.hire && !CreateBusinessSchema.shape.name.safeParse(form.businessName).success) {
      e.businessName = 'Use at most 120 characters.';
    }
    if (!invited && !form.hire && !form.work)
      e.purpose = 'Choose at least one: hire professionals, or work as one.';
    return e;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { error } = await authClient.signUp.email({
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
        callbackURL: '/app',
      });
      if (error) {
        setErrors(
          error.code === 'USER_ALREADY_EXISTS' ||
            error.code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL'
            ? { email: 'An account with this e-mail already exists. Sign in instead.' }
            : { form: error.message ?? 'Could not create the account.' },
        );
        return;
      }
      // The account exists from here on: if a later step fails, go on to the dashboard, where
      // the business or profile can be created again, rather than offer a sign-up that now fails.
      try {
        await api('PATCH /me', { body: { timeZone: form.timeZone, currency: form.currency } });
        if (form.hire) await api('POST /businesses', { body: { name: form.businessName.trim() } });
        if (form.work) await api('POST /me/professional-profile');
      } catch {
        queryClient.removeQueries({ queryKey: sharedKeys.me });
        await navigate({ to: '/app' });
        return;
      }
      // Drop any cached 'signed out' answer so the next page loads the new session.
      queryClient.removeQueries({ queryKey: sharedKeys.me });
      await navigate({ to: safeNext(search.next) });
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout
      title="Create your Handoff account"
      subtitle={
        invited
          ? 'Create an account to accept your invitation.'
          : 'Free to start. Hire, work, or both.'
      }
      footer={
        <>
          Already have an account?{' '}
          <Link
            to="/sign-in"
            search={{ next: search.next }}
            className="font-medium text-brand-700 underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        {errors.form && <Alert>{errors.form}</Alert>}
        <TextField
          label="Your name"
          autoComplete="name"
          value={form.name}
          error={errors.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextField
          label="E-mail"
          type="email"
          autoComplete="email"
          value={form.email}
          error={errors.email}
          onChange={(e) => set({ email: e.target.value })}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={passwordHint(form.password, verdict)}
          value={form.password}
          error={errors.password}
          onChange={(e) => set({ password: e.target.value })}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">
            What brings you to Handoff?
          </legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 accent-brand-700"
              checked={form.hire}
              onChange={(e) => set({ hire: e.target.checked })}
            />
            <span>I run a business and want to hand off work</span>
          </label>
          {form.hire && (
            <div className="pl-6">
              <TextField
                label="Business name"
                autoComplete="organization"
                value={form.businessName}
                error={errors.businessName}
                onChange={(e) => set({ businessName: e.target.value })}
              />
            </div>
          )}
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 accent-brand-700"
              checked={form.work}
              onChange={(e) => set({ work: e.target.checked })}
            />
            <span>I’m a professional (freelancer or agency) and want to take on work</span>
          </label>
          {errors.purpose && <p className="text-xs text-red-700">{errors.purpose}</p>}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TimeZoneSelect value={form.timeZone} onChange={(timeZone) => set({ timeZone })} />
          <CurrencySelect value={form.currency} onChange={(currency) => set({ currency })} />
        </div>
        <Button type="submit" busy={busy} className="w-full">
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
