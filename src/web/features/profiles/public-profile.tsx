/**
 * /pros/$slug — a professional's public page: phone-first, one column, the bio rendered by the
 * shared safe Markdown renderer (no raw HTML), portfolio thumbnails opening the full image.
 * Hidden, moderated and unknown profiles answer 404 from the API and show "not available".
 */
import { useParams } from '@tanstack/react-router';
import { Clock, FileText, Globe2, MapPin } from 'lucide-react';
import { lazy, Suspense, type ReactNode } from 'react';
import type { PublicProfile } from '../../../core/contracts/profiles.ts';
import { formatMoney } from '../../../core/money.ts';
import { utcWindow } from '../../../core/working-window.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { formatBytes, formatDate, formatMonth } from '../../format.ts';
import { Button } from '../../ui/button.tsx';
import { Alert, Loading } from '../../ui/feedback.tsx';
import { PublicLayout, useDocumentTitle, useViewer } from '../jobs/board-layout.tsx';
import { MarkdownHtml } from './markdown-html.tsx';
import { countryName, languageName, usePublicProfile } from './profile-queries.ts';

// A business member's panels load on demand: anonymous visitors never fetch them.
const BusinessPanels = lazy(() =>
  import('./business-panels.tsx').then((m) => ({ default: m.BusinessPanels })),
);

export function PublicProfilePage() {
  const { slug } = useParams({ from: '/pros/$slug' });
  const profile = usePublicProfile(slug);
  const { me } = useViewer();
  useDocumentTitle(profile.data ? `${profile.data.name} · Handoff` : undefined);
  const notFound = profile.error instanceof ApiError && profile.error.problem.status === 404;
  return (
    <PublicLayout>
      <div className="mx-auto max-w-3xl">
        {profile.isPending ? (
          <Loading what="Loading the profile" />
        ) : notFound ? (
          <Alert tone="info">
            This profile is not available. It may be hidden, or the address may have changed.
          </Alert>
        ) : profile.isError ? (
          <Alert>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>The profile could not be loaded ({errorMessage(profile.error)}).</span>
              <Button variant="secondary" onClick={() => void profile.refetch()}>
                Try again
              </Button>
            </div>
          </Alert>
        ) : (
          <ProfileView
            profile={profile.data}
            viewerPanels={
              (me.data?.memberships.length ?? 0) > 0 ? (
                <Suspense fallback={<Loading what="Loading your business's notes" />}>
                  <BusinessPanels userId={profile.data.userId} />
                </Suspense>
              ) : undefined
            }
          />
        )}
      </div>
    </PublicLayout>
  );
}

