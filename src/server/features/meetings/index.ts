import type { Feature } from '../../lib/feature.ts';
import { createCalendarFeedService } from './feeds.ts';
import { createMeetingService } from './meetings.ts';
import { createMeetingReminders, meetingReminderTask } from './reminders.ts';
import { meetingRoutes } from './routes.ts';

export { meetingReminderTask };

/** Contract workspace — meetings: booking, invitations, minutes to issues, calendar feeds. */
export const meetings: Feature = {
  name: 'meetings',
  register(app, { db, clock, mailer, notify, queue, config }) {
    const reminders = createMeetingReminders({
      queue,
      clock,
      task: meetingReminderTask({ db, clock, notify }),
    });
    meetingRoutes(app, {
      meetings: createMeetingService({
        db,
        clock,
        mailer,
        reminders,
        baseUrl: config.baseUrl,
        mailFrom: config.mailFrom,
      }),
      feeds: createCalendarFeedService({
        db,
        clock,
        baseUrl: config.baseUrl,
        mailFrom: config.mailFrom,
      }),
    });
  },
};
