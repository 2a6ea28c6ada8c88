import { AUTOCANNON, loadEndpoint, type LoadResult } from '../lib/load.ts';
import type { Scenario } from './scenario.ts';

/**
 * The floor every later scenario is read against: `/healthz` (HTTP stack only) and an
 * authenticated `/api/v1/me` (token lookup, then the person, memberships and profile). Their
 * ratio is the cost of authentication plus four small queries, independent of the machine.
 */
export const foundation: Scenario = {
  name: 'foundation',
  description: 'GET /healthz vs authenticated GET /api/v1/me (Bearer token)',
  tool: AUTOCANNON,
  async run({ baseUrl, token, load }) {
    const healthz = await loadEndpoint(baseUrl, '/healthz', {}, load);
    const me = await loadEndpoint(
      baseUrl,
      '/api/v1/me',
      { authorization: `Bearer ${token}` },
      load,
    );
    const ratio = Number((me.requestsPerSec / healthz.requestsPerSec).toFixed(3));
    return {
      results: { healthz, me, ratio: { meOverHealthz: ratio } },
      summary: [
        line('GET /healthz', healthz),
        line('GET /api/v1/me', me),
        `  me/healthz  ${ratio}`,
      ],
    };
  },
};

function line(label: string, r: LoadResult): string {
  const rps = Math.round(r.requestsPerSec).toLocaleString('en-US');
  return `  ${label.padEnd(16)} ${rps.padStart(8)} req/s   p50 ${r.latencyMs.p50} ms   p99 ${r.latencyMs.p99} ms`;
}
