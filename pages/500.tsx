import Head from 'next/head';
import { Link } from '@/app/components/link';
import { pageTitle } from '@/app/components/site-meta';

export const config = { unstable_runtimeJS: false };

/**
 * A Pages Router page failed to render (most often: the database is unreachable). The App Router's
 * pages have app/error.tsx. "Try again" is a link to the same address, so it works without scripts.
 */
export default function ServerError() {
  return (
    <>
      <Head>
        <title>{pageTitle('Something went wrong')}</title>
        <meta name="robots" content="noindex" />
      </Head>
      <h1>Something went wrong</h1>
      <p className="lede">This page could not be loaded. Please try again in a moment.</p>
      <p>
        <a className="button" href="">
          Try again
        </a>{' '}
        or go to the <Link href="/">job search</Link>.
      </p>
    </>
  );
}
