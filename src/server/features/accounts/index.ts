import type { Feature } from '../../lib/feature.ts';
import { createApiTokenService } from './api-tokens.ts';
import { createBusinessService } from './businesses.ts';
import { createMeService } from './me.ts';
import { accountsRoutes } from './routes.ts';
import { createTeamService } from './team.ts';

/** People, businesses, their teams and invitations, personal API tokens. */
export const accounts: Feature = {
  name: 'accounts',
  register(app, { db, clock, notify }) {
    accountsRoutes(app, {
      me: createMeService({ db, clock }),
      businesses: createBusinessService({ db, clock }),
      team: createTeamService({ db, clock, notify }),
      apiTokens: createApiTokenService({ db, clock }),
    });
  },
};
