/**
 * /alerts/new?<search parameters>: "Email me new jobs like these" for the search in the URL.
 */
import type { Metadata } from 'next';
import { Link } from '../../components/link';
import { selectableTimeZones } from '../../../lib/alerts';
import { describeJobQuery, jobQueryToSearchParams, parseJobQuery } from '../../../lib/search/query';
import { SubscribeForm } from './subscribe-form';

export const metadata: Metadata = { title: 'Email alert', robots: { index: false } };

export default async function NewAlertPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = parseJobQuery(await searchParams);
  if (!parsed.ok) {
    return (
      <>
        <h1>Email alert</h1>
        <div className="notice notice-error" role="alert">
          <p>This search has parameters Elsewhere does not understand:</p>
          <ul>
            {parsed.errors.map((error) => (
              <li key={error.parameter}>
                <code>{error.parameter}</code>: {error.message}
              </li>
            ))}
          </ul>
        </div>
        <p>
          <Link href="/">Start a new search</Link>
        </p>
      </>
    );
  }
  // Paging and sorting do not change which jobs are new; the saved search leaves them out.
  const query = {
    ...parsed.query,
    page: 1,
    sort: parsed.query.q ? ('relevance' as const) : ('newest' as const),
  };
  const queryString = jobQueryToSearchParams(query).toString();
  return (
    <>
      <h1>Email me new jobs like these</h1>
      <p className="lede">
        <strong>{describeJobQuery(query)}</strong> ·{' '}
        <Link href={`/${queryString ? `?${queryString}` : ''}`}>see the search</Link>
      </p>
      <SubscribeForm queryString={queryString} timeZones={selectableTimeZones()} />
    </>
  );
}
