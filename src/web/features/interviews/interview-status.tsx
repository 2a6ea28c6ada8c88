import type { InterviewStatus } from '../../../core/hiring.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';

const LABELS: Record<InterviewStatus, { label: string; tone: BadgeTone }> = {
  proposed: { label: 'Times proposed', tone: 'warning' },
  other_times_requested: { label: 'Other times asked', tone: 'warning' },
  scheduled: { label: 'Booked', tone: 'success' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
  completed: { label: 'Done', tone: 'neutral' },
};

export function InterviewStatusBadge({ status }: { status: InterviewStatus }) {
  const { label, tone } = LABELS[status];
  return (
    <Badge tone={tone} srLabel="Status">
      {label}
    </Badge>
  );
}
