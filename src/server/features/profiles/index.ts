import type { Feature } from '../../lib/feature.ts';
import { createFileStore } from '../../lib/files.ts';
import { createProfileFileService } from './profile-files.ts';
import { createProfileService } from './profiles.ts';
import { createPublicProfileService, publicProfileSitemap } from './public-profile.ts';
import { profileRoutes } from './routes.ts';

export { publicProfileHead, publicProfileSitemap } from './public-profile.ts';
export { refreshProfileOf } from './profiles.ts';

/** Professionals' profiles: the owner's editor API, files, the public page, moderation. */
export const profiles: Feature = {
  name: 'profiles',
  register(app, { db, clock, config }) {
    const files = createFileStore(config.dataDir);
    profileRoutes(app, {
      profiles: createProfileService({ db, clock, config, files }),
      files: createProfileFileService({ db, clock, config, files }),
      publicProfiles: createPublicProfileService({ db, config }),
    });
  },
  // Every public profile page (none in a workspace).
  sitemap:
    ({ db, config }) =>
    async (limit) =>
      (await publicProfileSitemap(db, config, limit)).map((entry) => ({
        path: entry.path,
        lastModified: entry.updatedAt,
      })),
};
