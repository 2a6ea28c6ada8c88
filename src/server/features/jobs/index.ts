import { notifySpecReaders } from '../ndas/spec-updated.ts';
import type { Feature } from '../../lib/feature.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { createAttachmentService } from './attachments.ts';
import { createBoardService } from './board.ts';
import { boardRoutes } from './board-routes.ts';
import { listPublicJobPages } from './board-queries.ts';
import { createJobInvitationService } from './invitations.ts';
import { createJobService } from './jobs.ts';
import { createLifecycleService } from './lifecycle.ts';
import { jobsRoutes } from './routes.ts';
import { createTemplateService } from './templates.ts';
import { createVersionService } from './versions.ts';

/** Jobs: the business side (briefs, specs, lifecycle, versions, invitations), the board, attachments. */
export const jobs: Feature = {
  name: 'jobs',
  register(app, { db, clock, config, notify, mailer }) {
    jobsRoutes(app, {
      // Hiring — NDAs: shortlisted readers hear of each new version of the specification.
      jobs: createJobService({ db, clock, config, onSpecVersion: notifySpecReaders(notify) }),
      lifecycle: createLifecycleService({ db, clock, mode: config.mode }),
      versions: createVersionService({ db }),
      invitations: createJobInvitationService({
        db,
        clock,
        notify,
        mailer,
        baseUrl: config.baseUrl,
      }),
      templates: createTemplateService({ db, clock }),
    });
    boardRoutes(app, { board: createBoardService({ db, clock, mode: config.mode }) });
    attachmentRoutes(app, {
      attachments: createAttachmentService({ db, clock, config }),
      maxUploadBytes: config.maxUploadBytes,
    });
  },
  // Each public job page; a workspace has no public pages.
  sitemap:
    ({ db, config }) =>
    async (limit) =>
      config.mode === 'workspace'
        ? []
        : (await listPublicJobPages(db, limit)).map((job) => ({
            path: `/jobs/${job.id}`,
            lastModified: job.updatedAt,
          })),
};
