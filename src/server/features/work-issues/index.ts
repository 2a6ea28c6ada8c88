import type { Feature } from '../../lib/feature.ts';
import { createFileStore } from '../../lib/files.ts';
import { createDiscussionService } from './discussion.ts';
import { createWorkIssueService } from './issues.ts';
import { workIssueRoutes } from './routes.ts';

/**
 * Work — the contract's issue tracker: numbered issues (`#N`) on a board and in a list, with
 * comments and attached files. `create.ts → createWorkIssue` is also used by other parts of
 * the workspace (a meeting's action item becomes an issue).
 */
export const workIssues: Feature = {
  name: 'work-issues',
  register(app, { db, clock, config, notify }) {
    workIssueRoutes(app, {
      issues: createWorkIssueService({ db, clock, notify }),
      discussion: createDiscussionService({
        db,
        clock,
        notify,
        files: createFileStore(config.dataDir),
        maxUploadBytes: config.maxUploadBytes,
      }),
      maxUploadBytes: config.maxUploadBytes,
    });
  },
};
