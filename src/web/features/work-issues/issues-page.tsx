import { useParams } from '@tanstack/react-router';
import { EmptyState } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';

/** `/app/contracts/$contractId/issues`: the contract's issues. (Its feature fills this page in.) */
export function IssuesPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/issues' });
  return (
    <ContractFrame contractId={contractId} tab="issues">
      {() => <EmptyState title="Issues">This section is being built.</EmptyState>}
    </ContractFrame>
  );
}
