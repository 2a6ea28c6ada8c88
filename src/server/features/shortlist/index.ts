import type { Feature } from '../../lib/feature.ts';
import { createShortlistActions } from './actions.ts';
import { shortlistRoutes } from './routes.ts';
import { createShortlistService } from './shortlist.ts';
import { createDeclineTemplateService } from './templates.ts';

/**
 * Hiring — shortlist: a job's bids for its business, scored by the owner's weights with the
 * reasons (`core/shortlist-score.ts`), shortlisted up to a cap, declined with a message, hidden;
 * compared side by side; decline templates. `on-shortlisted.ts` is what shortlisting sets off.
 */
export const shortlist: Feature = {
  name: 'shortlist',
  register(app, { db, clock, notify }) {
    shortlistRoutes(app, {
      shortlist: createShortlistService({ db, clock }),
      actions: createShortlistActions({ db, clock, notify }),
      templates: createDeclineTemplateService({ db, clock }),
    });
  },
};
