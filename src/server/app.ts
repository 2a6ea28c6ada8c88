import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import type pg from 'pg';
import { createBackground, type Background } from './background.ts';
import type { Db } from './db/client.ts';
import type { Config } from './env.ts';
import { accounts } from './features/accounts/index.ts';
import { admin } from './features/admin/index.ts';
import { audit } from './features/audit/index.ts';
import { bids } from './features/bids/index.ts';
import { catalog } from './features/catalog/index.ts';
import { listCategories } from './features/catalog/catalog.ts';
import { directory } from './features/directory/index.ts';
import { health } from './features/health/index.ts';
import { createBoardService } from './features/jobs/board.ts';
import { jobs } from './features/jobs/index.ts';
import { createJobPages } from './features/jobs/share-page.ts';
import { ndas } from './features/ndas/index.ts';
import { network } from './features/network/index.ts';
import { interviews } from './features/interviews/index.ts';
import { contracts } from './features/contracts/index.ts';
// Contract workspace — progress reports and the owner's dashboard (issue 12)
import { reports } from './features/reports/index.ts';
import { workDashboard } from './features/work-dashboard/index.ts';
// Work — messages and files (issue 12, item 5)
import { contractFiles } from './features/contract-files/index.ts';
import { messages } from './features/messages/index.ts';
// Contract workspace — meetings (issue 12)
import { meetings } from './features/meetings/index.ts';
import { createNotifier, notifications } from './features/notifications/index.ts';
import { profiles, publicProfileHead } from './features/profiles/index.ts';
import { pool } from './features/pool/index.ts';
import { trials } from './features/trials/index.ts';
import { workIssues } from './features/work-issues/index.ts';
import { createJoinService } from './features/pool/join.ts';
import { refreshProfileOf } from './features/profiles/profiles.ts';
import { shortlist } from './features/shortlist/index.ts';
// Work — time (issue 12)
import { time } from './features/time/index.ts';
import { registerApiReference } from './lib/api-reference.ts';
import { authRoutes } from './lib/auth-routes.ts';
import { createAuth, trustedOrigins } from './lib/auth.ts';
import { declareAccess } from './lib/access.ts';
import { registerAuthentication } from './lib/authenticate.ts';
import type { Clock } from './lib/clock.ts';
import {
  clientErrorHandler,
  errorHandler,
  frameworkErrorHandler,
  notFoundHandler,
} from './lib/errors.ts';
import { registerIdempotency } from './lib/idempotency.ts';
import { newId } from './lib/ids.ts';
import type { Feature } from './lib/feature.ts';
import { loggerOptions, OneLinePerRequest } from './lib/logger.ts';
import { finishOpenApi } from './lib/openapi.ts';
import { registerRateLimit } from './lib/rate-limit.ts';
import { registerPublicPages } from './public-pages/index.ts';
import { createPageRenderer } from './public-pages/public-data.ts';
import { VERSION } from './version.ts';

export { VERSION };

/** Every feature, registered in this order; a new feature is one more entry. */
export const features: readonly Feature[] = [
  health,
  accounts,
  admin,
  catalog,
  audit,
  jobs,
  notifications,
  // Talent: profiles
  profiles,
  // Talent — directory
  directory,
  // Talent — network
  network,
  pool,
  // Hiring — trials
  trials,
  // Hiring — shortlist
  shortlist,
  // Hiring — interviews and award
  interviews,
  contracts,
  // Work — messages and files (issue 12, item 5)
  messages,
  contractFiles,
  // Hiring — NDAs and the specification for shortlisted professionals
  ndas,
  // Hiring — bids (issue 11)
  bids,
  // Contract workspace — progress reports and the owner's dashboard (issue 12)
  reports,
  workDashboard,
  // Work — the contract's issues (issue 12, item 4)
  workIssues,
  // Contract workspace — meetings (issue 12)
  meetings,
  // Work — time on hourly contracts (issue 12)
  time,
];
const builtWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppDeps {
  db: Db;
  pool: pg.Pool;
  config: Config;
  clock: Clock;
  /** The queue and mailer; made here (its worker not started) when not given. */
  background?: Background;
  logger?: boolean;
  /** The built web app to serve (default dist/web); tests give a directory of their own. */
  webRoot?: string;
}

