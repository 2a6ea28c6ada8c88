import { useState } from 'react';
import type { CalendarFeed } from '../../../core/contracts/meetings.ts';
import { errorMessage } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { Card } from '../../ui/layout.tsx';
import { useCalendarFeed, useMakeCalendarFeed } from './meeting-queries.ts';

/**
 * The person's private calendar feed: made (or remade, which revokes the old address) here.
 * Only a hash of its secret is stored, so the address can be shown only when it is made.
 */
export function CalendarFeedCard({ timeZone }: { timeZone: string }) {
  const status = useCalendarFeed();
  const make = useMakeCalendarFeed();
  const [made, setMade] = useState<CalendarFeed | null>(null);
  const existing = status.data?.createdAt ?? null;
  return (
    <Card
      title="Your calendar feed"
      description="Subscribe once and every meeting of all your contracts, and your booked interviews, show in your calendar app, kept up to date. The address is private: anyone with it can read them."
    >
      <div className="space-y-3">
        {make.isError && <Alert>{errorMessage(make.error)}</Alert>}
        {made ? (
          <>
            <Alert tone="success">
              Here is your feed. Copy it now: for your safety it is not shown again.
            </Alert>
            <CopyLine label="Subscribe (webcal)" value={made.webcalUrl} />
            <CopyLine label="Web address (https)" value={made.url} />
            <p className="text-sm">
              <a className="text-brand-700 underline" href={made.webcalUrl}>
                Open in your calendar app
              </a>
            </p>
          </>
        ) : (
          existing && (
            <p className="text-sm text-slate-700">
              You made a feed on {formatDateTime(existing, timeZone)}. Lost its address? Make a new
              one; the old one stops working.
            </p>
          )
        )}
        <Button
          variant="secondary"
          busy={make.isPending}
          onClick={() => make.mutate(undefined, { onSuccess: setMade })}
        >
          {existing || made ? 'Make a new feed address' : 'Make my calendar feed'}
        </Button>
      </div>
    </Card>
  );
}

function CopyLine({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const id = `copy-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
          onFocus={(e) => e.target.select()}
        />
        <Button
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setCopied('yes');
            } catch {
              // No clipboard access (an insecure origin, a denied permission): copy by hand.
              setCopied('no');
            }
          }}
        >
          Copy<span className="sr-only"> {label}</span>
        </Button>
      </div>
      <p role="status" className="text-xs text-slate-600">
        {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Select the address and copy it.' : ''}
      </p>
    </div>
  );
}
