import type { Feature } from '../../lib/feature.ts';
import { createFileStore } from '../../lib/files.ts';
import { createNdaService } from './ndas.ts';
import { ndaRoutes } from './routes.ts';
import { createSpecService } from './spec.ts';
import { createNdaTemplateService } from './templates.ts';

/**
 * Hiring — NDAs: a business's templates, the NDA sent to each shortlisted professional, its
 * signature and PDF, and the full specification (with its changes to acknowledge) for those it
 * admits. `send.ts → sendNda` is what shortlisting calls.
 */
export const ndas: Feature = {
  name: 'ndas',
  register(app, { db, clock, notify, config }) {
    ndaRoutes(app, {
      templates: createNdaTemplateService({ db, clock }),
      ndas: createNdaService({ db, clock, notify }),
      spec: createSpecService({ db, clock, files: createFileStore(config.dataDir) }),
    });
  },
};
