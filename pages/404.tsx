import Head from 'next/head';
import NotFound from '@/app/not-found';
import { pageTitle } from '@/app/components/site-meta';

export const config = { unstable_runtimeJS: false };

/** A job page's unknown slug (its getServerSideProps says notFound): the App Router's 404, same words. */
export default function PageNotFound() {
  return (
    <>
      <Head>
        <title>{pageTitle('Page not found')}</title>
        <meta name="robots" content="noindex" />
      </Head>
      <NotFound />
    </>
  );
}
