import { Link, useParams } from '@tanstack/react-router';
import type { Contract } from '../../../core/contracts/offers.ts';
import { formatDate } from '../../format.ts';
import { useMe } from '../../hooks.ts';
import { Card, PageHeader } from '../../ui/layout.tsx';
import { ListState } from '../../ui/list-state.tsx';
import { useBusinessContracts, useMyContracts } from './contract-queries.ts';
import { ContractStatusBadge } from './contract-status.tsx';
// Contract workspace — the owner's dashboard and the professional's mirror (issue 12).
import { ContractDashboard } from '../reports/dashboard.tsx';
import { useBusinessDashboard, useMyDashboard } from '../reports/report-queries.ts';
import { termsSummary } from './contract-terms.ts';
import { UnreadBadge } from '../messages/unread-badge.tsx';

function ContractList({
  query,
  other,
  empty,
  title,
}: {
  /** Set when the list sits under a dashboard: it then holds only offers and ended contracts. */
  title?: string;
  query: ReturnType<typeof useMyContracts>;
  /** The party to name on each row: the other side. */
  other: (c: Contract) => string;
  empty: { title: string; body: string };
}) {
  const me = useMe();
  // Running contracts are the dashboard's; under it, this list keeps the offers and ended ones.
  const items = (query.data?.items ?? []).filter(
    (c) => !title || !['active', 'paused'].includes(c.status),
  );
  return (
    <Card title={title}>
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
  const dashboard = useMyDashboard();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Contracts"
        description="Your running contracts as the businesses see them, and the offers made to you."
      />
      <ContractDashboard
        query={dashboard}
        side="professional"
        empty={{
          title: 'No running contracts',
          body: 'Accept an offer below to start one; its health, hours and reports show here.',
        }}
      />
      <ContractList
        title="Offers and ended contracts"
        query={contracts}
        other={(c) => c.business.name}
        empty={{
          title: 'No offers waiting and no ended contracts',
          body: 'When a business awards one of your bids, its offer appears here to accept or decline.',
        }}
      />
    </div>
  );
}

/** `/app/businesses/$businessId/contracts`: the business's offers and contracts. */
export function BusinessContractsPage() {
  const { businessId } = useParams({ from: '/shell/app/businesses/$businessId/contracts' });
  const contracts = useBusinessContracts(businessId);
  const dashboard = useBusinessDashboard(businessId);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Contracts"
        description="Every running contract at a glance, then your offers and ended contracts."
      />
      <ContractDashboard
        query={dashboard}
        side="business"
        empty={{
          title: 'No running contracts',
          body: 'When a professional accepts one of your offers, the contract’s health, hours and budget show here.',
        }}
      />
      <ContractList
        title="Offers and ended contracts"
        query={contracts}
        other={(c) => c.professional.name}
        empty={{
          title: 'No offers waiting and no ended contracts',
          body: 'Award a bid from a job’s bid list to send a contract offer; it waits here for the answer.',
        }}
      />
    </div>
  );
}
