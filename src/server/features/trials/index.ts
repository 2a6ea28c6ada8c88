import type { Feature } from '../../lib/feature.ts';
import { createFileStore } from '../../lib/files.ts';
import { createParticipationService } from './participation.ts';
import { createTrialReminders, trialReminderTask } from './reminders.ts';
import { trialRoutes } from './routes.ts';
import { createTrialService } from './trials.ts';

export { trialReminderTask };

/** Hiring — trials (proofs of concept): the business's trials of a job, a professional's own part. */
export const trials: Feature = {
  name: 'trials',
  register(app, { db, clock, config, notify, queue }) {
    const files = createFileStore(config.dataDir);
    const reminders = createTrialReminders({
      queue,
      clock,
      task: trialReminderTask({ db, clock, notify }),
    });
    trialRoutes(app, {
      trials: createTrialService({ db, clock, notify, files, reminders }),
      participation: createParticipationService({
        db,
        clock,
        notify,
        files,
        maxUploadBytes: config.maxUploadBytes,
      }),
      maxUploadBytes: config.maxUploadBytes,
    });
  },
};
