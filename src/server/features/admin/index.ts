import type { Feature } from '../../lib/feature.ts';
import { adminRoutes } from './routes.ts';

/** The instance admin's tools that belong to no other feature: the dev mailbox. */
export const admin: Feature = {
  name: 'admin',
  register(app, { db }) {
    adminRoutes(app, { db });
  },
};
