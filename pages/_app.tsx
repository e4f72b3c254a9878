import type { AppProps } from 'next/app';
import Head from 'next/head';
import { SiteChrome } from '@/app/components/site-chrome';
import { SITE_NAME, THEME_COLORS } from '@/app/components/site-meta';
import '@/app/globals.css';

/** The frame and head tags every Pages Router page shares with the App Router's (app/layout.tsx). */
export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {THEME_COLORS.map(({ media, color }) => (
          <meta key={media} name="theme-color" content={color} media={media} />
        ))}
        <meta name="application-name" content={SITE_NAME} />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
      </Head>
      <SiteChrome>
        <Component {...pageProps} />
      </SiteChrome>
    </>
  );
}
