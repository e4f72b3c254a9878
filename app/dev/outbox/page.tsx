/**
 * /dev/outbox: the emails Elsewhere would have sent, when SMTP_URL is unset outside production
 * (written to <data dir>/outbox by lib/alerts/mailer.ts). 404 in production.
 */
import type { Metadata } from 'next';
import { Link } from '../../components/link';
import { notFound } from 'next/navigation';
import { listOutbox, outboxEnabled } from '../../../lib/alerts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outbox (development)', robots: { index: false } };

export default async function OutboxPage() {
  if (!outboxEnabled()) notFound();
  const entries = await listOutbox();
  return (
    <>
      <h1>Outbox</h1>
      <p className="lede">
        Emails written instead of sent, because SMTP_URL is not set. Newest first; each is also an .eml file
        in the data dir’s outbox folder.
      </p>
      {entries.length === 0 ? (
        <p>No emails yet. Ask for an alert from any search to see its confirmation email here.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{new Date(entry.date).toISOString().replace('T', ' ').slice(0, 19)} UTC</td>
                  <td>{entry.to}</td>
                  <td>
                    <Link href={`/dev/outbox/${entry.id}`}>{entry.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
