import { Building2, Clock, Star, Users } from 'lucide-react';
import type { DirectoryEntry } from '../../../core/contracts/directory.ts';
import { formatMoney } from '../../../core/money.ts';
import { Badge } from '../../ui/badge.tsx';

const AVAILABILITY: Record<NonNullable<DirectoryEntry['availability']>, string> = {
  available: 'Available',
  limited: 'Limited availability',
  unavailable: 'Not available',
};

/**
 * A profile photo's thumbnail. The profiles work serves photos; until its route is known here the
 * card shows initials, and a photo that fails to load falls back to them.
 */
export const photoThumbnailUrl = (fileId: string) => `/api/v1/profile-files/${fileId}/thumbnail`;

function Avatar({ entry }: { entry: DirectoryEntry }) {
  const initials = entry.name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
  return (
    <div className="relative flex size-14 shrink-0 items-center justify-center overflow-hidden rounded-full bg-brand-50 text-lg font-semibold text-brand-800">
      {entry.kind === 'business' ? (
        <Building2 size={24} aria-hidden />
      ) : (
        <span aria-hidden>{initials}</span>
      )}
      {entry.photoFileId && (
        <img
          src={photoThumbnailUrl(entry.photoFileId)}
          alt=""
          width={56}
          height={56}
          loading="lazy"
          className="absolute inset-0 size-full object-cover"
          onError={(e) => {
            e.currentTarget.hidden = true;
          }}
        />
      )}
    </div>
  );
}

const hours = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(2).replace(/0$/, ''));

/** One result: a professional's card, or an approved business listing marked as a business. */
export function DirectoryCard({ entry }: { entry: DirectoryEntry }) {
  const href = entry.slug ? `/pros/${entry.slug}` : entry.website;
  return (
    <article className="flex gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <Avatar entry={entry} />
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
          <h3 className="text-base font-semibold text-slate-900">
            {href ? (
              <a
                href={href}
                className="hover:underline"
                rel={entry.slug ? undefined : 'nofollow noopener'}
              >
                {entry.name}
              </a>
            ) : (
              entry.name
            )}
          </h3>
          {entry.rate ? (
            <p className="text-sm font-semibold text-slate-900">
              {formatMoney(entry.rate)}
              <span className="font-normal text-slate-600"> / hour</span>
            </p>
          ) : entry.kind === 'professional' ? (
            <p className="text-sm text-slate-600">Rate on request</p>
          ) : null}
        </div>
        {entry.headline && <p className="text-sm text-slate-700">{entry.headline}</p>}
        <div className="flex flex-wrap gap-2">
          {entry.kind === 'business' && <Badge tone="outline">Business</Badge>}
          {entry.inPool && <Badge tone="success">In your pool</Badge>}
          {entry.kind === 'professional' &&
            (entry.rating !== null ? (
              <Badge tone="neutral">
                <Star size={12} aria-hidden /> {entry.rating.toFixed(1)}
                <span className="font-normal">
                  {' '}
                  ({entry.reviewCount} {entry.reviewCount === 1 ? 'review' : 'reviews'})
                </span>
              </Badge>
            ) : (
              <Badge tone="muted">New</Badge>
            ))}
          {entry.availability && (
            <Badge tone={entry.availability === 'unavailable' ? 'muted' : 'neutral'}>
              {AVAILABILITY[entry.availability]}
              {entry.availability === 'limited' && entry.availabilityHoursPerWeek
                ? ` · ${entry.availabilityHoursPerWeek} h/week`
                : ''}
            </Badge>
          )}
        </div>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {entry.overlapHours !== null && (
            <li className="flex items-center gap-1">
              <Clock size={12} aria-hidden />
              {entry.overlapHours === 0
                ? 'No working hours shared with yours'
                : `${hours(entry.overlapHours)} h of your working day shared`}
            </li>
          )}
          {entry.kind === 'professional' && entry.yearsExperience > 0 && (
            <li>{entry.yearsExperience} years’ experience</li>
          )}
          {entry.completedJobs > 0 && <li>{entry.completedJobs} jobs done</li>}
          {entry.country && <li>{entry.country}</li>}
          {entry.teamSize !== null && <li>Team of {entry.teamSize}</li>}
        </ul>
        {entry.trustedRecommendations > 0 && (
          <p className="flex items-center gap-1 text-sm font-medium text-emerald-800">
            <Users size={14} aria-hidden />
            Recommended by {entry.trustedRecommendations}{' '}
            {entry.trustedRecommendations === 1 ? 'business' : 'businesses'} you trust
          </p>
        )}
        {entry.skills.length > 0 && (
          <p className="text-xs text-slate-600">
            <span className="sr-only">Skills: </span>
            {entry.skills.join(' · ')}
          </p>
        )}
        {entry.savedLists.length > 0 && (
          <p className="text-xs text-slate-600">
            Saved in {entry.savedLists.map((l) => l.name).join(', ')}
          </p>
        )}
      </div>
    </article>
  );
}

export function DirectoryCardSkeleton() {
  return (
    <div
      aria-hidden
      className="flex animate-pulse gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200"
    >
      <div className="size-14 rounded-full bg-slate-200" />
      <div className="flex-1 space-y-2">
        <div className="h-4 w-1/3 rounded bg-slate-200" />
        <div className="h-3 w-2/3 rounded bg-slate-100" />
        <div className="h-3 w-1/2 rounded bg-slate-100" />
      </div>
    </div>
  );
}
