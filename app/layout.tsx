import type { Metadata, Viewport } from 'next';
import { SiteChrome } from './components/site-chrome';
import { pageTitle, SITE_DESCRIPTION, SITE_NAME, SITE_TITLE, THEME_COLORS } from './components/site-meta';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import './globals.css';

export function generateMetadata(): Metadata {
  return {
    // Absolute URLs in canonical links and OpenGraph tags point at the public address.
    metadataBase: new URL(env().publicUrl),
    title: { default: SITE_TITLE, template: pageTitle('%s') },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    openGraph: {
      type: 'website',
      siteName: SITE_NAME,
      locale: 'en',
      title: SITE_TITLE,
      description: SITE_DESCRIPTION,
    },
    twitter: { card: 'summary' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: THEME_COLORS,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SiteChrome>{children}</SiteChrome>
      </body>
    </html>
  );
}
