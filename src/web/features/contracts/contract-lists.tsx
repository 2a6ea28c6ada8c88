import { Link, useParams } from '@tanstack/react-router';
import type { Contract } from '../../../core/contracts/offers.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useBusinessContracts, useMyContracts } from './contract-queries.ts';
import { ContractStatusBadge } from './contract-status.tsx';
import { termsSummary } from './contract-terms.ts';
import { UnreadBadge } from '../messages/unread-badge.tsx';

function ContractList({
  query,
  other,
  empty,
}: {
  query: ReturnType<typeof useMyContracts>;
  /** The party to name on each row: the other side. */
  other: (c: Contract) => string;
  empty: { title: string; body: string };
}) {
  const me = useMe();
  const items = query.data?.items ?? [];
  return (
    <Card>
      <ListState query={query} count={items.length} loading="Loading contracts" empty={empty}>
        <ul className="divide-y divide-slate-100">
          {items.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <Link
                  to="/app/contracts/$contractId"
                  params={{ contractId: c.id }}
                  className="font-medium text-brand-700 underline"
                >
                  {c.title}
                </Link>
                {/* Work — messages (issue 12, item 5): the unread count. */}
                <UnreadBadge contractId={c.id} />
                <p className="text-sm text-slate-600">
                  {other(c)} · {termsSummary(c)} · offered{' '}
                  {formatDate(c.offeredAt, me.data?.user.timeZone)}
                </p>
              </div>
              <ContractStatusBadge status={c.status} />
            </li>
          ))}
        </ul>
      </ListState>
    </Card>
  );
}

/** `/app/contracts`: the professional's offers and contracts. */
export function MyContractsPage() {
  const contracts = useMyContracts();
  return (
    <>
      <PageHeader
        title="Contracts"
        description="Offers made to you, and the contracts you accepted."
      />
      <ContractList
        query={contracts}
        other={(c) => c.business.name}
        empty={{
          title: 'No offers yet',
          body: 'When a business awards one of your bids, its offer appears here to accept or decline.',
        }}
      />
    </>
  );
}

/** `/app/businesses/$businessId/contracts`: the business's offers and contracts. */
export function BusinessContractsPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/contracts' });
  const contracts = useBusinessContracts(businessId);
  return (
    <>
      <PageHeader title="Contracts" description="Your offers and the contracts they became." />
      <ContractList
        query={contracts}
        other={(c) => c.professional.name}
        empty={{
          title: 'No contracts yet',
          body: 'Award a bid from a job’s bid list to send a contract offer.',
        }}
      />
    </>
  );
}
