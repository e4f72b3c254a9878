/**
 * /alerts/manage?token=...: the subscriber's saved searches, reached from any alert email. Each can
 * be edited (frequency, time zone), paused, resumed or deleted; or unsubscribe from everything.
 */
import type { Metadata } from 'next';
import { Link } from '../../components/link';
import {
  describeFrequency,
  getManageView,
  selectableTimeZones,
  type ManagedSearch,
} from '../../../lib/alerts';
import { manageAction } from '../actions';

export const dynamic = 'force-dynamic';
// The token is in the URL: never send it to other sites as a Referer. (Not `no-referrer`: that makes
// browsers send `Origin: null` with the page's form posts, which Next's CSRF check refuses.)
export const metadata: Metadata = { title: 'Your alerts', robots: { index: false }, referrer: 'same-origin' };

const NOTICES: Record<string, string> = {
  confirmed: 'Your alert is confirmed. The first email comes when there are new jobs.',
  updated: 'Saved.',
  paused: 'Paused: no emails for that search until you resume it.',
  resumed: 'Resumed: new jobs from now on will be emailed.',
  deleted: 'Deleted.',
  failed: 'That change could not be made. Please try again.',
};

const STATUS_WORDS: Record<string, string> = {
  pending: 'Waiting for confirmation (see the email we sent)',
  active: 'On',
  paused: 'Paused',
};

function formatTime(date: Date | null, timeZone: string): string | null {
  if (!date) return null;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

export default async function ManagePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; notice?: string | string[] }>;
}) {
  const { token, notice } = await searchParams;
  const value = typeof token === 'string' ? token : '';
  const view = await getManageView(value);
  if (!view) {
    return (
      <>
        <h1>This link does not work</h1>
        <p className="lede">
          It may be mistyped. Use the “Manage your alerts” link of any recent alert email.
        </p>
      </>
    );
  }
  const zones = selectableTimeZones();
  const message = typeof notice === 'string' ? NOTICES[notice] : undefined;
  return (
    <>
      <h1>Your alerts</h1>
      <p className="lede">For {view.email}</p>
      {message ? (
        <div className={`notice${notice === 'failed' ? ' notice-error' : ''}`} role="status">
          <p>{message}</p>
        </div>
      ) : null}
      {view.searches.length === 0 ? (
        <p>No saved searches. Create one from any search with “Email me new jobs like these”.</p>
      ) : (
        view.searches.map((search) => (
          <SavedSearchItem key={search.id} search={search} token={value} zones={zones} />
        ))
      )}
      {view.searches.length > 0 ? (
        <>
          <h2>Stop everything</h2>
          <p>
            <Link href={`/alerts/unsubscribe?token=${encodeURIComponent(value)}`}>
              Unsubscribe from all alerts
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function SavedSearchItem({
  search,
  token,
  zones,
}: {
  search: ManagedSearch;
  token: string;
  zones: string[];
}) {
  const headingId = `search-${search.id}`;
  const next = search.status === 'active' ? formatTime(search.nextDeliveryAt, search.timezone) : null;
  return (
    <section className="notice" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <a href={search.searchUrl}>{search.description}</a>
      </h2>
      <p>
        {STATUS_WORDS[search.status] ?? search.status} · {describeFrequency(search.frequency)}
        {next ? ` · next check ${next} (${search.timezone})` : ''}
      </p>
      {search.lastDeliveryError ? (
        <p className="error-text">Last send failed: {search.lastDeliveryError}</p>
      ) : null}
      <form action={manageAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="id" value={search.id} />
        <input type="hidden" name="action" value="update" />
        <div className="field inline">
          <label htmlFor={`frequency-${search.id}`}>How often</label>
          <select id={`frequency-${search.id}`} name="frequency" defaultValue={search.frequency}>
            <option value="instant">As they appear</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </select>
          <label htmlFor={`timezone-${search.id}`}>Time zone</label>
          <select id={`timezone-${search.id}`} name="timezone" defaultValue={search.timezone}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <button className="button" type="submit">
            Save
          </button>
        </div>
      </form>
      {/* A row of one-button forms: each is a plain POST, so they all work without JavaScript. */}
      <div className="field inline">
        {search.status === 'active' || search.status === 'paused' ? (
          <ActionButton
            token={token}
            id={search.id}
            action={search.status === 'active' ? 'pause' : 'resume'}
          />
        ) : null}
        <ActionButton token={token} id={search.id} action="delete" />
      </div>
    </section>
  );
}

const ACTION_LABELS = { pause: 'Pause', resume: 'Resume', delete: 'Delete' } as const;

function ActionButton({
  token,
  id,
  action,
}: {
  token: string;
  id: number;
  action: keyof typeof ACTION_LABELS;
}) {
  return (
    <form action={manageAction}>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" aria-label={`${ACTION_LABELS[action]} this alert`}>
        {ACTION_LABELS[action]}
      </button>
    </form>
  );
}
