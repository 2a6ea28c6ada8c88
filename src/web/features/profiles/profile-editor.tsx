/**
 * /app/profile — the professional's profile editor. Each section saves on its own: it sends the
 * profile as last saved with only that section's fields changed, carrying the version it was
 * loaded at, so another section's unsaved edits are never sent by accident and a save made
 * after a change elsewhere (another tab) is refused instead of undoing it.
 */
import { Link } from '@tanstack/react-router';
import { ExternalLink } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { MyProfile, SaveProfileInput } from '../../../core/contracts/profiles.ts';
import { ApiError, errorMessage } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorPanel } from '../../ui/error-boundary.tsx';
import { Alert, EmptyState, Loading } from '../../ui/feedback.tsx';
import { PageHeader } from '../../ui/layout.tsx';
import { CompletenessMeter } from './completeness-meter.tsx';
import {
  AboutFields,
  HoursFields,
  PortfolioFields,
  RateFields,
  ResumeFields,
  SkillFields,
} from './profile-sections.tsx';
import { toInput, useMyProfile, useSaveProfile, useStartProfile } from './profile-queries.ts';

export function ProfileEditorPage() {
  const profile = useMyProfile();
  const start = useStartProfile();
  return (
    <div className="mx-auto max-w-3xl">
      {profile.isPending ? (
        <Loading what="Loading your profile" />
      ) : profile.isError ? (
        <ErrorPanel error={profile.error} onRetry={() => void profile.refetch()} />
      ) : profile.data === null ? (
        <>
          <PageHeader title="Your professional profile" />
          <EmptyState
            title="You have no professional profile yet"
            action={
              <Button busy={start.isPending} onClick={() => start.mutate()}>
                Start my professional profile
              </Button>
            }
          >
            Start one to be found by businesses: your skills, portfolio, rate and working hours.
            {start.isError && <Alert>{errorMessage(start.error)}</Alert>}
          </EmptyState>
        </>
      ) : (
        <Editor saved={profile.data} />
      )}
    </div>
  );
}

export type SectionKey = 'about' | 'skills' | 'rate' | 'hours' | 'resume' | 'portfolio';

/** Which fields of the profile each section saves. */
const SECTION_FIELDS: Record<SectionKey, (keyof SaveProfileInput)[]> = {
  about: ['headline', 'bio', 'slug', 'visibility'],
  skills: ['skills', 'categories'],
  rate: ['hourlyRate', 'availability'],
  hours: ['timeZone', 'workingHours', 'languages', 'country'],
  resume: ['experience', 'education', 'certifications'],
  portfolio: ['portfolio'],
};

export interface SectionProps {
  draft: SaveProfileInput;
  change: (patch: Partial<SaveProfileInput>) => void;
  /** The message for a field of this section's last failed save. */
  fieldError: (field: string) => string | undefined;
  saved: MyProfile;
}

