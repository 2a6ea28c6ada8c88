import type { Feature } from '../../lib/feature.ts';
import { rewriteSimpleSearchDocuments } from '../profiles/derive.ts';
import { createDirectoryService } from './directory.ts';
import { directoryRoutes } from './routes.ts';

/** Talent — the directory: professionals and business listings, searched in the viewer's terms. */
export const directory: Feature = {
  name: 'directory',
  register(app, { db, clock, config }) {
    directoryRoutes(app, {
      directory: createDirectoryService({
        db,
        clock,
        mode: config.mode,
        cache: config.directoryCache ?? true,
      }),
    });
    // Profiles saved before the 'english' search documents are found by stemmed words only once
    // rewritten: in the background once the server listens (not in a test's injected requests),
    // a batch at a time, and the server waits for the batch in hand when it closes.
    let closing = false;
    let rewriting: Promise<void> | undefined;
    app.addHook('onListen', async () => {
      rewriting = rewriteSimpleSearchDocuments(db, { stopped: () => closing })
        .then((count) => {
          if (count > 0) app.log.info({ count }, 'Rewrote profiles’ search documents');
        })
        .catch((error: unknown) =>
          app.log.error({ err: error }, 'Could not rewrite profiles’ search documents'),
        );
    });
    app.addHook('onClose', async () => {
      closing = true;
      await rewriting;
    });
  },
  // The directory page itself; each profile is listed by the profiles feature.
  sitemap:
    ({ config }) =>
    () =>
      Promise.resolve(config.mode === 'workspace' ? [] : [{ path: '/pros' }]),
};
