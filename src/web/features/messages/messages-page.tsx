import { useParams } from '@tanstack/react-router';
import { Download, Paperclip } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  MAX_MESSAGE_ATTACHMENTS,
  MAX_MESSAGE_LENGTH,
  type ContractMessage,
} from '../../../core/contracts/messages.ts';
import type { Contract } from '../../../core/contracts/offers.ts';
import { errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { TextAreaField } from '../../ui/fields.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';
import { MarkdownHtml } from '../profiles/markdown-html.tsx';
import { useMarkRead, useMessages, useSendMessage } from './message-queries.ts';

/** `/app/contracts/$contractId/messages`: the contract's conversation, newest at the bottom. */
export function MessagesPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/messages' });
  return (
    <ContractFrame contractId={contractId} tab="messages">
      {(contract) => <Conversation contract={contract} />}
    </ContractFrame>
  );
}

const OPEN = ['offered', 'active', 'paused'];

function Conversation({ contract }: { contract: Contract }) {
  const messages = useMessages(contract.id);
  const markRead = useMarkRead(contract.id);
  const timeZone = useMe().data?.user.timeZone;
  const pages = messages.data?.pages ?? [];
  // Pages come newest first, each oldest first within: reversed, the whole runs oldest → newest.
  const items = [...pages].reverse().flatMap((p) => p.items);
  const newest = pages[0]?.items.at(-1);
  const unread = pages[0]?.unread ?? 0;

  // Opening the tab (and any message arriving while it is open) reads up to the newest shown.
  const { mutate: mark } = markRead;
  useEffect(() => {
    if (newest && unread > 0) mark(newest.id);
  }, [newest, unread, mark]);

  const canWrite =
    contract.viewer.abilities.includes('messages.write') && OPEN.includes(contract.status);

  if (messages.isPending) return <Loading what="Loading the messages" />;
  if (messages.isError) return <Alert>{errorMessage(messages.error)}</Alert>;
  return (
    <div className="space-y-4">
      {messages.hasNextPage && (
        <div className="text-center">
          <Button
            variant="secondary"
            busy={messages.isFetchingNextPage}
            onClick={() => void messages.fetchNextPage()}
          >
            Show older messages
          </Button>
        </div>
      )}
      {items.length === 0 ? (
        <EmptyState title="No messages yet">
          {canWrite
            ? 'Write the first one below: a question, an update, a file to look at.'
            : 'Messages between the business and the professional will show here.'}
        </EmptyState>
      ) : (
        <ol aria-label="Messages" className="space-y-3">
          {items.map((m) => (
            <MessageItem key={m.id} contractId={contract.id} message={m} timeZone={timeZone} />
          ))}
        </ol>
      )}
      {canWrite ? (
        <Composer contractId={contract.id} />
      ) : (
        !OPEN.includes(contract.status) && (
          <Alert tone="info">
            This contract has ended: its messages can be read, not added to.
          </Alert>
        )
      )}
    </div>
  );
}

function MessageItem({
  contractId,
  message: m,
  timeZone,
}: {
  contractId: string;
  message: ContractMessage;
  timeZone: string | undefined;
}) {
  return (
    <li
      className={`rounded-lg p-4 ring-1 sm:max-w-[85%] ${m.mine ? 'bg-brand-50 ring-brand-100 sm:ml-auto' : 'bg-white ring-slate-200'}`}
    >
      <p className="mb-2 flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium text-slate-900">{m.mine ? 'You' : m.author.name}</span>
        <time dateTime={m.createdAt} className="text-slate-600">
          {formatDateTime(m.createdAt, timeZone)}
        </time>
      </p>
      <MarkdownHtml html={m.bodyHtml} />
      {m.attachments.length > 0 && (
        <ul className="mt-3 space-y-1">
          {m.attachments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2 text-sm">
              <Paperclip size={14} aria-hidden className="text-slate-500" />
              <a
                href={`/api/v1/contracts/${contractId}/messages/${m.id}/attachments/${a.id}`}
                download={a.name}
                className="inline-flex items-center gap-1 text-brand-700 underline"
              >
                {a.name}
                <Download size={14} aria-hidden />
              </a>
              <span className="text-slate-600">({formatBytes(a.size)})</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Composer({ contractId }: { contractId: string }) {
  const send = useSendMessage(contractId);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (!body.trim()) {
      setError('Write a message first.');
      return;
    }
    if (files.length > MAX_MESSAGE_ATTACHMENTS) {
      setError(`Attach at most ${MAX_MESSAGE_ATTACHMENTS} files to one message.`);
      return;
    }
    setError(undefined);
    send.mutate(
      { body, files },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <TextAreaField
        label="Message"
        hint="Markdown works: **bold**, lists, links. Ctrl+Enter sends."
        rows={4}
        maxLength={MAX_MESSAGE_LENGTH}
        value={body}
        error={error}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      <div>
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
          Attach files (up to {MAX_MESSAGE_ATTACHMENTS})
        </label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          multiple
          className="mt-1 block text-sm text-slate-800"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </div>
      {send.error && <Alert>{errorMessage(send.error)}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" busy={send.isPending}>
          Send
        </Button>
      </div>
    </form>
  );
}
