import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * Whether the Pages Router serves `href` (pages/: the search page and the job pages). The App
 * Router's client navigation asks for a page as RSC data; a Pages Router page answers with HTML, the
 * client falls back to a full load, and the page is rendered twice for one click. Those links are
 * plain anchors.
 */
function isPagesRoute(href: string): boolean {
  const path = href.split(/[?#]/, 1)[0];
  return path === '/' || path!.startsWith('/jobs/');
}

/**
 * The site's internal link. To an App Router page: Next's client-side navigation, without
 * prefetching (every page is rendered per request, so a prefetch can only fetch the shared layout,
 * yet each link that scrolls into view costs a request and main-thread work while the page is still
 * loading). To a Pages Router page: a plain anchor. On Pages Router pages, which ship no runtime,
 * every link is a plain anchor in effect.
 */
export function Link({ href, ...props }: Omit<ComponentProps<'a'>, 'href'> & { href: string }) {
  if (isPagesRoute(href)) return <a href={href} {...props} />;
  return <NextLink href={href} prefetch={false} {...props} />;
}
