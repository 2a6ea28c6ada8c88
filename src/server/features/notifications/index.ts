/**
 * The notifications feature: its routes and, per instance, the live hub (started with the
 * app, its streams ended before the server closes, its connection closed with the app).
 */
import type { Feature } from '../../lib/feature.ts';
import { createLiveHub } from './live.ts';
import { notificationRoutes } from './routes.ts';
import { createNotificationService } from './service.ts';

export { createNotifier, type Notify, type Recipient } from './notify.ts';

export const notifications: Feature = {
  name: 'notifications',
  async register(app, { db, pool, clock }) {
    // The pool's own settings (URL, session options), for a connection of its own.
    const live = createLiveHub({ db, connection: pool.options, log: app.log });
    await live.start();
    // Open event streams would keep app.close() waiting for in-flight requests forever.
    app.addHook('preClose', (done) => {
      live.endStreams();
      done();
    });
    app.addHook('onClose', async () => live.stop());
    notificationRoutes(app, { notifications: createNotificationService({ db, clock }), live });
  },
};
