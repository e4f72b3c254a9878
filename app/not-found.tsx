import type { Metadata } from 'next';
import { Link } from './components/link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p className="lede">
        There is nothing at this address. The job or company may have been removed, or the link may be
        mistyped.
      </p>
      <p>
        <Link className="button" href="/">
          Search remote jobs
        </Link>{' '}
        or browse <Link href="/companies">companies</Link>.
      </p>
    </>
  );
}
