import { SlidersHorizontal } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './button.tsx';

/**
 * The filters beside a list of results (the job board, the directory): always open on a wide
 * screen, folded behind a "Filters (n)" button on a phone.
 */
export function FilterPanel({
  id,
  count,
  sticky = false,
  children,
}: {
  /** The panel's element id, which the phone's button controls. */
  id: string;
  /** How many filters are set, shown on the folded button. */
  count: number;
  sticky?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <aside aria-labelledby="filters-heading" className="mb-4 lg:mb-0">
      <div className="lg:hidden">
        <Button
          variant="secondary"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="w-full"
        >
          <SlidersHorizontal size={16} aria-hidden />
          {open ? 'Hide filters' : 'Filters'}
          {count > 0 && ` (${count})`}
        </Button>
      </div>
      <div
        id={id}
        className={`${open ? 'mt-3 block' : 'hidden'} rounded-lg bg-white p-4 ring-1 ring-slate-200 ${sticky ? 'lg:sticky lg:top-4 ' : ''}lg:mt-0 lg:block`}
      >
        <h2 id="filters-heading" className="mb-4 text-sm font-semibold text-slate-900">
          Filters
        </h2>
        {children}
      </div>
    </aside>
  );
}
