import type { Feature } from '../../lib/feature.ts';
import { createMessageAttachmentService } from './attachments.ts';
import { createMessageService } from './messages.ts';
import { messageRoutes } from './routes.ts';

/** Work — a contract's messages, with attachments and unread counts (issue 12, item 5). */
export const messages: Feature = {
  name: 'messages',
  register(app, { db, clock, config, notify }) {
    messageRoutes(app, {
      messages: createMessageService({ db, clock, notify }),
      attachments: createMessageAttachmentService({ db, clock, config }),
      maxUploadBytes: config.maxUploadBytes,
    });
  },
};