/** "09:00–17:00 Europe/Lisbon (10:00–18:00 your time)" */
function describeHours(p: PublicProfile, viewerZone: string): string | null {
  const h = p.workingHours;
  if (!h) return null;
  const days =
    h.days.length === 5 && h.days.every((d) => d <= 5)
      ? 'Mon–Fri'
      : h.days.map((d) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]).join(', ');
  const own = `${days} ${h.start}–${h.end} (${p.timeZone})`;
  if (viewerZone === p.timeZone) return own;
  const now = new Date();
  const utc = utcWindow(p.timeZone, h, now);
  const local = utcWindow(viewerZone, { start: '00:00', end: '00:00' }, now);
  const shift = (m: number) => {
    const v = (((m - local.start) % 1440) + 1440) % 1440;
    return `${String(Math.floor(v / 60)).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;
  };
  return `${own} — ${shift(utc.start)}–${shift(utc.end)} your time`;
}

function availabilityText(a: PublicProfile['availability']): string {
  switch (a.status) {
    case 'available':
      return 'Available for work';
    case 'limited':
      return `Available ${a.hoursPerWeek} hours a week`;
    case 'unavailable':
      return 'Not available at the moment';
    default:
      return a satisfies never;
  }
}

/**
 * The profile itself. `viewerPanels` is where the lead mounts what a business viewer adds
 * (colleagues' recommendations, private notes and tags, save to list, invite to job).
 */
export function ProfileView({
  profile: p,
  viewerPanels,
}: {
  profile: PublicProfile;
  viewerPanels?: ReactNode;
}) {
  const { timeZone } = useViewer();
  const hours = describeHours(p, timeZone);
  return (
    <article className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-center">
        {p.photo ? (
          <img
            src={p.photo.url}
            alt={`Photo of ${p.name}`}
            className="h-24 w-24 rounded-full object-cover ring-1 ring-slate-200"
          />
        ) : (
          <div
            aria-hidden
            className="flex h-24 w-24 items-center justify-center rounded-full bg-brand-50 text-2xl font-semibold text-brand-800"
          >
            {p.name.slice(0, 1)}
          </div>
        )}
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{p.name}</h1>
          {p.headline && <p className="mt-1 text-slate-700">{p.headline}</p>}
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
            {p.rating.isNew ? (
              <span className="rounded bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">
                New on Handoff
              </span>
            ) : (
              <span>
                {p.rating.average !== null ? `★ ${p.rating.average.toFixed(1)} · ` : ''}
                {p.rating.reviewCount} reviews · {p.rating.completedJobs} jobs completed
              </span>
            )}
            {p.hourlyRate && <span>{formatMoney(p.hourlyRate)} an hour</span>}
            {p.country && (
              <span className="inline-flex items-center gap-1">
                <MapPin size={14} aria-hidden /> {countryName(p.country)}
              </span>
            )}
          </p>
        </div>
      </header>

      {viewerPanels && <div data-slot="viewer-panels">{viewerPanels}</div>}

      <Block title="About">
        {p.bio.trim() ? (
          <MarkdownHtml html={p.bioHtml} />
        ) : (
          <p className="text-sm text-slate-600">No bio yet.</p>
        )}
      </Block>

      <Block title="Availability and hours">
        <ul className="space-y-1 text-sm text-slate-800">
          <li>{availabilityText(p.availability)}</li>
          {hours && (
            <li className="flex items-center gap-1">
              <Clock size={14} aria-hidden /> {hours}
            </li>
          )}
          {p.languages.length > 0 && (
            <li className="flex items-center gap-1">
              <Globe2 size={14} aria-hidden />{' '}
              {p.languages.map((l) => `${languageName(l.code)} (${l.level})`).join(', ')}
            </li>
          )}
        </ul>
      </Block>

      {p.skills.length > 0 && (
        <Block title="Skills">
          <ul className="flex flex-wrap gap-2">
            {p.skills.map((s) => (
              <li
                key={s.slug}
                className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800"
              >
                {s.name} · {s.years} {s.years === 1 ? 'year' : 'years'}
              </li>
            ))}
          </ul>
        </Block>
      )}

      {p.portfolio.length > 0 && (
        <Block title="Portfolio">
          <div className="space-y-6">
            {p.portfolio.map((item) => (
              <div key={item.id} className="space-y-2">
                <h3 className="font-medium text-slate-900">{item.title}</h3>
                {item.description && (
                  <p className="text-sm whitespace-pre-line text-slate-700">{item.description}</p>
                )}
                {item.files.length > 0 && (
                  <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
                    {item.files.map((f) => (
                      <li key={f.id}>
                        {f.thumbnailUrl ? (
                          <a href={f.url} target="_blank" rel="noreferrer">
                            <img
                              src={f.thumbnailUrl}
                              alt={`${item.title}: ${f.name}`}
                              loading="lazy"
                              className="aspect-video w-full rounded-md object-cover ring-1 ring-slate-200"
                            />
                          </a>
                        ) : (
                          <a
                            href={f.url}
                            className="flex items-center gap-2 text-sm text-brand-700 underline"
                          >
                            <FileText size={16} aria-hidden /> {f.name} ({formatBytes(f.size)})
                          </a>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {item.links.length > 0 && (
                  <ul className="space-y-1 text-sm">
                    {item.links.map((l) => (
                      <li key={l}>
                        <a
                          href={l}
                          rel="nofollow noopener noreferrer"
                          target="_blank"
                          className="break-all text-brand-700 underline"
                        >
                          {l}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </Block>
      )}

      {(p.experience.length > 0 || p.education.length > 0 || p.certifications.length > 0) && (
        <Block title="Résumé">
          <div className="space-y-4 text-sm text-slate-800">
            {p.experience.map((e) => (
              <div key={e.id}>
                <p className="font-medium">
                  {e.role}, {e.company}
                </p>
                <p className="text-slate-600">
                  {formatMonth(e.start)} – {e.end ? formatMonth(e.end) : 'now'}
                </p>
                {e.description && <p className="mt-1 whitespace-pre-line">{e.description}</p>}
              </div>
            ))}
            {p.education.map((e) => (
              <div key={e.id}>
                <p className="font-medium">{e.school}</p>
                <p className="text-slate-600">
                  {[e.degree, e.field].filter(Boolean).join(', ')}
                  {e.startYear || e.endYear ? ` · ${e.startYear ?? ''}–${e.endYear ?? ''}` : ''}
                </p>
              </div>
            ))}
            {p.certifications.map((c) => (
              <div key={c.id}>
                <p className="font-medium">
                  {c.url ? (
                    <a
                      href={c.url}
                      rel="nofollow noopener noreferrer"
                      className="text-brand-700 underline"
                    >
                      {c.name}
                    </a>
                  ) : (
                    c.name
                  )}
                </p>
                <p className="text-slate-600">{[c.issuer, c.year].filter(Boolean).join(' · ')}</p>
              </div>
            ))}
          </div>
        </Block>
      )}
      <p className="text-xs text-slate-600">
        On Handoff since {formatDate(p.memberSince, timeZone)}.
      </p>
    </article>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}
