import type { Feature } from '../../lib/feature.ts';
import { createJobInvitationService } from '../jobs/invitations.ts';
import { createContactService } from './contacts.ts';
import { createJoinService } from './join.ts';
import { createListService } from './lists.ts';
import { createNoteService } from './notes.ts';
import { poolRoutes } from './routes.ts';

/**
 * Talent — the pool: a business's records of professionals (people met elsewhere and invited
 * by e-mail; private notes and tags), the link that brings them into the private pool, saved
 * lists. The claim of e-mail invitations on verification is wired in `app.ts` (`join.ts`).
 */
export const pool: Feature = {
  name: 'pool',
  register(app, { db, clock, config, mailer, notify }) {
    const baseUrl = config.baseUrl;
    poolRoutes(app, {
      contacts: createContactService({ db, clock, mailer, baseUrl }),
      join: createJoinService({ db, clock }),
      notes: createNoteService({
        db,
        clock,
        jobInvitations: createJobInvitationService({ db, clock, notify, mailer, baseUrl }),
      }),
      lists: createListService({ db, clock }),
    });
  },
};
