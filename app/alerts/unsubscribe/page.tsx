/**
 * /alerts/unsubscribe?token=...: a button that unsubscribes from every alert. The GET only asks:
 * link scanners and prefetchers open links, and must not unsubscribe anyone.
 */
import type { Metadata } from 'next';
import { Link } from '../../components/link';
import { unsubscribeAction } from '../actions';

export const dynamic = 'force-dynamic';
// The token is in the URL: never send it to other sites as a Referer. (Not `no-referrer`: that makes
// browsers send `Origin: null` with the page's form posts, which Next's CSRF check refuses.)
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false }, referrer: 'same-origin' };

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; done?: string | string[] }>;
}) {
  const { token, done } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  if (done === '1') {
    return (
      <>
        <h1>You are unsubscribed</h1>
        <p className="lede">
          Elsewhere will not email you again. Changed your mind? Create a new alert from any search.
        </p>
        <p>
          <Link href="/">Search remote jobs</Link>
        </p>
      </>
    );
  }
  if (done === '0') {
    return (
      <>
        <h1>This link does not work</h1>
        <p className="lede">It may be mistyped. Use the unsubscribe link of any recent alert email.</p>
      </>
    );
  }
  return (
    <>
      <h1>Unsubscribe from Elsewhere alerts?</h1>
      <p className="lede">
        This stops every saved search of this address. To stop only one, use the manage page.
      </p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={value} />
        <button className="button" type="submit">
          Unsubscribe from all alerts
        </button>
      </form>
      <p>
        <Link href={`/alerts/manage?token=${encodeURIComponent(value)}`}>Manage alerts instead</Link>
      </p>
    </>
  );
}
