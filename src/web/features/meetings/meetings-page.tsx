import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { Contract } from '../../../core/contracts/offers.ts';
import { errorMessage } from '../../api.ts';
import { browserTimeZone } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import { MeetingForm } from './book-meeting.tsx';
import { CalendarFeedCard } from './calendar-feed.tsx';
import { MeetingCard } from './meeting-card.tsx';
import { useMeetings } from './meeting-queries.ts';

/** `/app/contracts/$contractId/meetings`: the contract's meetings, booking, minutes, the feed. */
export function MeetingsPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/meetings' });
  return (
    <ContractFrame contractId={contractId} tab="meetings">
      {(contract) => <Meetings contract={contract} />}
    </ContractFrame>
  );
}

function Meetings({ contract }: { contract: Contract }) {
  const me = useMe();
  const meetings = useMeetings(contract.id);
  const [booking, setBooking] = useState(false);
  if (me.isPending || meetings.isPending) return <Loading what="Loading the meetings" />;
  if (meetings.isError) return <Alert>{errorMessage(meetings.error)}</Alert>;
  const myId = me.data?.user.id ?? '';
  const timeZone = me.data?.user.timeZone ?? browserTimeZone();
  const abilities = contract.viewer.abilities;
  const running = contract.status === 'active' || contract.status === 'paused';
  const canManage = abilities.includes('meetings.manage');
  const canBook = canManage && running;
  const now = Date.now();
  const items = meetings.data.items;
  const upcoming = items.filter((m) => m.status === 'scheduled' && Date.parse(m.endsAt) > now);
  const past = items.filter((m) => !upcoming.includes(m)).reverse();
  const card = (m: (typeof items)[number]) => (
    <li key={m.id}>
      <MeetingCard
        contractId={contract.id}
        meeting={m}
        myId={myId}
        timeZone={timeZone}
        canManage={canManage}
        canMakeIssues={abilities.includes('issues.write')}
      />
    </li>
  );
  return (
    <div className="space-y-8">
      {booking ? (
        <MeetingForm
          contractId={contract.id}
          myId={myId}
          timeZone={timeZone}
          onDone={() => setBooking(false)}
        />
      ) : (
        canBook && <Button onClick={() => setBooking(true)}>Book a meeting</Button>
      )}
      <section aria-labelledby="upcoming-heading" className="space-y-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold text-slate-900">
          Upcoming
        </h2>
        {upcoming.length === 0 ? (
          <EmptyState title="No meetings coming up">
            {canBook
              ? 'Book one: everyone you invite gets a calendar invitation by e-mail.'
              : 'When someone books a meeting on this contract, it shows here.'}
          </EmptyState>
        ) : (
          <ul className="space-y-3">{upcoming.map(card)}</ul>
        )}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-lg font-semibold text-slate-900">
            Past and cancelled
          </h2>
          <ul className="space-y-3">{past.map(card)}</ul>
        </section>
      )}
      <CalendarFeedCard timeZone={timeZone} />
    </div>
  );
}
