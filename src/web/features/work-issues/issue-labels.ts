/** The words the web app uses for issue statuses and priorities. */
import type { WorkIssuePriority, WorkIssueStatus } from '../../../core/work.ts';
import type { BadgeTone } from '../../ui/badge.tsx';

export const STATUS_LABEL: Record<WorkIssueStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  wont_do: 'Won’t do',
};

export const PRIORITY_LABEL: Record<WorkIssuePriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export const PRIORITY_TONE: Record<WorkIssuePriority, BadgeTone> = {
  low: 'neutral',
  medium: 'outline',
  high: 'warning',
  urgent: 'danger',
};
