import { createRequire } from 'node:module';
import autocannon from 'autocannon';

/** `autocannon <major>`, the installed version, for the results of scenarios that use it. */
export const AUTOCANNON = `autocannon ${
  (createRequire(import.meta.url)('autocannon/package.json') as { version: string }).version.split(
    '.',
  )[0]
}`;

export interface LoadOptions {
  connections: number;
  /** Seconds measured. */
  durationSec: number;
  /** Seconds of the same load before measuring (JIT, pool, caches), discarded. */
  warmupSec: number;
}

export interface LoadResult {
  method: 'GET';
  path: string;
  connections: number;
  durationSec: number;
  requests: number;
  /** Mean over the run's one-second samples, as autocannon reports it. */
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * Loads one GET endpoint for a fixed duration (never a request count, so a slow server cannot
 * make the bench run long) and summarizes it. A run with errors or non-2xx answers throws: its
 * numbers would describe the wrong thing.
 */
export async function loadEndpoint(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<LoadResult> {
  const url = `${baseUrl}${path}`;
  if (options.warmupSec > 0) {
    await autocannon({
      url,
      headers,
      connections: options.connections,
      duration: options.warmupSec,
    });
  }
  const r = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.durationSec,
  });
  if (r.errors > 0 || r.non2xx > 0) {
    throw new Error(
      `GET ${path}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx answers ` +
        `(status counts ${JSON.stringify(r.statusCodeStats)})`,
    );
  }
  return {
    method: 'GET',
    path,
    connections: r.connections,
    durationSec: r.duration,
    requests: r.requests.total,
    requestsPerSec: r.requests.average,
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      average: r.latency.average,
      max: r.latency.max,
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}
