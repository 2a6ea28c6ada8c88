import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * ARIA tabs: one tab stop for the list, arrow keys (and Home, End) move and select, and each
 * tab controls its panel (a `TabPanel` with the same `id`). `renderTab` draws a tab's face; the
 * roles and keys are handled here.
 */
export function Tabs<T extends string>({
  id,
  label,
  tabs,
  current,
  onChange,
  renderTab,
  className = 'flex gap-2',
  tabClassName,
}: {
  /** Prefix of the tabs' and panels' ids, unique on the page. */
  id: string;
  label: string;
  tabs: readonly T[];
  current: T;
  onChange: (tab: T) => void;
  renderTab: (tab: T, selected: boolean) => ReactNode;
  className?: string;
  tabClassName: (selected: boolean) => string;
}) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  function onKeyDown(e: KeyboardEvent) {
    const i = tabs.indexOf(current);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[next]!;
    onChange(tab);
    refs.current[tab]?.focus();
  }
  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab === current;
        return (
          <button
            key={tab}
            ref={(el) => {
              refs.current[tab] = el;
            }}
            type="button"
            role="tab"
            id={tabId(id, tab)}
            aria-selected={selected}
            aria-controls={selected ? panelId(id, tab) : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            className={tabClassName(selected)}
          >
            {renderTab(tab, selected)}
          </button>
        );
      })}
    </div>
  );
}

const tabId = (base: string, tab: string) => `${base}-tab-${tab}`;
const panelId = (base: string, tab: string) => `${base}-panel-${tab}`;

export function TabPanel({
  id,
  tab,
  className,
  children,
}: {
  id: string;
  tab: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(id, tab)}
      aria-labelledby={tabId(id, tab)}
      className={className}
    >
      {children}
    </div>
  );
}
