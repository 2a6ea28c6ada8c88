import type { Feature } from '../../lib/feature.ts';
import { createCatalogService } from './catalog.ts';
import { catalogRoutes } from './routes.ts';

/** Work categories with market rates and exchange rates: read by audit and jobs, kept by an admin. */
export const catalog: Feature = {
  name: 'catalog',
  register(app, { db, clock }) {
    catalogRoutes(app, createCatalogService({ db, clock }));
  },
};
