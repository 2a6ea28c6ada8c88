/**
 * The first-run guides on the overview: a new owner's next steps (start an audit, write a first
 * job, invite the team) and a professional's (complete the profile, browse the board), each
 * ticked once done, and hidden for good when the person dismisses it or everything is done.
 * Dismissal is remembered in this browser (localStorage): the guide is a nudge, not a record.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Check, Circle } from 'lucide-react';
import { useState } from 'react';
import type { Me } from '../../../core/contracts/accounts.ts';
import { api } from '../../api.ts';
import { Button } from '../../ui/button.tsx';
import { Card } from '../../ui/layout.tsx';

/** The professional profile page (built with the profile work); the guide links to it. */
const PROFILE_PATH = '/app/profile';

interface Step {
  label: string;
  detail: string;
  done: boolean;
  to: string;
  params?: Record<string, string>;
  onFollow?: () => void;
}

function remembered(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'yes';
  } catch {
    return false; // storage blocked: the guide simply shows
  }
}
function remember(key: string) {
  try {
    localStorage.setItem(key, 'yes');
  } catch {
    // Storage blocked: nothing to keep, the guide shows again next time.
  }
}

function Guide({
  title,
  steps,
  storageKey,
}: {
  title: string;
  steps: Step[] | null;
  storageKey: string;
}) {
  const [dismissed, setDismissed] = useState(() => remembered(storageKey));
  if (dismissed || !steps || steps.every((s) => s.done)) return null;
  const done = steps.filter((s) => s.done).length;
  return (
    <Card
      title={title}
      description={`${done} of ${steps.length} done.`}
      footer={
        <Button
          variant="ghost"
          onClick={() => {
            remember(storageKey);
            setDismissed(true);
          }}
        >
          Hide this guide
        </Button>
      }
    >
      <ol className="space-y-3">
        {steps.map((step) => (
          <li key={step.label} className="flex items-start gap-3">
            {step.done ? (
              <Check size={18} aria-hidden className="mt-0.5 shrink-0 text-emerald-700" />
            ) : (
              <Circle size={18} aria-hidden className="mt-0.5 shrink-0 text-slate-400" />
            )}
            <div className="min-w-0">
              <p className={step.done ? 'text-slate-600 line-through' : 'font-medium'}>
                {step.done ? (
                  step.label
                ) : (
                  <Link
                    to={step.to}
                    params={step.params}
                    onClick={step.onFollow}
                    className="text-brand-800 underline"
                  >
                    {step.label}
                  </Link>
                )}
                <span className="sr-only">{step.done ? ' (done)' : ' (to do)'}</span>
              </p>
              <p className="text-sm text-slate-600">{step.detail}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Whether each of an owner's first steps is done, read from the business's own lists. */
function useOwnerProgress(businessId: string) {
  const params = { businessId };
  const audits = useQuery({
    queryKey: ['first-run', businessId, 'audits'],
    queryFn: () => api('GET /businesses/:businessId/audits', { params }),
  });
  const jobs = useQuery({
    queryKey: ['first-run', businessId, 'jobs'],
    queryFn: () => api('GET /businesses/:businessId/jobs', { params, query: { limit: 1 } }),
  });
  const members = useQuery({
    queryKey: ['first-run', businessId, 'members'],
    queryFn: () => api('GET /businesses/:businessId/members', { params }),
  });
  const invitations = useQuery({
    queryKey: ['first-run', businessId, 'invitations'],
    queryFn: () => api('GET /businesses/:businessId/invitations', { params }),
  });
  if (!audits.data || !jobs.data || !members.data || !invitations.data) return null;
  return {
    audit: audits.data.items.length > 0,
    job: jobs.data.items.length > 0,
    team: members.data.items.length > 1 || invitations.data.items.length > 0,
  };
}

function OwnerGuide({
  userId,
  businessId,
  name,
}: {
  userId: string;
  businessId: string;
  name: string;
}) {
  const progress = useOwnerProgress(businessId);
  const params = { businessId };
  const steps: Step[] | null = progress && [
    {
      label: 'Start an operations audit',
      detail: 'Log a few weeks of your own work; Handoff ranks what is worth handing off.',
      done: progress.audit,
      to: '/app/businesses/$businessId/audit',
      params,
    },
    {
      label: 'Write your first job',
      detail:
        'From a template or from an audit candidate, with a checker that flags what a professional would have to guess.',
      done: progress.job,
      to: '/app/businesses/$businessId/jobs/new',
      params,
    },
    {
      label: 'Invite your team',
      detail: 'Managers can run the work with you; viewers can follow along.',
      done: progress.team,
      to: '/app/businesses/$businessId/team',
      params,
    },
  ];
  return (
    <Guide
      title={`Get started with ${name}`}
      steps={steps}
      storageKey={`handoff.guide.${userId}.${businessId}`}
    />
  );
}

function ProfessionalGuide({
  userId,
  profile,
}: {
  userId: string;
  profile: NonNullable<Me['professionalProfile']>;
}) {
  const browsedKey = `handoff.guide.${userId}.browsed-board`;
  const steps: Step[] = [
    {
      label: 'Complete your profile',
      detail:
        'A headline and a few lines about your work: businesses read them before they invite you.',
      done: profile.headline.trim() !== '' && profile.bio.trim() !== '',
      to: PROFILE_PATH,
    },
    {
      label: 'Browse the job board',
      detail: 'Public jobs from businesses, with their budgets and deadlines.',
      done: remembered(browsedKey),
      to: '/jobs',
      onFollow: () => remember(browsedKey),
    },
  ];
  return (
    <Guide
      title="Get started as a professional"
      steps={steps}
      storageKey={`handoff.guide.${userId}.professional`}
    />
  );
}

/** The guides that apply to this person: one per business they own, and one as a professional. */
export function FirstRunGuides({ me }: { me: Me }) {
  const owned = me.memberships.filter((m) => m.role === 'owner');
  return (
    <>
      {owned.map((m) => (
        <OwnerGuide
          key={m.businessId}
          userId={me.user.id}
          businessId={m.businessId}
          name={m.businessName}
        />
      ))}
      {me.professionalProfile && (
        <ProfessionalGuide userId={me.user.id} profile={me.professionalProfile} />
      )}
    </>
  );
}
