/**
 * With HANDOFF_STARTUP_TIMING=1, each phase of a start is printed to stderr as it ends, timed
 * from the moment the process started: where a slow start spends its time (`npm run
 * bench:restart` records these). Silent otherwise.
 */
const enabled = process.env.HANDOFF_STARTUP_TIMING === '1';

/** Marks the end of a start-up phase. */
export function startupPhase(phase: string): void {
  if (enabled) console.error(`start-up: ${phase} at ${Math.round(performance.now())} ms`);
}
