import type { Feature } from '../../lib/feature.ts';
import { createBidAttachmentService } from './bid-attachments.ts';
import { createBidService } from './bids.ts';
import { createQuestionService } from './questions.ts';
import { bidRoutes } from './routes.ts';
import { createSavedJobService } from './saved-jobs.ts';

/** Bids (a professional's side of hiring), clarification questions, saved jobs. */
export const bids: Feature = {
  name: 'bids',
  register(app, { db, clock, config, notify }) {
    const mode = config.mode;
    bidRoutes(app, {
      bids: createBidService({ db, clock, mode, notify }),
      attachments: createBidAttachmentService({ db, clock, config }),
      questions: createQuestionService({ db, clock, mode, notify }),
      saved: createSavedJobService({ db, clock, mode }),
      maxUploadBytes: config.maxUploadBytes,
    });
  },
};
