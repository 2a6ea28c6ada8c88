import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { TextField } from '../../ui/fields.tsx';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useMe, useMeta } from '../../hooks.ts';
import type { MailMessage } from '../../../core/contracts/admin.ts';
import { useMailbox } from './admin-queries.ts';

/** Renders URLs in a message as links, so an admin can follow a verification or invitation link. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="mt-3 text-sm whitespace-pre-wrap text-slate-800">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </pre>
  );
}

/** Where a message stands, in words: queued (and why it waits), sent, failed and why, or kept. */
function deliveryState(m: MailMessage, tz: string): string {
  switch (m.status) {
    case 'stored':
      return 'kept in mailbox';
    case 'sent':
      return m.sentAt ? `sent ${formatDateTime(m.sentAt, tz)}` : 'sent';
    case 'queued':
      return m.attempts === 0
        ? 'queued'
        : `queued — attempt ${m.attempts} failed (${m.error ?? 'no reason given'})${
            m.nextAttemptAt ? `, next try ${formatDateTime(m.nextAttemptAt, tz)}` : ''
          }`;
    case 'failed':
      return `failed after ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'} — ${m.error ?? 'no reason given'}`;
    default:
      return m.status satisfies never;
  }
}

export function Mailbox() {
  const me = useMe();
  const meta = useMeta();
  const [filter, setFilter] = useState('');
  const [to, setTo] = useState('');
  const mail = useMailbox(to);
  if (!me.data?.user.isAdmin) return <Alert>Only an admin can read the mailbox.</Alert>;
  const tz = me.data.user.timeZone;
  const items = mail.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          meta.data?.smtpConfigured
            ? 'Every e-mail Handoff sends through SMTP, with its delivery state: queued ones are tried again with back-off, eight times at most.'
            : 'No SMTP server is configured, so e-mails land here instead of being sent. Set SMTP_URL to deliver them.'
        }
      />
      <form
        className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setTo(filter.trim());
        }}
      >
        <div className="flex-1">
          <TextField
            label="Recipient"
            type="email"
            placeholder="Filter by address"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <ListState
        query={mail}
        count={items.length}
        loading="Loading mail"
        empty={{
          title: to ? `No mail to ${to}` : 'No mail yet',
          body: 'Sign-ups, invitations and password resets will appear here.',
        }}
      >
        <div className="space-y-3">
          {items.map((m) => (
            <Card key={m.id}>
              <details>
                <summary className="cursor-pointer list-none">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium text-slate-900">{m.subject}</span>
                    <span className="text-xs text-slate-600">
                      {formatDateTime(m.createdAt, tz)}
                    </span>
                  </div>
                  <p className="text-sm text-slate-600">
                    to {m.to} · {deliveryState(m, tz)}
                  </p>
                </summary>
                {m.text ? (
                  <Linkified text={m.text} />
                ) : (
                  <p className="mt-3 text-sm text-slate-600">
                    {m.status === 'failed' ? 'Not delivered' : 'Delivered by SMTP'}; its text is not
                    kept here, since it may hold live links.
                  </p>
                )}
              </details>
            </Card>
          ))}
        </div>
      </ListState>
    </>
  );
}
