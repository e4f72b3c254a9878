/**
 * Saved-search email alerts: subscriptions, digests, mailer (see README.md in this folder). The
 * worker's queue is in ./worker (imported by the process that starts the worker, not by pages).
 */
export {
  CHECK_INBOX_MESSAGE,
  CONFIRMATION_TTL_MS,
  MAX_EMAIL_LENGTH,
  alertRequestSchema,
  changeSavedSearch,
  confirmAlert,
  getManageView,
  listUnsubscribeHeaders,
  previewConfirmation,
  recipientLinks,
  requestAlert,
  resendConfirmation,
  unsubscribeAll,
  type AlertContext,
  type AlertFieldError,
  type AlertRequestInput,
  type AlertRequestResult,
  type ConfirmationPreview,
  type ConfirmationResult,
  type ManageResult,
  type ManageView,
  type ManagedSearch,
  type SavedSearchAction,
} from './subscriptions';
export {
  sendDueAlerts,
  retryDelayMs,
  SETTLE_MS,
  type SendDueAlertsOptions,
  type SendDueAlertsResult,
} from './send-due';
export {
  ALERT_FREQUENCIES,
  nextDeliveryAt,
  selectableTimeZones,
  canonicalTimeZone,
  type AlertFrequency,
} from './schedule';
export { describeFrequency, MAX_JOBS_PER_EMAIL, MAX_JOBS_PER_COMPANY } from './compose';
export { createMailer, getMailer, MailConfigurationError, type Mailer, type MailMessage } from './mailer';
export { listOutbox, readOutboxEntry, readOutboxRaw, outboxEnabled, type OutboxEntry } from './outbox';
