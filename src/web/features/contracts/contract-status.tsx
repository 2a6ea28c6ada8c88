import type { ContractStatus } from '../../../core/hiring.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';

const LABELS: Record<ContractStatus, { label: string; tone: BadgeTone }> = {
  offered: { label: 'Offer waiting', tone: 'warning' },
  declined: { label: 'Declined', tone: 'muted' },
  withdrawn: { label: 'Withdrawn', tone: 'muted' },
  active: { label: 'Active', tone: 'success' },
  paused: { label: 'Paused', tone: 'neutral' },
  completed: { label: 'Completed', tone: 'neutral' },
  cancelled: { label: 'Cancelled', tone: 'danger' },
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const { label, tone } = LABELS[status];
  return (
    <Badge tone={tone} srLabel="Status">
      {label}
    </Badge>
  );
}
