import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Db } from '../db/client.ts';
import type { Config } from '../env.ts';
import type { Clock } from './clock.ts';
import type { Notify } from '../features/notifications/notify.ts';
import type { Mailer } from './mail.ts';
import type { Queue } from './queue.ts';
import type { SitemapSource } from '../public-pages/sitemap.ts';

/** What every feature may use; each feature's `register` builds its own services from it. */
export interface FeatureDeps {
  db: Db;
  pool: pg.Pool;
  config: Config;
  clock: Clock;
  mailer: Mailer;
  /** Tells people of something, in the caller's transaction (in app, by e-mail, per their preferences). */
  notify: Notify;
  /** Background jobs (timed rules such as deadline reminders), added in the caller's transaction. */
  queue: Queue;
}

/**
 * A server feature: `features/<name>/index.ts` exports one, and `app.ts` registers each in turn.
 * Adding a feature is adding its folder and one line to that list.
 */
export interface Feature {
  name: string;
  register(app: FastifyInstance, deps: FeatureDeps): void | Promise<void>;
  /** The feature's public pages for `sitemap.xml`, if it has any (see public-pages/sitemap.ts). */
  sitemap?(deps: FeatureDeps): SitemapSource;
}
