import type { Metadata } from 'next';
import { Link } from '../components/link';
import { formatDateTime, formatSpan } from '../components/format';
import { getStatusReport, type SourceStatusState } from '@/lib/site/status';
import { sourceKindLabel } from '@/lib/sources/kind-labels';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Scraper status',
  description:
    'Every job board Elsewhere checks: when it last ran, what it found, and which ones are failing.',
  alternates: { canonical: '/status' },
  openGraph: { title: 'Scraper status', url: '/status' },
};

const STATE_LABELS: Record<SourceStatusState, string> = {
  failing: 'Failing',
  'never-run': 'Never run',
  ok: 'OK',
  disabled: 'Paused',
};

export default async function StatusPage() {
  const report = await getStatusReport();
  const now = report.generatedAt.getTime();
  const { summary } = report;
  return (
    <>
      <h1>Scraper status</h1>
      <ul className="summary" aria-label="Summary">
        <li>
          <strong>{summary.total}</strong> sources
        </li>
        <li className="state-ok">
          <strong>{summary.ok}</strong> OK
        </li>
        <li className="state-failing">
          <strong>{summary.failing}</strong> failing
        </li>
        <li>
          <strong>{summary['never-run']}</strong> never run
        </li>
        {summary.disabled > 0 ? (
          <li>
            <strong>{summary.disabled}</strong> paused
          </li>
        ) : null}
      </ul>
      {report.sources.length === 0 ? (
        <p>
          No sources yet. Add companies with <code>npx elsewhere companies add</code>.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="status-table" data-testid="status-table">
            <caption className="visually-hidden">Sources, failing first</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Last run</th>
                <th scope="col">Seen / new / updated / closed</th>
                <th scope="col">Failures in a row</th>
                <th scope="col">Next run</th>
              </tr>
            </thead>
            <tbody>
              {report.sources.map((source) => (
                <tr key={source.id}>
                  <th scope="row">
                    <Link href={`/companies/${source.companySlug}`}>{source.companyName}</Link>
                    <span className="muted">
                      {' '}
                      {sourceKindLabel(source.kind)} · {source.board}
                    </span>
                  </th>
                  <td>
                    <span className={`state state-${source.state}`}>{STATE_LABELS[source.state]}</span>
                    {source.lastError && source.state === 'failing' ? (
                      <span className="error-text">{source.lastError}</span>
                    ) : null}
                  </td>
                  <td>
                    {source.lastRunAt ? (
                      <time dateTime={source.lastRunAt.toISOString()}>
                        {formatDateTime(source.lastRunAt)}
                      </time>
                    ) : (
                      'Never'
                    )}
                  </td>
                  <td>
                    {source.lastRun
                      ? `${source.lastRun.seen} / ${source.lastRun.new} / ${source.lastRun.updated} / ${source.lastRun.closed}`
                      : '—'}
                  </td>
                  <td>{source.failureStreak}</td>
                  <td>
                    {!source.enabled || !source.nextRunAt ? (
                      '—'
                    ) : source.nextRunAt.getTime() <= now ? (
                      'Due now'
                    ) : (
                      <time dateTime={source.nextRunAt.toISOString()}>
                        in {formatSpan(source.nextRunAt.getTime() - now)}
                      </time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
