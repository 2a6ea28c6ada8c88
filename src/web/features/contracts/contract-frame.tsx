/**
 * The frame of every page of a contract's workspace: the title, the parties, the status, and
 * the tabs (Overview, Time, Meetings, Issues, Messages, Files, Reports). A tab shows only when the
 * viewer's part in the contract lets them read it (`viewer.abilities`, from the permissions
 * table), and only once the offer is accepted: an offer has its overview alone. Each tab's page
 * renders `<ContractFrame tab=…>` around its own content; the live stream keeps it current.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ContractAction } from '../../../core/contract-access.ts';
import type { Contract } from '../../../core/contracts/offers.ts';
import { errorMessage } from '../../api.ts';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { UnreadBadge } from '../messages/unread-badge.tsx';
import { useContract } from './contract-queries.ts';
import { ContractStatusBadge } from './contract-status.tsx';

export type ContractTab =
  'overview' | 'time' | 'meetings' | 'issues' | 'messages' | 'files' | 'reports';

const TABS: { tab: ContractTab; label: string; needs: ContractAction; hourlyOnly?: boolean }[] = [
  { tab: 'overview', label: 'Overview', needs: 'contract.view' },
  { tab: 'time', label: 'Time', needs: 'time.read', hourlyOnly: true },
  { tab: 'meetings', label: 'Meetings', needs: 'meetings.read' },
  { tab: 'issues', label: 'Issues', needs: 'issues.read' },
  { tab: 'messages', label: 'Messages', needs: 'messages.read' },
  { tab: 'files', label: 'Files', needs: 'files.read' },
  { tab: 'reports', label: 'Reports', needs: 'reports.read' },
];

/** Whether the contract has a workspace: it was accepted (running, paused or ended). */
export function hasWorkspace(c: Contract): boolean {
  return !['offered', 'declined', 'withdrawn'].includes(c.status);
}

/** The tabs this viewer sees on this contract. */
export function visibleTabs(c: Contract): ContractTab[] {
  if (!hasWorkspace(c)) return ['overview'];
  return TABS.filter(
    (t) => c.viewer.abilities.includes(t.needs) && (!t.hourlyOnly || c.termsType === 'hourly'),
  ).map((t) => t.tab);
}

export function ContractFrame({
  contractId,
  tab,
  actions,
  children,
}: {
  contractId: string;
  tab: ContractTab;
  /** Buttons beside the status (the page's main action). */
  actions?: ReactNode;
  /** The tab's content, given the contract (loaded once for the frame and the page). */
  children: (contract: Contract) => ReactNode;
}) {
  const contract = useContract(contractId);
  if (contract.isPending) return <Loading what="Loading the contract" />;
  if (contract.isError) return <Alert>{errorMessage(contract.error)}</Alert>;
  const c = contract.data;
  const tabs = visibleTabs(c);
  return (
    <>
      <PageHeader
        title={c.title}
        description={`Between ${c.business.name} and ${c.professional.name}.`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ContractStatusBadge status={c.status} />
            {actions}
          </div>
        }
      />
      {tabs.length > 1 && (
        <nav
          aria-label="Contract sections"
          className="relative mb-6 overflow-x-auto border-b border-slate-200"
        >
          <ul className="-mb-px flex gap-1">
            {TABS.filter((t) => tabs.includes(t.tab)).map((t) => (
              <li key={t.tab}>
                <TabLink contractId={contractId} tab={t.tab} current={t.tab === tab}>
                  {t.label}
                  {/* Work — messages (issue 12, item 5): the unread count. */}
                  {t.tab === 'messages' && <UnreadBadge contractId={contractId} />}
                </TabLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {tabs.includes(tab) ? (
        children(c)
      ) : (
        <Alert>Your part in this contract does not include this section.</Alert>
      )}
    </>
  );
}

function TabLink({
  contractId,
  tab,
  current,
  children,
}: {
  contractId: string;
  tab: ContractTab;
  current: boolean;
  children: ReactNode;
}) {
  const className = `inline-flex items-center border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap ${current ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900'}`;
  const common = {
    params: { contractId },
    className,
    'aria-current': current ? 'page' : undefined,
  } as const;
  switch (tab) {
    case 'overview':
      return (
        <Link to="/app/contracts/$contractId" {...common}>
          {children}
        </Link>
      );
    case 'time':
      return (
        <Link to="/app/contracts/$contractId/time" {...common}>
          {children}
        </Link>
      );
    case 'meetings':
      return (
        <Link to="/app/contracts/$contractId/meetings" {...common}>
          {children}
        </Link>
      );
    case 'issues':
      return (
        <Link to="/app/contracts/$contractId/issues" {...common}>
          {children}
        </Link>
      );
    case 'messages':
      return (
        <Link to="/app/contracts/$contractId/messages" {...common}>
          {children}
        </Link>
      );
    case 'files':
      return (
        <Link to="/app/contracts/$contractId/files" {...common}>
          {children}
        </Link>
      );
    case 'reports':
      return (
        <Link to="/app/contracts/$contractId/reports" {...common}>
          {children}
        </Link>
      );
  }
}
