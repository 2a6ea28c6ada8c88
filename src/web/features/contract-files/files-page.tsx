import { useParams } from '@tanstack/react-router';
import { EmptyState } from '../../ui/feedback.tsx';
import { ContractFrame } from '../contracts/contract-frame.tsx';

/** `/app/contracts/$contractId/files`: the contract's files. (Its feature fills this page in.) */
export function FilesPage() {
  const { contractId } = useParams({ from: '/shell/app/contracts/$contractId/files' });
  return (
    <ContractFrame contractId={contractId} tab="files">
      {() => <EmptyState title="Files">This section is being built.</EmptyState>}
    </ContractFrame>
  );
}
