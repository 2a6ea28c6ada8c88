import type { Feature } from '../../lib/feature.ts';
import { createInterviewService } from '../interviews/interviews.ts';
import { createReportReminders, reportReminderTasks } from '../reports/reminders.ts';
import { createAwardService } from './award.ts';
import { createChangeService } from './changes.ts';
import { createContractService } from './contracts.ts';
import { createResponseService } from './respond.ts';
import { contractRoutes } from './routes.ts';

/**
 * Hiring — award, and the contract it makes: the foundation the Work issue's contract
 * workspace builds on (its policy decides who is a party).
 */
export const contracts: Feature = {
  name: 'contracts',
  register(app, { db, clock, notify, queue, mailer, config }) {
    // Contract workspace — progress reports: an accepted offer gets its first report reminder.
    const reportReminders = createReportReminders({
      queue,
      clock,
      tasks: reportReminderTasks({ db, clock, notify, queue }),
    });
    // Accepting cancels the other professionals' interviews the way the interviews feature does.
    const interviews = createInterviewService({
      db,
      clock,
      mailer,
      notify,
      baseUrl: config.baseUrl,
      mailFrom: config.mailFrom,
    });
    contractRoutes(app, {
      changes: createChangeService({ db, clock, notify }),
      award: createAwardService({ db, clock, notify }),
      responses: createResponseService({
        db,
        clock,
        notify,
        interviews,
        onActivated: (tx, contract) => reportReminders.scheduleNext(tx, contract),
      }),
      contracts: createContractService({ db }),
    });
  },
};
