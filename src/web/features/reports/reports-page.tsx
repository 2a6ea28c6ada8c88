import { useParams } from '@tanstack/react-router';
import { EmptyState } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';

/** `/app/contracts/$contractId/reports`: the contract's reports. (Its feature fills this page in.) */
export function ReportsPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/reports' });
  return (
    <ContractFrame contractId={contractId} tab="reports">
      {() => <EmptyState title="Reports">This section is being built.</EmptyState>}
    </ContractFrame>
  );
}
