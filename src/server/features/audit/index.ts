import type { Feature } from '../../lib/feature.ts';
import { createAuditService } from './audits.ts';
import { createEntryService } from './entries.ts';
import { createExportService } from './exports.ts';
import { createImportService } from './import.ts';
import { auditRoutes } from './routes.ts';
import { createSummaryService } from './summary.ts';
import { createTaskService } from './tasks.ts';
import { createTimerService } from './timer.ts';

/** The operations audit: time entries, tasks, the timer, imports, the summary and exports. */
export const audit: Feature = {
  name: 'audit',
  register(app, { db, clock }) {
    auditRoutes(app, {
      audits: createAuditService({ db, clock }),
      entries: createEntryService({ db, clock }),
      tasks: createTaskService({ db }),
      timer: createTimerService({ db, clock }),
      summary: createSummaryService({ db, clock }),
      importTimeLog: createImportService({ db, clock }),
      exports: createExportService({ db, clock }),
    });
  },
};
