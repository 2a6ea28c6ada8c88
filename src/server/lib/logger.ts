/**
 * The server's log: one line per request (method, URL, status, time), not Fastify's two
 * ("incoming request", "request completed"), so the banner and warnings stay in view. Lines are
 * JSON for a log collector, and short readable text when a person watches a terminal.
 */
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Config } from '../env.ts';

/**
 * Secrets that travel in URLs (invitation and reset links, verification tokens) never reach the
 * logs, nor do the names of uploaded attachments (`…/attachments?name=`): a specification's file
 * names are as confidential as the specification. The upload's whole query string goes, not just
 * `name=`: a key may be repeated or percent-encoded (`n%61me=`) and still be read as `name`.
 */
export function redactUrl(url: string): string {
  return url
    .replace(
      /\/(invitations|reset-password|join|recommendation-requests|recommend)\/[^/?]+/g,
      '/$1/[redacted]',
    )
    .replace(/([?&]token=)[^&]+/g, '$1[redacted]')
    .replace(/(\/attachments)\?[^#]*/, '$1?[redacted]');
}

interface LogEntry {
  level?: number;
  time?: number;
  msg?: string;
  method?: string;
  url?: string;
  status?: number;
  ms?: number;
  err?: { stack?: string; message?: string };
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/**
 * One pino JSON line as a person reads it: `14:03:07 GET /jobs 200 3.1 ms` for a request, else
 * `14:03:07 WARN message` with an error's stack below it. Colours only when asked for.
 */
export function prettyLine(json: string, colour = false): string {
  let entry: LogEntry;
  try {
    entry = JSON.parse(json) as LogEntry;
  } catch {
    return json.trimEnd();
  }
  const paint = (code: number, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = entry.level ?? 30;
  if (entry.method && entry.url && entry.status !== undefined) {
    const status = entry.status;
    const statusColour = status >= 500 ? 31 : status >= 400 ? 33 : status >= 300 ? 36 : 32;
    return `${paint(2, time)} ${entry.method} ${entry.url} ${paint(statusColour, String(status))} ${entry.ms ?? '?'} ms`;
  }
  const label = LEVELS[level] ?? String(level);
  const labelColour = level >= 50 ? 31 : level >= 40 ? 33 : 2;
  const stack = entry.err?.stack ? `\n${entry.err.stack}` : '';
  return `${paint(2, time)} ${paint(labelColour, label)} ${entry.msg ?? ''}${stack}`;
}

/** Fastify's logger settings: `false` in tests, JSON unless stdout is a terminal. */
export function loggerOptions(
  config: Pick<Config, 'logLevel'>,
  enabled = true,
): FastifyServerOptions['logger'] {
  if (!enabled) return false;
  const colour = !process.env.NO_COLOR;
  return {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      req: (req: { method: string; url: string; hostname?: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.hostname,
        remoteAddress: req.ip,
      }),
    },
    ...(process.stdout.isTTY
      ? { stream: { write: (line: string) => console.log(prettyLine(line, colour)) } }
      : {}),
  };
}

/**
 * Fastify's per-request log lines, one per request: written when its response is sent, with the
 * status and time (and the error at `error` level when the response failed). At `debug`, a
 * request is also logged when it arrives, to see slow ones still running; a 404's own line is
 * dropped, since the request line says 404 already.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, url: redactUrl(request.url) }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const url = redactUrl(request.url);
    const line = {
      method: request.method,
      url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    const msg = `${request.method} ${url} ${reply.statusCode}`;
    if (error) reply.log.error({ ...line, err: error }, msg);
    else reply.log.info(line, msg);
  }

  override routeNotFound(): void {}
}
