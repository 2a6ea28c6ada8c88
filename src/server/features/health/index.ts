import type { Feature } from '../../lib/feature.ts';
import { VERSION } from '../../version.ts';
import { healthRoutes } from './routes.ts';

/** Liveness, readiness and the deployment's facts the web app needs (`/api/v1/meta`). */
export const health: Feature = {
  name: 'health',
  register(app, { pool, config, mailer }) {
    healthRoutes(app, {
      pool,
      meta: {
        mode: config.mode,
        version: VERSION,
        smtpConfigured: mailer.smtpConfigured,
        maxUploadBytes: config.maxUploadBytes,
      },
    });
  },
};
