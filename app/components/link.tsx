import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The site's internal link: Next's client-side navigation, without prefetching. Every page is
 * rendered per request (force-dynamic), so a prefetch can only fetch the shared layout, yet each link
 * that scrolls into view costs a request and main-thread work while the page is still loading (a
 * results page has some forty links). Navigation fetches the page when it is followed.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