function Editor({ saved }: { saved: MyProfile }) {
  const [draft, setDraft] = useState<SaveProfileInput>(() => toInput(saved));
  const [outcome, setOutcome] = useState<{ section: SectionKey; error: unknown } | null>(null);
  const [savedSection, setSavedSection] = useState<SectionKey | null>(null);
  const save = useSaveProfile();
  const [saving, setSaving] = useState<SectionKey | null>(null);

  async function saveSection(section: SectionKey) {
    const body: Record<string, unknown> = { ...toInput(saved) };
    for (const key of SECTION_FIELDS[section]) body[key] = draft[key];
    setSaving(section);
    setOutcome(null);
    setSavedSection(null);
    try {
      const result = await save.mutateAsync(body as SaveProfileInput);
      // The saved section now holds the server's values (ids of new entries); the others keep
      // whatever is being edited there.
      const fresh = toInput(result);
      setDraft((d) => {
        const next: Record<string, unknown> = { ...d, expectedUpdatedAt: fresh.expectedUpdatedAt };
        for (const key of SECTION_FIELDS[section]) next[key] = fresh[key];
        return next as SaveProfileInput;
      });
      setSavedSection(section);
    } catch (error) {
      setOutcome({ section, error });
    } finally {
      setSaving(null);
    }
  }

  const props = (section: SectionKey): SectionProps & { section: SectionKey } => ({
    section,
    draft,
    saved,
    change: (patch) => setDraft((d) => ({ ...d, ...patch })),
    fieldError: (field) =>
      outcome?.section === section && outcome.error instanceof ApiError
        ? outcome.error.fieldError(field)
        : undefined,
  });

  const section = (key: SectionKey, title: string, description: string, body: ReactNode) => (
    <Section
      key={key}
      title={title}
      description={description}
      busy={saving === key}
      onSave={() => void saveSection(key)}
      saved={savedSection === key}
      error={outcome?.section === key ? outcome.error : null}
    >
      {body}
    </Section>
  );

  return (
    <>
      <PageHeader
        title="Your professional profile"
        description="What businesses read before they invite you. Each section saves on its own."
        actions={
          <Link
            to="/pros/$slug"
            params={{ slug: saved.slug }}
            className="inline-flex items-center gap-2 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            <ExternalLink size={16} aria-hidden /> View public profile
          </Link>
        }
      />
      <div className="space-y-6">
        {saved.moderation && (
          <Alert tone="warning">
            An admin has hidden your profile: {saved.moderation.reason} Fix it and contact support
            to have it shown again.
          </Alert>
        )}
        {!saved.moderation && !saved.isPublic && (
          <Alert tone="info">Your profile is hidden: only you can see its public page.</Alert>
        )}
        <CompletenessMeter completeness={saved.completeness} />
        {section(
          'about',
          'About you',
          'Your photo, headline, bio and public address.',
          <AboutFields {...props('about')} />,
        )}
        {section(
          'skills',
          'Skills and categories',
          'Skills with your years of experience in each; businesses filter by them.',
          <SkillFields {...props('skills')} />,
        )}
        {section(
          'rate',
          'Rate and availability',
          'Shown to businesses in their own currency too.',
          <RateFields {...props('rate')} />,
        )}
        {section(
          'hours',
          'Where and when you work',
          'Businesses look for people whose hours overlap with theirs.',
          <HoursFields {...props('hours')} />,
        )}
        {section(
          'resume',
          'Résumé',
          'Positions, education and certifications, most recent first.',
          <ResumeFields {...props('resume')} />,
        )}
        {section(
          'portfolio',
          'Portfolio',
          'Pieces of work with images, files and links. Save a new item before adding images to it.',
          <PortfolioFields {...props('portfolio')} />,
        )}
      </div>
    </>
  );
}

function Section({
  title,
  description,
  children,
  busy,
  saved,
  error,
  onSave,
}: {
  title: string;
  description: string;
  children: ReactNode;
  busy: boolean;
  saved: boolean;
  error: unknown;
  onSave: () => void;
}) {
  const conflict =
    error instanceof ApiError && error.problem.status === 409 && !error.fieldError('slug');
  return (
    <section aria-label={title} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </header>
      <form
        className="space-y-4 px-5 py-4"
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
        noValidate
      >
        {children}
        {error ? (
          <Alert>
            {conflict ? (
              <span>
                {errorMessage(error)}{' '}
                <button
                  type="button"
                  className="underline"
                  onClick={() => window.location.reload()}
                >
                  Reload
                </button>
              </span>
            ) : error instanceof ApiError && error.problem.status === 400 ? (
              'Some fields need attention; see the messages under them.'
            ) : (
              errorMessage(error)
            )}
          </Alert>
        ) : null}
        <div className="flex items-center justify-end gap-3">
          {saved && (
            <span role="status" className="text-sm text-emerald-700">
              Saved
            </span>
          )}
          <Button type="submit" busy={busy}>
            Save {title.toLowerCase()}
          </Button>
        </div>
      </form>
    </section>
  );
}
