/**
 * /alerts/confirm?token=...: shows what is being confirmed and a button. Opening the link confirms
 * nothing by itself: mail security scanners open links, and a scanner's visit must not count as
 * the person's consent.
 */
import type { Metadata } from 'next';
import { Link } from '../../components/link';
import { describeFrequency, previewConfirmation } from '../../../lib/alerts';
import { confirmAction, resendAction } from '../actions';

export const dynamic = 'force-dynamic';
// The token is in the URL: never send it to other sites as a Referer. (Not `no-referrer`: that makes
// browsers send `Origin: null` with the page's form posts, which Next's CSRF check refuses.)
export const metadata: Metadata = {
  title: 'Confirm your alert',
  robots: { index: false },
  referrer: 'same-origin',
};

export default async function ConfirmPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const preview = await previewConfirmation(value);
  if (preview.status === 'invalid') {
    return (
      <>
        <h1>This link does not work</h1>
        <p className="lede">
          It was already used, or it was mistyped. If you already confirmed, your alert is on.
        </p>
        <p>
          <Link href="/">Search remote jobs</Link>
        </p>
      </>
    );
  }
  if (preview.status === 'expired') {
    return (
      <>
        <h1>This confirmation link has expired</h1>
        <p className="lede">
          Links work for 7 days. Your alert for <strong>{preview.description}</strong> was not started.
        </p>
        <form action={resendAction}>
          <input type="hidden" name="token" value={value} />
          <button className="button" type="submit">
            Email me a new link
          </button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1>Confirm your job alert</h1>
      <p className="lede">
        <strong>{preview.description}</strong>
        <br />
        Sent {describeFrequency(preview.frequency)}
        {preview.frequency === 'instant' ? '' : ` (${preview.timezone})`}.
      </p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={value} />
        <button className="button" type="submit">
          Confirm the alert
        </button>
      </form>
    </>
  );
}
