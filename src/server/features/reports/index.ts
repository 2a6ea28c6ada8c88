import type { Feature } from '../../lib/feature.ts';
import { createReportReminders, reportReminderTasks } from './reminders.ts';
import { createReportService } from './reports.ts';
import { reportRoutes } from './routes.ts';

export { reportReminderTasks };

/** Contract workspace — progress reports at the business's cadence, with reminders. */
export const reports: Feature = {
  name: 'reports',
  register(app, { db, clock, notify, queue }) {
    const reminders = createReportReminders({
      queue,
      clock,
      tasks: reportReminderTasks({ db, clock, notify, queue }),
    });
    reportRoutes(app, createReportService({ db, clock, notify, reminders }));
  },
};
