/** What every page's head says about the site, for both routers (app/layout.tsx, pages/_app.tsx). */

export const SITE_NAME = 'Elsewhere';

/** The home page's title, and every other page's default. */
export const SITE_TITLE = 'Elsewhere — remote jobs from the source';

/** A page's own title within the site's: `%s · Elsewhere`. */
export function pageTitle(title: string): string {
  return `${title} · ${SITE_NAME}`;
}

export const SITE_DESCRIPTION =
  'Remote jobs straight from the companies’ own careers pages: know where you can apply from, see the salary, never the same job twice.';

/** The browser chrome's colour, light and dark like the pages (globals.css). */
export const THEME_COLORS: { media: string; color: string }[] = [
  { media: '(prefers-color-scheme: light)', color: '#ffffff' },
  { media: '(prefers-color-scheme: dark)', color: '#111315' },
];
