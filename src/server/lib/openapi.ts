/**
 * Finishing touches to the generated OpenAPI document, applied to every operation in one place
 * so that route files need not repeat them: a stable `operationId`, `security: []` on what
 * anyone may call, the raw-body uploads, the problems any request can meet, and `servers`.
 */
import type { OpenAPIV3_1 } from 'openapi-types';

type Document = OpenAPIV3_1.Document;
type Operation = OpenAPIV3_1.OperationObject;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Operations anyone may call without signing in (their routes never require a caller). */
const ANONYMOUS = new Set([
  'get /healthz',
  'get /readyz',
  'get /api/v1/meta',
  'get /api/v1/skills',
  'get /api/v1/categories',
  'get /api/v1/jobs',
  'get /api/v1/jobs/{jobId}',
  'get /api/v1/jobs/{jobId}/attachments/{attachmentId}',
  'get /api/v1/invitations/{token}',
]);

/** The uploads that take a raw body rather than JSON, by the content types they accept. */
function rawBody(method: string, path: string): string[] | null {
  if (method !== 'post') return null;
  if (/\/jobs\/\{jobId\}\/attachments$/.test(path)) return ['application/octet-stream'];
  if (/\/audits\/\{auditId\}\/imports$/.test(path)) return ['text/csv', 'application/vnd.ms-excel'];
  // Talent: profiles — the photo and portfolio files.
  if (/\/me\/profile\/(photo|portfolio\/\{itemId\}\/files)$/.test(path))
    return ['application/octet-stream'];
  return null;
}

/**
 * What any request can be answered with, whatever the route: a bad or expired token (401), a
 * read-only token or a cross-site cookie (403), a body too large or of a type the route does not
 * take (413, 415), an address or headers past the server's limits (414, 431), the rate limit
 * (429), a failure (500), and a server shutting down (503).
 */
const ANY_REQUEST: Record<string, string> = {
  400: 'Invalid request',
  401: 'Not signed in, or the API token is unknown, revoked or expired',
  403: 'Not allowed',
  413: 'Request body too large',
  414: 'Address too long',
  415: 'Unsupported content type',
  429: 'Too many requests; see Retry-After',
  431: 'Request headers too large',
  500: 'Internal server error',
  503: 'The server is shutting down',
};

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** Documented on every state-changing operation: lib/idempotency.ts honours it on all of them. */
const IDEMPOTENCY_KEY: OpenAPIV3_1.ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any unique string (a UUID) chosen by the client for this request, at most 255 visible ASCII characters. Sent again with the same method, path and body within 24 hours, the request does not run again: the first answer (status and body) is replayed with `Idempotent-Replayed: true`. The same key with a different request is refused with 422; while the first request still runs, 409 with Retry-After. Keys belong to the caller; 5xx answers are not kept.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/** `get /api/v1/businesses/{businessId}/members` → `getBusinessesByBusinessIdMembers`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '/')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      const word = param ? `by-${param[1]}` : segment;
      return word
        .split(/[^a-zA-Z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join('');
    });
  return method.toLowerCase() + words.join('');
}

const problem = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export function finishOpenApi(doc: Document, baseUrl: string): Document {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method] as Operation | undefined;
      if (!operation) continue;
      const id = operation.operationId ?? operationIdFor(method, path);
      const clash = seen.get(id);
      if (clash) throw new Error(`operationId ${id} of ${method} ${path} is also ${clash}'s`);
      seen.set(id, `${method} ${path}`);
      operation.operationId = id;
      if (ANONYMOUS.has(`${method} ${path}`)) operation.security = [];
      const types = rawBody(method, path);
      if (types)
        operation.requestBody = {
          required: true,
          content: Object.fromEntries(
            types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        };
      const responses = (operation.responses ??= {});
      if (UNSAFE.has(method) && path.startsWith('/api/v1/')) {
        (operation.parameters ??= []).push(IDEMPOTENCY_KEY);
        responses['409'] ??= problem(
          'Conflict; or a request with this Idempotency-Key is still running',
        );
        responses['422'] ??= problem('This Idempotency-Key was used for a different request');
      }
      const statuses = { ...ANY_REQUEST, ...(path.includes('{') ? { 404: 'Not found' } : {}) };
      for (const [status, description] of Object.entries(statuses))
        responses[status] ??= problem(description);
    }
  }
  doc.servers = [{ url: baseUrl }];
  return doc;
}
