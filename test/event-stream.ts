/**
 * A minimal server-sent events client over node:http, for tests that read a real stream from a
 * listening Handoff (inject cannot: the response never ends).
 */
import http from 'node:http';

export interface ServerEvent {
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /**
   * The next event named `event` that `accept` takes (earlier events of other names, or that it
   * refuses, are skipped): a stream carries every event of its person, some from earlier tests.
   */
  next(event: string, accept?: (e: ServerEvent) => boolean): Promise<ServerEvent>;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

/** Guards a test against hanging if an event never comes; not a measure of anything. */
const GIVE_UP_MS = 15_000;

/** `who`: an API token, or the headers a browser sends (its session cookie). */
export function openEventStream(
  url: string,
  who?: string | Record<string, string>,
): Promise<EventStream> {
  const auth = typeof who === 'string' ? { authorization: `Bearer ${who}` } : (who ?? {});
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      {
        headers: { accept: 'text/event-stream', ...auth },
      },
      (response) => {
        const queue: ServerEvent[] = [];
        const waiters: (() => void)[] = [];
        let buffer = '';
        let endedResolve: () => void = () => {};
        const ended = new Promise<void>((r) => (endedResolve = r));
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            // Comments (heartbeats) and bare `retry:` blocks carry no data.
            if (data.length > 0) queue.push({ event, data: data.join('\n') });
          }
          for (const wake of waiters.splice(0)) wake();
        });
        response.on('end', endedResolve);
        response.on('close', endedResolve);

        async function next(
          event: string,
          accept: (e: ServerEvent) => boolean = () => true,
        ): Promise<ServerEvent> {
          const deadline = Date.now() + GIVE_UP_MS;
          for (;;) {
            const i = queue.findIndex((e) => e.event === event && accept(e));
            if (i >= 0) return queue.splice(0, i + 1).at(-1) as ServerEvent;
            if (Date.now() > deadline) throw new Error(`No "${event}" event arrived`);
            await new Promise<void>((wake) => {
              waiters.push(wake);
              setTimeout(wake, 500);
            });
          }
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          next,
          ended,
          close: () => request.destroy(),
        });
      },
    );
    request.on('error', reject);
  });
}

/** Takes only a `contract` event about this contract (a person's stream carries all of theirs). */
export const forContract =
  (contractId: string) =>
  (e: ServerEvent): boolean =>
    (JSON.parse(e.data) as { contractId?: string }).contractId === contractId;
