import { Link } from '@tanstack/react-router';
import { ArrowLeft } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type {
  NotificationChannel,
  NotificationPreference,
  NotificationType,
} from '../../../core/contracts/notifications.ts';
import { errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { CHANNEL_CHOICES, preferenceChanges } from './notification-format.ts';
import { usePreferences, useSavePreferences } from './queries.ts';

type Choices = Partial<Record<NotificationType, NotificationChannel>>;

function PreferenceRow({
  preference: p,
  value,
  onChange,
}: {
  preference: NotificationPreference;
  value: NotificationChannel;
  onChange: (channel: NotificationChannel) => void;
}) {
  const descriptionId = `pref-${p.type}-description`;
  return (
    // The padding sits on a wrapper: a fieldset's padding would open a gap under its legend.
    <div className="py-4 first:pt-0 last:pb-0">
      <fieldset aria-describedby={descriptionId}>
        <legend className="text-sm font-medium text-slate-900">{p.label}</legend>
        <p id={descriptionId} className="mt-0.5 text-sm text-slate-600">
          {p.description}
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {CHANNEL_CHOICES.map((c) => (
            <label
              key={c.value}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm text-slate-800 ring-1 ring-slate-300 has-checked:bg-brand-50 has-checked:ring-brand-700 has-focus-visible:ring-2"
            >
              <input
                type="radio"
                name={`channel-${p.type}`}
                value={c.value}
                checked={value === c.value}
                onChange={() => onChange(c.value)}
                className="accent-brand-700"
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** `/settings/notifications`: per type, in the app only, in the app and by e-mail, or off. */
export function NotificationPreferencesPage() {
  const preferences = usePreferences();
  const save = useSavePreferences();
  const [choices, setChoices] = useState<Choices>({});
  const saved = preferences.data?.items;
  useEffect(() => {
    if (saved) setChoices(Object.fromEntries(saved.map((p) => [p.type, p.channel])));
  }, [saved]);
  const changes = saved ? preferenceChanges(saved, choices) : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (changes) save.mutate(changes);
  }

  return (
    <>
      <PageHeader
        title="Notification preferences"
        description="Choose how Handoff tells you about each kind of news."
        actions={
          <Link
            to="/notifications"
            className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            <ArrowLeft size={16} aria-hidden /> Notifications
          </Link>
        }
      />
      {preferences.isPending ? (
        <Loading what="Loading your preferences" />
      ) : preferences.isError ? (
        <Alert>
          Your preferences could not be loaded ({errorMessage(preferences.error)}).{' '}
          <button type="button" className="underline" onClick={() => void preferences.refetch()}>
            Try again
          </button>
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Card
            title="What you hear about"
            description="“In app” shows it under the bell; “In app and e-mail” also sends you an e-mail; “Off” shows nothing."
            footer={
              <Button type="submit" busy={save.isPending} disabled={!changes}>
                Save preferences
              </Button>
            }
          >
            <div className="space-y-4">
              {save.isSuccess && !changes && (
                <Alert tone="success">Saved. Your preferences apply from now on.</Alert>
              )}
              {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
              <div className="divide-y divide-slate-100">
                {preferences.data.items.map((p) => (
                  <PreferenceRow
                    key={p.type}
                    preference={p}
                    value={choices[p.type] ?? p.channel}
                    onChange={(channel) => setChoices((c) => ({ ...c, [p.type]: channel }))}
                  />
                ))}
              </div>
              <p className="text-sm text-slate-600">
                Account e-mails — verifying your address and resetting your password — are always
                sent, whatever you choose here.
              </p>
            </div>
          </Card>
        </form>
      )}
    </>
  );
}
