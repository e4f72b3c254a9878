/**
 * "Follow this search": the feeds and the email alert for the search on screen. The feeds
 * (/feed.xml, /feed.atom, /feed.json) and /alerts/new take the same canonical JobQuery parameters.
 */
export function FollowSearch({ queryString }: { queryString: string }) {
  const suffix = queryString ? `?${queryString}` : '';
  return (
    <div className="follow">
      <h2 id="follow-heading">Follow this search</h2>
      <p>
        <a className="button" href={`/alerts/new${suffix}`}>
          Email me new jobs like these
        </a>
      </p>
      <p className="feeds">
        Or in a feed reader: <a href={`/feed.xml${suffix}`}>RSS</a> · <a href={`/feed.atom${suffix}`}>Atom</a>{' '}
        · <a href={`/feed.json${suffix}`}>JSON Feed</a>
      </p>
    </div>
  );
}
