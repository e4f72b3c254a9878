import type { Metadata } from 'next';
import { CHECK_INBOX_MESSAGE } from '../../../lib/alerts';

export const metadata: Metadata = { title: 'Check your inbox', robots: { index: false } };

/** Shown after any subscribe request, whether or not the address was known (no enumeration). */
export default function CheckInboxPage() {
  return (
    <>
      <h1>Check your inbox</h1>
      <p className="lede">{CHECK_INBOX_MESSAGE}</p>
      <p className="muted">
        The link works for 7 days. Nothing arrived? Look in the spam folder, or ask again in a few minutes.
      </p>
    </>
  );
}
