import { auditImport } from './audit-import.ts';
import { boardSearch } from './board-search.ts';
import { directory } from './directory.ts';
import { foundation } from './foundation.ts';
import { lighthouseScenario } from './lighthouse.ts';
import type { Scenario } from './scenario.ts';
import { shortlist } from './shortlist.ts';

/** Every scenario `npm run bench -- <name>` knows; later features add theirs here. */
export const scenarios: Record<string, Scenario> = {
  [foundation.name]: foundation,
  [auditImport.name]: auditImport,
  [boardSearch.name]: boardSearch,
  [lighthouseScenario.name]: lighthouseScenario,
  [directory.name]: directory,
  // Hiring — shortlist
  [shortlist.name]: shortlist,
};
