/**
 * Sending email: nodemailer over SMTP_URL; without it (outside production) into the development
 * outbox (outbox.ts). `send` resolves only once the SMTP server accepted the message, which is what
 * lets callers record a delivery only after acceptance.
 */
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { env } from '../env';
import { outboxDir, writeOutboxEntry } from './outbox';

/** One email to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe...). */
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
}

export interface Mailer {
  /** `smtp` or `outbox`. */
  readonly kind: 'smtp' | 'outbox';
  /** Send one email; resolves once accepted, rejects with the server's reply otherwise. */
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

/** Raised when email cannot be sent at all with this configuration. */
export class MailConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailConfigurationError';
  }
}

export interface MailerOptions {
  /** @default env().SMTP_URL */
  smtpUrl?: string;
  /** @default env().MAIL_FROM, else "Elsewhere <alerts@localhost>" */
  from?: string;
  /** Where the outbox is written when there is no SMTP URL. @default <data dir>/outbox */
  outboxDir?: string;
  /** Allow the outbox in production (never: production without SMTP_URL is a configuration error). */
  production?: boolean;
}

const DEFAULT_FROM = 'Elsewhere <alerts@localhost>';

/** The From address of alert emails. */
export function mailFrom(): string {
  return env().MAIL_FROM ?? DEFAULT_FROM;
}

/** The domain of an address like `Elsewhere <alerts@jobs.example.com>`. */
export function addressDomain(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match ? match[1]!.toLowerCase() : 'localhost';
}

/** A mailer for the given (or the environment's) configuration. */
export function createMailer(options: MailerOptions = {}): Mailer {
  const smtpUrl = options.smtpUrl ?? env().SMTP_URL;
  const from = options.from ?? mailFrom();
  if (smtpUrl) return smtpMailer(smtpUrl, from);
  if (options.production ?? env().production) {
    throw new MailConfigurationError(
      'SMTP_URL is not set: alert emails cannot be sent in production without it.',
    );
  }
  return outboxMailer(options.outboxDir ?? outboxDir(), from);
}

function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    // Fail a dead server in seconds, not nodemailer's minutes: a failed send is retried later anyway.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      const raw = info.message as Buffer;
      await writeOutboxEntry(
        dir,
        {
          id: `${Date.now()}-${randomBytes(6).toString('hex')}`,
          messageId: info.messageId,
          date: new Date().toISOString(),
          from,
          to: message.to,
          subject: message.subject,
          headers: message.headers ?? {},
          text: message.text,
          html: message.html,
        },
        raw,
      );
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

let current: Mailer | null = null;

/** The process's mailer, created on first use from the environment. */
export function getMailer(): Mailer {
  current ??= createMailer();
  return current;
}
