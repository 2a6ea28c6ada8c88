import type { ImportResult } from '../../../core/contracts/audit.ts';
import { Alert } from '../../ui/feedback.tsx';
import { plural } from './audit-format.ts';

function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${tone ?? 'text-slate-900'}`}>
        {value.toLocaleString()}
      </dd>
    </div>
  );
}

/** What an import did: rows read, imported, skipped as duplicates, and each failed row's reason. */
export function ImportReport({ result }: { result: ImportResult }) {
  return (
    <div className="space-y-3">
      <Alert tone={result.imported > 0 ? 'success' : result.failed > 0 ? 'warning' : 'info'}>
        {result.imported > 0
          ? `Imported ${plural(result.imported, 'entry', 'entries')} from ${plural(result.rows, 'row')}.`
          : result.duplicates > 0
            ? 'Nothing new: every good row was already in the audit.'
            : 'No entries were imported.'}
        {result.failed > 0 &&
          ' The rows below were skipped; fix them in the file and import it again — rows already imported are not duplicated.'}
      </Alert>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Count label="Rows read" value={result.rows} />
        <Count label="Imported" value={result.imported} tone="text-emerald-800" />
        <Count label="Duplicates skipped" value={result.duplicates} />
        <Count
          label="Failed"
          value={result.failed}
          tone={result.failed ? 'text-red-700' : undefined}
        />
      </dl>
      {result.errors.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Rows that failed</h3>
          <div
            className="mt-2 max-h-80 overflow-auto rounded-md ring-1 ring-slate-200"
            role="region"
            aria-label="Rows that failed"
            tabIndex={0}
          >
            <table className="w-full text-left text-sm">
              <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="w-20 px-3 py-2 font-semibold">
                    Row
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Reason
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.errors.map((e) => (
                  <tr key={e.row}>
                    <td className="px-3 py-1.5 text-slate-700 tabular-nums">{e.row}</td>
                    <td className="px-3 py-1.5 text-slate-900">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-1 text-xs text-slate-600">
            Row 1 is the first row after the header.
            {result.errorsTruncated &&
              ` Only the first ${result.errors.length.toLocaleString()} of ${result.failed.toLocaleString()} failures are listed.`}
          </p>
        </div>
      )}
    </div>
  );
}
