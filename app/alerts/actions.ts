'use server';
/**
 * The site's alert forms. Each calls the same lib/alerts verb as the JSON API, so the form and
 * `POST /api/v1/alerts` cannot disagree. Every form works without JavaScript (plain POSTs that
 * redirect, or useActionState's progressive enhancement).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientAddress } from '../../lib/api/client-address';
import {
  changeSavedSearch,
  confirmAlert,
  requestAlert,
  resendConfirmation,
  unsubscribeAll,
  type AlertFieldError,
} from '../../lib/alerts';
import { env } from '../../lib/env';

/** What the subscribe form shows after a refused submission. */
export interface SubscribeFormState {
  errors: AlertFieldError[];
  message: string | null;
  /** The values to put back in the form. */
  values: { email: string; frequency: string; timezone: string };
}

async function requestIp(): Promise<string> {
  return clientAddress(await headers(), { trustProxy: env().ELSEWHERE_TRUST_PROXY });
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

/** The subscribe form (/alerts/new). */
export async function subscribeAction(
  _previous: SubscribeFormState,
  form: FormData,
): Promise<SubscribeFormState> {
  const values = {
    email: text(form, 'email'),
    frequency: text(form, 'frequency'),
    timezone: text(form, 'timezone'),
  };
  let outcome;
  try {
    outcome = await requestAlert({ ...values, query: text(form, 'query') }, { ip: await requestIp() });
  } catch (error) {
    console.error('[alerts] subscribe failed:', error);
    return {
      errors: [],
      message: 'The confirmation email could not be sent right now. Please try again in a minute.',
      values,
    };
  }
  if (outcome.status === 'invalid') return { errors: outcome.errors, message: null, values };
  if (outcome.status === 'rate-limited') {
    return {
      errors: [],
      message: `Too many requests from your network. Please try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.`,
      values,
    };
  }
  redirect('/alerts/check-inbox');
}

/** The confirm button (/alerts/confirm). */
export async function confirmAction(form: FormData): Promise<void> {
  const token = text(form, 'token');
  const result = await confirmAlert(token);
  if (result.status === 'confirmed') redirect(`/alerts/manage?token=${result.manageToken}&notice=confirmed`);
  // Expired or unknown: the confirm page explains which, and offers a new link when it can.
  redirect(`/alerts/confirm?token=${encodeURIComponent(token)}`);
}

/** "Send me a new link" on an expired confirmation. */
export async function resendAction(form: FormData): Promise<void> {
  try {
    await resendConfirmation(text(form, 'token'), { ip: await requestIp() });
  } catch (error) {
    console.error('[alerts] resend failed:', error);
  }
  redirect('/alerts/check-inbox');
}

/** Edit, pause, resume or delete one saved search (/alerts/manage). */
export async function manageAction(form: FormData): Promise<void> {
  const token = text(form, 'token');
  const id = Number(text(form, 'id'));
  const action = text(form, 'action');
  const change =
    action === 'update'
      ? ({ action, frequency: text(form, 'frequency'), timezone: text(form, 'timezone') } as const)
      : action === 'pause' || action === 'resume' || action === 'delete'
        ? ({ action } as const)
        : null;
  const result = change && Number.isSafeInteger(id) ? await changeSavedSearch(token, id, change) : null;
  // update -> updated, pause -> paused, resume -> resumed, delete -> deleted.
  const notice = result?.ok ? `${action}d` : 'failed';
  redirect(`/alerts/manage?token=${encodeURIComponent(token)}&notice=${notice}`);
}

/** The unsubscribe page's button: a POST, never the GET that link scanners prefetch. */
export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = text(form, 'token');
  const done = await unsubscribeAll(token);
  redirect(`/alerts/unsubscribe?token=${encodeURIComponent(token)}&done=${done ? '1' : '0'}`);
}
