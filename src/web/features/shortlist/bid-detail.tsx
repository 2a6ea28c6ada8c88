/**
 * The whole bid, opened from its card: the list carries only an excerpt of the cover letter so
 * that a job with hundreds of bids stays one small response; the letter, answers, milestones
 * and files are read when the owner opens this, once per bid (cached with the list's key).
 */
import { formatMoney } from '../../../core/money.ts';
import { errorMessage } from '../../api.ts';
import { formatDay } from '../../format.ts';
import { Alert, Spinner } from '../../ui/feedback.tsx';
import { bidAttachmentUrl, useBidDetail } from './shortlist-queries.ts';

export function BidDetail({
  businessId,
  jobId,
  bidId,
}: {
  businessId: string;
  jobId: string;
  bidId: string;
}) {
  const detail = useBidDetail(businessId, jobId, bidId);
  if (detail.isPending)
    return (
      <div className="mt-2">
        <Spinner small label="Loading the bid…" />
      </div>
    );
  if (detail.isError) return <Alert tone="error">{errorMessage(detail.error)}</Alert>;
  const bid = detail.data;
  return (
    <div className="mt-2 space-y-3 text-slate-700" data-testid="bid-detail">
      <section>
        <h4 className="font-medium text-slate-900">Cover letter</h4>
        <p className="whitespace-pre-line">{bid.coverLetter || 'No cover letter.'}</p>
      </section>
      {bid.milestones.length > 0 && (
        <section>
          <h4 className="font-medium text-slate-900">Milestones</h4>
          <ol className="list-decimal space-y-1 pl-5">
            {bid.milestones.map((m, i) => (
              <li key={i}>
                {m.title}: {formatMoney({ amount: m.amount, currency: bid.terms.currency })}
                {m.dueDate && `, due ${formatDay(m.dueDate)}`}
              </li>
            ))}
          </ol>
        </section>
      )}
      {bid.answers.length > 0 && (
        <section>
          <h4 className="font-medium text-slate-900">Answers</h4>
          <dl className="space-y-2">
            {bid.answers.map((a, i) => (
              <div key={i}>
                <dt className="font-medium">{a.question}</dt>
                <dd className="whitespace-pre-line">{a.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {bid.attachments.length > 0 && (
        <section>
          <h4 className="font-medium text-slate-900">Files</h4>
          <ul className="space-y-1">
            {bid.attachments.map((f) => (
              <li key={f.id}>
                <a
                  className="text-brand-700 underline"
                  href={bidAttachmentUrl(businessId, jobId, bidId, f.id)}
                  download
                >
                  {f.name}
                </a>{' '}
                <span className="text-slate-600">({Math.ceil(f.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
