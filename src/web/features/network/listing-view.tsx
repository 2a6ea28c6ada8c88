import type { Listing } from '../../../core/contracts/network.ts';
import { Badge } from '../../ui/badge.tsx';

const regionName = new Intl.DisplayNames(['en'], { type: 'region' });

/** A listing in full, as the directory and the admin's queue show it. */
export function ListingView({
  listing,
  categoryName,
}: {
  listing: Listing;
  categoryName: (slug: string) => string;
}) {
  return (
    <div className="space-y-3 text-sm text-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold text-slate-900">{listing.name}</h3>
        <Badge tone="outline">Business</Badge>
      </div>
      {listing.description && <p className="whitespace-pre-line">{listing.description}</p>}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-600">Represented by</dt>
        <dd>{listing.owner.name}</dd>
        <dt className="font-medium text-slate-600">Services</dt>
        <dd>{listing.services.length > 0 ? listing.services.join(', ') : '—'}</dd>
        <dt className="font-medium text-slate-600">Categories</dt>
        <dd>
          {listing.categorySlugs.length > 0
            ? listing.categorySlugs.map(categoryName).join(', ')
            : '—'}
        </dd>
        <dt className="font-medium text-slate-600">Team size</dt>
        <dd>{listing.teamSize ?? '—'}</dd>
        <dt className="font-medium text-slate-600">Website</dt>
        <dd>
          {listing.website ? (
            <a
              href={listing.website}
              rel="nofollow noopener noreferrer"
              target="_blank"
              className="text-brand-700 underline"
            >
              {listing.website}
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt className="font-medium text-slate-600">Countries</dt>
        <dd>
          {listing.countries.length > 0
            ? listing.countries.map((c) => regionName.of(c) ?? c).join(', ')
            : '—'}
        </dd>
        <dt className="font-medium text-slate-600">Time zones</dt>
        <dd>{listing.timeZones.length > 0 ? listing.timeZones.join(', ') : '—'}</dd>
      </dl>
    </div>
  );
}
