import type { Feature } from '../../lib/feature.ts';
import { createContractFileService } from './contract-files.ts';
import { contractFileRoutes } from './routes.ts';

/** Work — a contract's versioned files (issue 12, item 5). */
export const contractFiles: Feature = {
  name: 'contract-files',
  register(app, { db, clock, config }) {
    contractFileRoutes(app, {
      files: createContractFileService({ db, clock, config }),
      maxUploadBytes: config.maxUploadBytes,
    });
  },
};
