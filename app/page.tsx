import { getOverview } from '@/lib/stats/overview';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const overview = await getOverview();
  return (
    <>
      <h1>Remote jobs, straight from the source</h1>
      <p className="lede" data-testid="overview">
        <strong>{overview.openJobs.toLocaleString('en')}</strong> open remote jobs at{' '}
        <strong>{overview.hiringCompanies.toLocaleString('en')}</strong> companies hiring now, from a
        directory of <strong>{overview.companies.toLocaleString('en')}</strong> remote companies.
      </p>
    </>
  );
}
