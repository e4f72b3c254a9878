import type { Metadata, Viewport } from 'next';
import { Link } from './components/link';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import './globals.css';

const DESCRIPTION =
  'Remote jobs straight from the companies’ own careers pages: know where you can apply from, see the salary, never the same job twice.';

export function generateMetadata(): Metadata {
  return {
    // Absolute URLs in canonical links and OpenGraph tags point at the public address.
    metadataBase: new URL(env().publicUrl),
    title: { default: 'Elsewhere — remote jobs from the source', template: '%s · Elsewhere' },
    description: DESCRIPTION,
    applicationName: 'Elsewhere',
    openGraph: {
      type: 'website',
      siteName: 'Elsewhere',
      locale: 'en',
      title: 'Elsewhere — remote jobs from the source',
      description: DESCRIPTION,
    },
    twitter: { card: 'summary' },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111315' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container header-row">
            <Link href="/" className="brand">
              Elsewhere
            </Link>
            <nav aria-label="Main">
              <ul className="nav-list">
                <li>
                  <Link href="/">Jobs</Link>
                </li>
                <li>
                  <Link href="/companies">Companies</Link>
                </li>
                <li>
                  <Link href="/status">Status</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              Jobs come straight from each company’s own careers page or job board. Company directory from{' '}
              <a href="https://github.com/remoteintech/remote-jobs">remoteintech/remote-jobs</a> (ISC).
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
