'use client';
/**
 * The subscribe form. Without JavaScript it posts to the server action and the page comes back
 * with any errors (useActionState's progressive enhancement). With JavaScript the time zone is set
 * to the browser's, unless the visitor already chose one.
 */
import { useActionState, useEffect, useRef } from 'react';
import { subscribeAction, type SubscribeFormState } from '../actions';

export interface SubscribeFormProps {
  /** Canonical search parameters of the search to follow. */
  queryString: string;
  timeZones: string[];
}

const FREQUENCIES = [
  { value: 'instant', label: 'As they appear', hint: 'checked every 10 minutes' },
  { value: 'daily', label: 'Daily', hint: 'at 08:00 your time' },
  { value: 'weekly', label: 'Weekly', hint: 'Mondays at 08:00 your time' },
] as const;

const initialState: SubscribeFormState = {
  errors: [],
  message: null,
  values: { email: '', frequency: 'daily', timezone: 'UTC' },
};

export function SubscribeForm({ queryString, timeZones }: SubscribeFormProps) {
  const [state, formAction, pending] = useActionState(subscribeAction, initialState);
  const zoneRef = useRef<HTMLSelectElement>(null);
  const zoneTouched = useRef(false);

  useEffect(() => {
    const select = zoneRef.current;
    if (!select || zoneTouched.current || state.values.timezone !== 'UTC') return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && timeZones.includes(browserZone)) select.value = browserZone;
  }, [state.values.timezone, timeZones]);

  const errorFor = (field: string) =>
    state.errors.filter((error) => error.field === field || error.field.startsWith(`${field}.`));
  const emailErrors = errorFor('email');
  const otherErrors = state.errors.filter(
    (error) => !['email', 'frequency', 'timezone'].includes(error.field),
  );

  return (
    <form action={formAction} noValidate={false}>
      <input type="hidden" name="query" value={queryString} />
      {state.message ? (
        <div className="notice notice-error" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      {otherErrors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          {otherErrors.map((error) => (
            <p key={error.field}>
              {error.field}: {error.message}
            </p>
          ))}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="alert-email">Email address</label>
        <input
          id="alert-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={state.values.email}
          aria-invalid={emailErrors.length > 0 || undefined}
          aria-describedby={emailErrors.length > 0 ? 'alert-email-error' : undefined}
        />
        {emailErrors.length > 0 ? (
          <p id="alert-email-error" className="error-text">
            Email {emailErrors[0]!.message}
          </p>
        ) : null}
      </div>
      <fieldset className="field">
        <legend>How often</legend>
        {FREQUENCIES.map((frequency) => (
          <label key={frequency.value} className="check">
            <input
              type="radio"
              name="frequency"
              value={frequency.value}
              defaultChecked={(state.values.frequency || 'daily') === frequency.value}
            />
            {frequency.label} <span className="muted">({frequency.hint})</span>
          </label>
        ))}
        {errorFor('frequency').map((error) => (
          <p key={error.message} className="error-text">
            {error.message}
          </p>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="alert-timezone">Your time zone</label>
        <select
          id="alert-timezone"
          name="timezone"
          ref={zoneRef}
          defaultValue={state.values.timezone || 'UTC'}
          onChange={() => {
            zoneTouched.current = true;
          }}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        {errorFor('timezone').map((error) => (
          <p key={error.message} className="error-text">
            {error.message}
          </p>
        ))}
      </div>
      <p>
        <button className="button" type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Email me new jobs'}
        </button>
      </p>
      <p className="muted">
        We send one email to confirm first; nothing else until you click its link. Every email has a one-click
        unsubscribe link.
      </p>
    </form>
  );
}
