import type { ReactNode } from 'react';
import { Link } from './link';

/**
 * Every page's frame: skip link, header with the main navigation, the page in `main`, and the footer
 * with the directory's credit. One component for both routers: the App Router's root layout and the
 * Pages Router's `_app` (pages/README.md says which pages live where, and why).
 */
export function SiteChrome({ children }: { children: ReactNode }) {
  return (
    <>
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
    </>
  );
}
