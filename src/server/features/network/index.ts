import type { Feature } from '../../lib/feature.ts';
import { createConnectionService } from './connections.ts';
import { listingRoutes } from './listing-routes.ts';
import { createListingService } from './listings.ts';
import { createRecommendationRequestService } from './recommendation-requests.ts';
import { createRecommendationService } from './recommendations.ts';
import { networkRoutes } from './routes.ts';

/** Talent — network: business listings, trusted colleagues, recommendations and their requests. */
export const network: Feature = {
  name: 'network',
  register(app, { db, clock, config, notify }) {
    listingRoutes(app, {
      listings: createListingService({ db, clock, notify, mode: config.mode }),
    });
    networkRoutes(app, {
      connections: createConnectionService({ db, clock, notify }),
      recommendations: createRecommendationService({ db, clock }),
      requests: createRecommendationRequestService({ db, clock, notify }),
    });
  },
};
