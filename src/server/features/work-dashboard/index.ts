import type { Feature } from '../../lib/feature.ts';
import { createDashboardService } from './dashboard.ts';
import { dashboardRoutes } from './routes.ts';

/** Contract workspace — the owner's dashboard of running contracts, and the professional's mirror. */
export const workDashboard: Feature = {
  name: 'work-dashboard',
  register(app, { db, clock }) {
    dashboardRoutes(app, createDashboardService({ db, clock }));
  },
};
