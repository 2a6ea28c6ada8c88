/** How a bid's status and money read, shared by the bids pages (zod-free for the job page). */
import type { BidStatus } from '../../../core/hiring.ts';
import { formatMoney, type Money } from '../../../core/money.ts';
import type { BadgeTone } from '../../ui/badge.tsx';

export function bidStatusLabel(status: BidStatus): { label: string; tone: BadgeTone } {
  switch (status) {
    case 'submitted':
      return { label: 'Submitted', tone: 'neutral' };
    case 'shortlisted':
      return { label: 'Shortlisted', tone: 'success' };
    case 'declined':
      return { label: 'Declined', tone: 'muted' };
    case 'withdrawn':
      return { label: 'Withdrawn', tone: 'muted' };
    case 'awarded':
      return { label: 'Awarded', tone: 'success' };
    case 'not_selected':
      return { label: 'Not selected', tone: 'muted' };
    default:
      return status satisfies never;
  }
}

export const money = (m: Money) => formatMoney(m);
