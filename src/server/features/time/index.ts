import type { Feature } from '../../lib/feature.ts';
import { autoApproveTask, createTimeReminders, weekEndedTask } from './reminders.ts';
import { createReviewService } from './review.ts';
import { timeRoutes } from './routes.ts';
import { createTrackingService } from './tracking.ts';

export { autoApproveTask, weekEndedTask };

/** Work — time on hourly contracts (issue 12, item 2): timer, entries, timesheet, review, CSV. */
export const time: Feature = {
  name: 'time',
  register(app, { db, clock, notify, queue }) {
    const reminders = createTimeReminders({
      queue,
      clock,
      tasks: {
        weekEnded: weekEndedTask({ db, clock, notify }),
        autoApprove: autoApproveTask({ db, clock, notify }),
      },
    });
    timeRoutes(app, {
      tracking: createTrackingService({ db, clock, reminders }),
      review: createReviewService({ db, clock, notify }),
    });
  },
};
