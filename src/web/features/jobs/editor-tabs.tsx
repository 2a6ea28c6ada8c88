import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { EditorTab } from './job-form.ts';

const TABS: { tab: EditorTab; label: string; detail: string }[] = [
  { tab: 'brief', label: 'Bid brief', detail: 'Public' },
  {
    tab: 'spec',
    label: 'Full specification',
    detail: 'Confidential — only your team and, later, shortlisted professionals',
  },
];

export const tabId = (tab: EditorTab) => `job-tab-${tab}`;
export const panelId = (tab: EditorTab) => `job-panel-${tab}`;

/**
 * The editor's two layers as ARIA tabs: arrow keys, Home and End move between them. Each tab
 * says when it holds unsaved changes or errors, which would otherwise hide in the other tab.
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
  const refs = useRef<Partial<Record<EditorTab, HTMLButtonElement | null>>>({});
  function onKeyDown(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.tab === current);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + TABS.length) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const tab = TABS[next]!.tab;
    onChange(tab);
    refs.current[tab]?.focus();
  }
  return (
    <div
      role="tablist"
      aria-label="Job layers"
      className="grid grid-cols-2 gap-2"
      onKeyDown={onKeyDown}
    >
      {TABS.map(({ tab, label, detail }) => {
        const selected = tab === current;
        return (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={selected}
            aria-controls={selected ? panelId(tab) : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            className={`rounded-lg px-3 py-2 text-left ring-1 ${selected ? 'bg-white shadow-sm ring-brand-700' : 'bg-slate-50 ring-slate-200 hover:bg-white'}`}
          >
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
          </button>
        );
      })}
    </div>
  );
}

function Marker({ className, children }: { className: string; children: ReactNode }) {
  return <span className={`text-xs font-medium ${className}`}>· {children}</span>;
}

export function TabPanel({ tab, children }: { tab: EditorTab; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="space-y-6">
      {children}
    </div>
  );
}
