import type { Feature } from '../../lib/feature.ts';
import { createInterviewService } from './interviews.ts';
import { interviewRoutes } from './routes.ts';

/** Hiring — interviews: proposed times, booking across time zones, calendar invitations, scores. */
export const interviews: Feature = {
  name: 'interviews',
  register(app, { db, clock, mailer, notify, config }) {
    interviewRoutes(
      app,
      createInterviewService({
        db,
        clock,
        mailer,
        notify,
        baseUrl: config.baseUrl,
        mailFrom: config.mailFrom,
      }),
    );
  },
};
