import { useParams } from '@tanstack/react-router';
import { EmptyState } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';

/** `/app/contracts/$contractId/meetings`: the contract's meetings. (Its feature fills this page in.) */
export function MeetingsPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/meetings' });
  return (
    <ContractFrame contractId={contractId} tab="meetings">
      {() => <EmptyState title="Meetings">This section is being built.</EmptyState>}
    </ContractFrame>
  );
}
