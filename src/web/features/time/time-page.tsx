import { useParams } from '@tanstack/react-router';
import { EmptyState } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';

/** `/app/contracts/$contractId/time`: the contract's time. (Its feature fills this page in.) */
export function TimePage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/time' });
  return (
    <ContractFrame contractId={contractId} tab="time">
      {() => <EmptyState title="Time">This section is being built.</EmptyState>}
    </ContractFrame>
  );
}
