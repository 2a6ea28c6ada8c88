/** Work — a contract's messages: keys, queries and mutations (issue 12, item 5). */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ContractMessage, MessageUpload } from '../../../core/contracts/messages.ts';
import { api, ApiError, errorMessage } from '../../api.ts';
import { useGuardedMutation } from '../../use-guarded-mutation.ts';
import { uploadFile } from '../audit/upload.ts';

/**
 * Under `['contract', id, 'messages']` so a `messages` event of the live stream refetches them;
 * the unread counts under `['contracts']`, which every contract event refetches.
 */
export const messageKeys = {
  pages: (contractId: string) => ['contract', contractId, 'messages', 'pages'] as const,
  unread: ['contracts', 'unread-messages'] as const,
};

export const MESSAGES_PAGE = 30;

/** The conversation, newest page first; `fetchNextPage` reads older messages. */
export function useMessages(contractId: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.pages(contractId),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api('GET /contracts/:contractId/messages', {
        params: { contractId },
        query: { limit: MESSAGES_PAGE, cursor: pageParam || undefined },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The signed-in person's unread messages per contract (for the tab and the contract lists). */
export function useUnreadMessages() {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: () => api('GET /me/contracts/unread'),
  });
}

/** One contract's unread count, 0 when there is none or it is not known yet. */
export function useUnreadCount(contractId: string): number {
  const unread = useUnreadMessages();
  return unread.data?.items.find((u) => u.contractId === contractId)?.unread ?? 0;
}

export function useMarkRead(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: (lastMessageId: string) =>
      api('POST /contracts/:contractId/messages/read', {
        params: { contractId },
        body: { lastMessageId },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: messageKeys.unread }),
  });
}

/**
 * Uploads each file first, then sends the text naming them: the server attaches them in the
 * message's own transaction, so the other side never reads a message with files missing, and a
 * failed upload sends nothing (the error names the file; what was typed stays). Files already
 * uploaded by an earlier, failed try are not sent twice.
 */
export function useSendMessage(contractId: string) {
  const queryClient = useQueryClient();
  const uploaded = useRef(new WeakMap<File, string>());
  return useGuardedMutation({
    mutationFn: async ({ body, files }: { body: string; files: File[] }) => {
      const uploadIds: string[] = [];
      for (const file of files) {
        let id = uploaded.current.get(file);
        if (!id) {
          try {
            const upload = await uploadFile<MessageUpload>(
              `/contracts/${contractId}/messages/uploads?name=${encodeURIComponent(file.name)}`,
              file,
              'application/octet-stream',
              () => {},
            ).done;
            id = upload.id;
          } catch (error) {
            throw new Error(
              `“${file.name}” could not be uploaded, so nothing was sent: ${errorMessage(error)}`,
            );
          }
          uploaded.current.set(file, id);
        }
        uploadIds.push(id);
      }
      try {
        const message: ContractMessage = await api('POST /contracts/:contractId/messages', {
          params: { contractId },
          body: { body, uploadIds },
        });
        return message;
      } catch (error) {
        // An upload refused (expired after a day, say): the next try uploads the files afresh.
        if (error instanceof ApiError && error.fieldError('uploadIds'))
          uploaded.current = new WeakMap();
        throw error;
      }
    },
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: messageKeys.pages(contractId) }),
  });
}
