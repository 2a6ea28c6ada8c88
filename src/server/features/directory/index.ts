import type { Feature } from '../../lib/feature.ts';
import { createDirectoryService } from './directory.ts';
import { directoryRoutes } from './routes.ts';

/** Talent — the directory: professionals and business listings, searched in the viewer's terms. */
export const directory: Feature = {
  name: 'directory',
  register(app, { db, clock, config }) {
    directoryRoutes(app, { directory: createDirectoryService({ db, clock, mode: config.mode }) });
  },
  // The directory page itself; each profile is listed by the profiles feature.
  sitemap:
    ({ config }) =>
    () =>
      Promise.resolve(config.mode === 'workspace' ? [] : [{ path: '/pros' }]),
};