/** Builds the whole HTTP application on the given database; `main.ts` and the tests both use it. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, pool, config, clock } = deps;
  const webRoot = deps.webRoot ?? builtWebRoot;
  const app = Fastify({
    logger: loggerOptions(config, deps.logger !== false),
    logController: new OneLinePerRequest(),
    genReqId: () => newId(),
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // Errors raised before a route runs answer problem+json too (see lib/errors.ts).
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // Before any route: every route's `config.access` is recorded and its caller part enforced.
  declareAccess(app);

  const https = config.baseUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        // Over plain HTTP (localhost, a LAN address) upgrading sub-resources breaks the page.
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
  // The API reference page runs its bundled script inline; only that page may.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/docs')) return payload;
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string')
      reply.header(
        'content-security-policy',
        csp.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
      );
    // The reference's own page, titled and iconed as ours rather than the vendor's.
    if (typeof payload === 'string' && payload.includes('<title>Scalar API Reference</title>'))
      return payload.replace(
        '<title>Scalar API Reference</title>',
        () =>
          '<title>Handoff API reference</title>\n    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
      );
    return payload;
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Handoff API',
        version: VERSION,
        description:
          'Everything the Handoff web app does. Authenticate with a personal API token (`Authorization: Bearer hnd_…`, made in Settings) or the session cookie. Errors are RFC 9457 problem+json. Sign-up, sign-in and password reset live under /api/auth (better-auth).',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'handoff.session_token' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    // operationIds, anonymous operations, upload bodies, common problems, servers: lib/openapi.ts.
    transformObject: (input) =>
      finishOpenApi(jsonSchemaTransformObject(input) as OpenAPIV3_1.Document, config.baseUrl),
  });
  registerApiReference(app, '/api/docs', {
    url: '/api/openapi.json',
    // A self-hosted reference: no web fonts calling out to third parties. 1.46 is the last
    // release whose packages all run on Node 20 (later ones need Node 22), and it has no
    // AI agent or MCP client to turn off.
    withDefaultFonts: false,
    // The vendor's Deploy/Share toolbar (shown on localhost by default) is not ours to offer.
    showDeveloperTools: 'never',
    favicon: '/favicon.svg',
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const { mailer, queue } = deps.background ?? createBackground({ db, pool, config, clock });
  const notify = createNotifier({ mailer, baseUrl: config.baseUrl, clock });
  const auth = createAuth({
    db,
    mailer,
    notify,
    baseUrl: config.baseUrl,
    secret: config.authSecret,
    rateLimit: config.authRateLimit,
    logLink: (message) => app.log.warn(message),
    // Talent — pool: e-mail invitations wait for the address to be verified.
    onEmailVerified: (user) => createJoinService({ db, clock }).claimForVerifiedAccount(user),
    // Talent — profiles: the directory finds and lists people by name.
    onNameChanged: (userId) => db.transaction((tx) => refreshProfileOf(tx, userId, clock.now())),
  });
  registerAuthentication(app, {
    auth,
    db,
    clock,
    trustedOrigins: trustedOrigins(config.baseUrl),
  });
  if (config.apiRateLimit) registerRateLimit(app, { db, clock, limit: config.apiRateLimit });
  // After both: the key is the caller's, and a refused request does not take one.
  registerIdempotency(app, { db, clock });

  authRoutes(app, auth);
  for (const feature of features) {
    await feature.register(app, { db, pool, config, clock, mailer, notify, queue });
  }

  if (existsSync(path.join(webRoot, 'index.html'))) {
    const featureDeps = { db, pool, config, clock, mailer, notify, queue };
    await registerPublicPages(app, {
      config,
      webRoot,
      auth,
      jobPages: createJobPages({ db, config }),
      profileHead: (slug) => publicProfileHead(db, slug, config),
      sitemapSources: features.flatMap((f) => (f.sitemap ? [f.sitemap(featureDeps)] : [])),
      renderPage: createPageRenderer({
        board: createBoardService({ db, clock, mode: config.mode }),
        categories: () => listCategories(db),
        mode: config.mode,
        clock,
      }),
    });
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  return app;
}

export { redactUrl } from './lib/logger.ts';
