/**
 * /dev/outbox/<id>: one outbox email, its headers, its HTML part in a sandboxed iframe (no scripts,
 * no same-origin access) and its plain-text part. `?raw=1` shows the .eml as sent. 404 in production.
 */
import type { Metadata } from 'next';
import { Link } from '../../../components/link';
import { notFound } from 'next/navigation';
import { outboxEnabled, readOutboxEntry, readOutboxRaw } from '../../../../lib/alerts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Outbox email (development)', robots: { index: false } };

export default async function OutboxEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ raw?: string | string[] }>;
}) {
  if (!outboxEnabled()) notFound();
  const { id } = await params;
  const { raw } = await searchParams;
  const entry = await readOutboxEntry(id);
  if (!entry) notFound();
  const eml = raw === '1' ? await readOutboxRaw(id) : null;
  return (
    <>
      <p>
        <Link href="/dev/outbox">← Outbox</Link>
      </p>
      <h1>{entry.subject}</h1>
      <dl>
        <dt>From</dt>
        <dd>{entry.from}</dd>
        <dt>To</dt>
        <dd>{entry.to}</dd>
        <dt>Date</dt>
        <dd>{entry.date}</dd>
        <dt>Message-ID</dt>
        <dd>{entry.messageId}</dd>
        {Object.entries(entry.headers).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h2>HTML</h2>
      <iframe
        title={`HTML part of “${entry.subject}”`}
        sandbox=""
        srcDoc={entry.html}
        width="100%"
        height="700"
      />
      <h2>Plain text</h2>
      <pre>{entry.text}</pre>
      <h2>Source</h2>
      {eml === null ? (
        <p>
          <Link href={`/dev/outbox/${entry.id}?raw=1`}>Show the .eml as it would be sent</Link>
        </p>
      ) : (
        <pre>{eml}</pre>
      )}
    </>
  );
}
