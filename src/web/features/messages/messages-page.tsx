import { useParams } from '@tanstack/react-router';
import { EmptyState } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';

/** `/app/contracts/$contractId/messages`: the contract's messages. (Its feature fills this page in.) */
export function MessagesPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/messages' });
  return (
    <ContractFrame contractId={contractId} tab="messages">
      {() => <EmptyState title="Messages">This section is being built.</EmptyState>}
    </ContractFrame>
  );
}
