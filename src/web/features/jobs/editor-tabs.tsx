import type { ReactNode } from 'react';
import { TabPanel as UiTabPanel, Tabs } from '../../ui/tabs.tsx';
import type { EditorTab } from './job-form.ts';

const TABS: { tab: EditorTab; label: string; detail: string }[] = [
  { tab: 'brief', label: 'Bid brief', detail: 'Public' },
  {
    tab: 'spec',
    label: 'Full specification',
    detail: 'Confidential — only your team and, later, shortlisted professionals',
  },
];

const ORDER = TABS.map((t) => t.tab);

/**
 * The editor's two layers as tabs. Each tab says when it holds unsaved changes or errors, which
 * would otherwise hide in the other tab.
 */
export function EditorTabs({
  current,
  onChange,
  dirty,
  invalid,
}: {
  current: EditorTab;
  onChange: (tab: EditorTab) => void;
  dirty: Record<EditorTab, boolean>;
  invalid: Record<EditorTab, boolean>;
}) {
  return (
    <Tabs
      id="job"
      label="Job layers"
      tabs={ORDER}
      current={current}
      onChange={onChange}
      className="grid grid-cols-2 gap-2"
      tabClassName={(selected) =>
        `rounded-lg px-3 py-2 text-left ring-1 ${selected ? 'bg-white shadow-sm ring-brand-700' : 'bg-slate-50 ring-slate-200 hover:bg-white'}`
      }
      renderTab={(tab, selected) => {
        const { label, detail } = TABS.find((t) => t.tab === tab)!;
        return (
          <>
            <span className="flex flex-wrap items-center gap-x-2">
              <span
                className={`text-sm font-semibold ${selected ? 'text-brand-800' : 'text-slate-800'}`}
              >
                {label}
              </span>
              {invalid[tab] && <Marker className="text-red-700">has errors</Marker>}
              {!invalid[tab] && dirty[tab] && <Marker className="text-amber-800">unsaved</Marker>}
            </span>
            <span className="mt-0.5 block text-xs text-slate-600">{detail}</span>
          </>
        );
      }}
    />
  );
}

function Marker({ className, children }: { className: string; children: ReactNode }) {
  return <span className={`text-xs font-medium ${className}`}>· {children}</span>;
}

export function TabPanel({ tab, children }: { tab: EditorTab; children: ReactNode }) {
  return (
    <UiTabPanel id="job" tab={tab} className="space-y-6">
      {children}
    </UiTabPanel>
  );
}
