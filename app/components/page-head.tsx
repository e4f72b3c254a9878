import Head from 'next/head';
import { pageTitle, SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from './site-meta';

/** A feed of the page's content, announced in the head for feed readers. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  /** Site-relative: `/feed.xml?q=rust`. */
  href: string;
  title: string;
}

export interface PageHeadProps {
  /** The site's public address (env ELSEWHERE_PUBLIC_URL): canonical and OpenGraph URLs are absolute. */
  siteUrl: string;
  /** The page's own title, shown as "<title> · Elsewhere"; null for the site's own title. */
  title: string | null;
  description?: string;
  /** Site-relative path of the page's canonical address. */
  canonicalPath: string;
  /** Keep the page out of search indexes (links on it are still followed). */
  noindex?: boolean;
  openGraphType?: 'website' | 'article';
  feeds?: readonly FeedLink[];
}

/**
 * The head of a Pages Router page: the same tags the App Router's metadata gives the other pages
 * (app/layout.tsx), from one set of props.
 */
export function PageHead({
  siteUrl,
  title,
  description = SITE_DESCRIPTION,
  canonicalPath,
  noindex = false,
  openGraphType = 'website',
  feeds = [],
}: PageHeadProps) {
  const canonical = new URL(canonicalPath, siteUrl).href;
  const shownTitle = title ?? SITE_TITLE;
  return (
    <Head>
      <title>{title === null ? SITE_TITLE : pageTitle(title)}</title>
      <meta name="description" content={description} />
      {noindex ? <meta name="robots" content="noindex, follow" /> : null}
      <link rel="canonical" href={canonical} />
      {feeds.map((feed) => (
        <link
          key={feed.type}
          rel="alternate"
          type={feed.type}
          href={new URL(feed.href, siteUrl).href}
          title={feed.title}
        />
      ))}
      <meta property="og:title" content={shownTitle} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:locale" content="en" />
      <meta property="og:type" content={openGraphType} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={shownTitle} />
      <meta name="twitter:description" content={description} />
    </Head>
  );
}
