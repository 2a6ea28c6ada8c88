import type { LoadOptions } from '../lib/load.ts';

export interface ScenarioContext {
  /** The running Handoff, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** The bench user's API token. */
  token: string;
  load: LoadOptions;
  /** The server process, for scenarios that watch its memory. */
  serverPid: number;
}

/** One load scenario of `npm run bench -- <name>`; its results go to bench/results/<date>-<name>.json. */
export interface Scenario {
  name: string;
  description: string;
  /** What sends the load, as the results file's `load.tool` names it (e.g. `autocannon 9`). */
  tool: string;
  run(context: ScenarioContext): Promise<{ results: Record<string, unknown>; summary: string[] }>;
}
