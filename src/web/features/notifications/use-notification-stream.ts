import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  parseContractChange,
  parseStreamEvent,
  reconnectDelay,
  STREAM_EVENTS,
} from './notification-format.ts';
import { applyContractChange, applyStreamEvent, notificationKeys } from './queries.ts';

export const STREAM_URL = '/api/v1/notifications/stream';

/**
 * One EventSource per signed-in tab (the app shell mounts this once), keeping the bell and any
 * open notifications page current without a reload, and any open contract page (its `contract`
 * events). `userId` undefined means nobody is signed
 * in: no stream. The stream closes when the shell unmounts (sign-out) or the person changes.
 */
export function useNotificationStream(userId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const onEvent = (message: MessageEvent<string>) => {
      const event = parseStreamEvent(message.data);
      if (event) applyStreamEvent(queryClient, event);
    };

    const connect = () => {
      source = new EventSource(STREAM_URL);
      source.addEventListener('open', () => {
        attempt = 0;
        // Whatever arrived while there was no stream (before the first connection, or during
        // a drop) was not sent to this tab: ask once for the current state.
        void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      });
      for (const name of STREAM_EVENTS) source.addEventListener(name, onEvent);
      source.addEventListener('contract', (message: MessageEvent<string>) => {
        const change = parseContractChange(message.data);
        if (change) applyContractChange(queryClient, change);
      });
      source.addEventListener('error', () => {
        // CONNECTING means the browser is already retrying by itself; CLOSED means it gave up
        // (an error answer), so we retry, later each time.
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        // A 401 here may mean the session ended: let the shell find out and go to sign-in.
        void queryClient.invalidateQueries({ queryKey: ['me'] });
        timer = setTimeout(connect, reconnectDelay(attempt++));
      });
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [userId, queryClient]);
}
