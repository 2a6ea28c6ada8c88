/**
 * One trial's submissions side by side: a column per professional with their status, notes,
 * links, files and the rubric scores with the weighted total, and a scoring form under each
 * submission. On a phone the columns stack.
 */
import { Download, ExternalLink } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Trial, TrialParticipant } from '../../../core/contracts/trials.ts';
import { MAX_CRITERION_POINTS, trialScore, weightShares } from '../../../core/trial-score.ts';
import { errorMessage } from '../../api.ts';
import { formatBytes, formatDateTime } from '../../format.ts';
import { Badge, type BadgeTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Alert } from '../../ui/feedback.tsx';
import { SelectField, TextAreaField } from '../../ui/fields.tsx';
import { trialFileUrl, useScoreTrial } from './trial-queries.ts';

const STATUS: Record<TrialParticipant['status'], { label: string; tone: BadgeTone }> = {
  invited: { label: 'Invited', tone: 'outline' },
  accepted: { label: 'Accepted', tone: 'neutral' },
  declined: { label: 'Declined', tone: 'muted' },
  submitted: { label: 'Submitted', tone: 'success' },
  closed: { label: 'Closed', tone: 'muted' },
};

export function ParticipantStatus({ p }: { p: Pick<TrialParticipant, 'status' | 'late'> }) {
  return (
    <span className="inline-flex gap-1">
      <Badge tone={STATUS[p.status].tone} srLabel="Status">
        {STATUS[p.status].label}
      </Badge>
      {p.late && <Badge tone="warning">Late</Badge>}
    </span>
  );
}

function ScoreForm({
  businessId,
  trial,
  p,
  canScore,
}: {
  businessId: string;
  trial: Trial;
  p: TrialParticipant;
  canScore: boolean;
}) {
  const score = useScoreTrial(businessId, trial.jobId);
  const [points, setPoints] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      trial.rubric.map((c) => [c.id, p.criterionScores?.[c.id]?.toString() ?? '']),
    ),
  );
  const [comment, setComment] = useState(p.scoreComment ?? '');
  const shares = weightShares(trial.rubric);
  const complete = trial.rubric.every((c) => points[c.id] !== '');
  const numbers = Object.fromEntries(trial.rubric.map((c) => [c.id, Number(points[c.id])]));
  // The total as it will be saved, recomputed as points are picked.
  const preview = complete ? trialScore(trial.rubric, numbers) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    score.mutate({
      trialId: trial.id,
      professionalId: p.professional.id,
      criterionScores: numbers,
      comment,
    });
  }

  return (
    <form className="space-y-2" onSubmit={submit} aria-label={`Score for ${p.professional.name}`}>
      {trial.rubric.map((c) => (
        <SelectField
          key={c.id}
          label={`${c.label} (${shares[c.id]} %)`}
          value={points[c.id]}
          disabled={!canScore}
          onChange={(e) => setPoints({ ...points, [c.id]: e.target.value })}
          options={[
            { value: '', label: 'Not scored' },
            ...Array.from({ length: MAX_CRITERION_POINTS + 1 }, (_, n) => ({
              value: String(n),
              label: `${n} of ${MAX_CRITERION_POINTS}`,
            })),
          ]}
        />
      ))}
      <p className="text-sm font-semibold text-slate-900" aria-live="polite">
        Weighted score: {preview === null ? '—' : `${preview} / 100`}
      </p>
      {canScore && (
        <>
          <TextAreaField
            label="Comment (for your team)"
            rows={2}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
          {score.isError && <Alert>{errorMessage(score.error)}</Alert>}
          {score.isSuccess && !score.isPending && <Alert tone="success">Score saved.</Alert>}
          <Button type="submit" busy={score.isPending} disabled={!complete}>
            Save score
          </Button>
        </>
      )}
    </form>
  );
}

export function TrialCompare({
  businessId,
  trial,
  timeZone,
  canScore,
}: {
  businessId: string;
  trial: Trial;
  timeZone: string | undefined;
  canScore: boolean;
}) {
  const columns = trial.participants.length;
  return (
    <div
      className={`grid gap-4 ${columns >= 3 ? 'lg:grid-cols-3' : ''} ${columns >= 2 ? 'md:grid-cols-2' : ''}`}
    >
      {trial.participants.map((p) => (
        <section
          key={p.professional.id}
          aria-label={`${p.professional.name}’s submission`}
          className="space-y-3 rounded-md p-4 ring-1 ring-slate-200"
        >
          <header className="space-y-1">
            <h3 className="font-semibold text-slate-900">{p.professional.name}</h3>
            <ParticipantStatus p={p} />
            {p.submittedAt && (
              <p className="text-xs text-slate-600">
                Submitted {formatDateTime(p.submittedAt, timeZone)}
              </p>
            )}
            {p.status === 'declined' && p.declineReason && (
              <p className="text-sm text-slate-700">Reason: {p.declineReason}</p>
            )}
            {p.score !== null && (
              <p className="text-sm font-semibold text-slate-900">Score {p.score} / 100</p>
            )}
          </header>
          {p.status === 'submitted' ? (
            <>
              <div>
                <h4 className="text-sm font-medium text-slate-900">Notes</h4>
                <p className="text-sm whitespace-pre-wrap text-slate-800">
                  {p.notes.trim() || 'No notes.'}
                </p>
              </div>
              {p.links.length > 0 && (
                <div>
                  <h4 className="text-sm font-medium text-slate-900">Links</h4>
                  <ul className="space-y-1">
                    {p.links.map((link) => (
                      <li key={link}>
                        <a
                          href={link}
                          rel="noopener noreferrer nofollow"
                          target="_blank"
                          className="inline-flex items-center gap-1 text-sm break-all text-brand-700 underline"
                        >
                          {link} <ExternalLink size={12} aria-hidden />
                          <span className="sr-only">(opens in a new tab)</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {p.files.length > 0 && (
                <div>
                  <h4 className="text-sm font-medium text-slate-900">Files</h4>
                  <ul className="space-y-1">
                    {p.files.map((f) => (
                      <li key={f.id}>
                        <a
                          href={trialFileUrl(businessId, trial.jobId, trial.id, f.id)}
                          download={f.name}
                          className="inline-flex items-center gap-1 text-sm text-brand-700 underline"
                        >
                          {f.name} <Download size={12} aria-hidden />
                        </a>{' '}
                        <span className="text-xs text-slate-600">{formatBytes(f.size)}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <ScoreForm businessId={businessId} trial={trial} p={p} canScore={canScore} />
            </>
          ) : (
            <p className="text-sm text-slate-600">Nothing submitted yet.</p>
          )}
        </section>
      ))}
    </div>
  );
}
