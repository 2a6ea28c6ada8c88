import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/**
 * A data table that scrolls sideways inside its card on a narrow screen rather than widening the
 * page; the caption names it for screen readers (visually hidden unless `showCaption`).
 */
export function Table({
  caption,
  showCaption = false,
  minWidth,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  /** A width below which the columns would crush, e.g. '32rem'. */
  minWidth?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" style={minWidth ? { minWidth } : undefined}>
        <caption
          className={showCaption ? 'mb-2 text-left text-sm font-medium text-slate-800' : 'sr-only'}
        >
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className = '', ...th }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-200 py-2 pr-3 text-xs font-semibold text-slate-600 uppercase ${className}`}
      {...th}
    />
  );
}

export function Td({ className = '', ...td }: TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td className={`border-b border-slate-100 py-2 pr-3 text-slate-800 ${className}`} {...td} />
  );
}
