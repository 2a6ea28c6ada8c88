/** Work — a contract's messages: keys, queries and mutations (issue 12, item 5). */
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContractMessage, MessageAttachment } from '../../../core/contracts/messages.ts';
import { api } from '../../api.ts';
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
 * Sends the text, then each file to it. A failed file leaves the message sent (the error says
 * which file), so nothing typed is lost.
 */
export function useSendMessage(contractId: string) {
  const queryClient = useQueryClient();
  return useGuardedMutation({
    mutationFn: async ({ body, files }: { body: string; files: File[] }) => {
      const message: ContractMessage = await api('POST /contracts/:contractId/messages', {
        params: { contractId },
        body: { body },
      });
      for (const file of files) {
        await uploadFile<MessageAttachment>(
          `/contracts/${contractId}/messages/${message.id}/attachments?name=${encodeURIComponent(file.name)}`,
          file,
          'application/octet-stream',
          () => {},
        ).done;
      }
      return message;
    },
    onSettled: () =>
      void queryClient.invalidateQueries({ queryKey: messageKeys.pages(contractId) }),
  });
}
