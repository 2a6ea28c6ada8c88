import type { Feature } from '../../lib/feature.ts';
import { createInterviewService } from '../interviews/interviews.ts';
import { createAwardService } from './award.ts';
import { createContractService } from './contracts.ts';
import { createResponseService } from './respond.ts';
import { contractRoutes } from './routes.ts';

/**
 * Hiring — award, and the contract it makes: the foundation the Work issue's contract
 * workspace builds on (its policy decides who is a party).
 */
export const contracts: Feature = {
  name: 'contracts',
  register(app, { db, clock, notify, mailer, config }) {
    // Accepting cancels the other professionals' interviews the way the interviews feature does.
    const interviews = createInterviewService({
      db,
      clock,
      mailer,
      notify,
      baseUrl: config.baseUrl,
      mailFrom: config.mailFrom,
    });
    contractRoutes(app, {
      award: createAwardService({ db, clock, notify }),
      responses: createResponseService({ db, clock, notify, interviews }),
      contracts: createContractService({ db }),
    });
  },
};
