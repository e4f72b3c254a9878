'use client';

import { Link } from './components/link';

/** A page failed to render (most often: the database is unreachable). */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="lede">This page could not be loaded. Please try again in a moment.</p>
      {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{' '}
        or go to the <Link href="/">job search</Link>.
      </p>
    </>
  );
}
