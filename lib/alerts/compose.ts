/**
 * The words and markup of alert emails: pure functions from what to say to {subject, text, html}.
 * Every email has a plain-text part and a simple HTML part (a single-column table with inline styles,
 * which is what mail clients render reliably), and a footer with manage and unsubscribe links.
 */
import type { JobSummary } from '../search/engine';
import { html, safeUrl, type SafeHtml } from './html';
import type { AlertFrequency } from './schedule';

/** Most jobs in one email. */
export const MAX_JOBS_PER_EMAIL = 25;
/** Most jobs of one company in one email, so one big hiring round cannot fill a digest. */
export const MAX_JOBS_PER_COMPANY = 3;
/** Longest subject line, in characters (longer ones are cut on a word with an ellipsis). */
const MAX_SUBJECT_LENGTH = 120;

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** The links every email carries for its recipient. */
export interface RecipientLinks {
  /** Page to see, edit, pause and delete saved searches. */
  manageUrl: string;
  /** Page with the unsubscribe button (GET never unsubscribes). */
  unsubscribeUrl: string;
}

/**
 * The items an email shows, in the given order (newest first): at most `maxJobs`, at most
 * `maxPerCompany` of any one company.
 */
export function selectDigestJobs<T>(
  items: readonly T[],
  companyOf: (item: T) => string,
  { maxJobs = MAX_JOBS_PER_EMAIL, maxPerCompany = MAX_JOBS_PER_COMPANY } = {},
): T[] {
  const perCompany = new Map<string, number>();
  const chosen: T[] = [];
  for (const item of items) {
    if (chosen.length >= maxJobs) break;
    const company = companyOf(item);
    const count = perCompany.get(company) ?? 0;
    if (count >= maxPerCompany) continue;
    perCompany.set(company, count + 1);
    chosen.push(item);
  }
  return chosen;
}

/**
 * "7 new remote Rust jobs open to Portugal", from describeJobQuery's "Remote Rust jobs open to
 * Portugal"; singular for one job.
 */
export function digestSubject(count: number, description: string): string {
  let words = description.charAt(0).toLowerCase() + description.slice(1);
  if (count === 1) words = words.replace(/\bjobs\b/, 'job');
  return truncate(`${count} new ${words}`, MAX_SUBJECT_LENGTH);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

const FREQUENCY_WORDS: Record<AlertFrequency, string> = {
  instant: 'as soon as they appear (checked every 10 minutes)',
  daily: 'once a day, at 08:00 your time',
  weekly: 'once a week, on Monday at 08:00 your time',
};

/** How often, in words, for emails and pages. */
export function describeFrequency(frequency: AlertFrequency): string {
  return FREQUENCY_WORDS[frequency];
}

export interface ConfirmationEmailInput {
  /** describeJobQuery of the saved search. */
  description: string;
  frequency: AlertFrequency;
  timezone: string;
  confirmUrl: string;
  /** The search on the site. */
  searchUrl: string;
  links: RecipientLinks;
  /** Days the confirmation link stays valid. */
  expiresInDays: number;
}

/** The double opt-in email: the only email sent before the subscriber confirms. */
export function confirmationEmail(input: ConfirmationEmailInput): EmailContent {
  const subject = truncate(`Confirm your job alert: ${input.description}`, MAX_SUBJECT_LENGTH);
  const when = `${describeFrequency(input.frequency)}${input.frequency === 'instant' ? '' : ` (${input.timezone})`}`;
  const text = [
    'Please confirm your Elsewhere job alert:',
    '',
    `  ${input.description}`,
    `  Sent ${when}`,
    '',
    `Confirm: ${input.confirmUrl}`,
    '',
    `The link works for ${input.expiresInDays} days. If you did not ask for this, ignore this email:`,
    'nothing more will be sent.',
    '',
    `See the search: ${input.searchUrl}`,
    ...textFooter(input.links),
  ].join('\n');
  const body = html` ${paragraph(html`Please confirm your Elsewhere job alert:`)}
    ${paragraph(html`<strong>${input.description}</strong><br />Sent ${when}`)}
    <tr>
      <td style="padding:8px 0 16px">
        <a
          href="${safeUrl(input.confirmUrl)}"
          style="display:inline-block;background:#0b57d0;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px"
          >Confirm the alert</a
        >
      </td>
    </tr>
    ${paragraph(
      html`The link works for ${input.expiresInDays} days. If you did not ask for this, ignore this email:
      nothing more will be sent.`,
      '#545a61',
    )}
    ${paragraph(html`<a href="${safeUrl(input.searchUrl)}" style="color:#0b57d0">See the search on Elsewhere</a>`)}`;
  return { subject, text, html: layout(subject, body, input.links) };
}

export interface DigestEmailInput {
  description: string;
  /** The jobs to list (already capped with selectDigestJobs), newest first. */
  jobs: readonly JobSummary[];
  /** New matching jobs in all, shown or not. */
  total: number;
  /** The search on the site, newest first. */
  searchUrl: string;
  links: RecipientLinks;
}

/** A digest of new jobs for one saved search. */
export function digestEmail(input: DigestEmailInput): EmailContent {
  const subject = digestSubject(input.total, input.description);
  const more = input.total > input.jobs.length;
  const text = [
    `${subject}.`,
    '',
    ...input.jobs.flatMap((job) => [
      `${job.title} — ${job.company.name}`,
      ...[job.locationText, formatSalary(job)]
        .filter((line): line is string => Boolean(line))
        .map((line) => `  ${line}`),
      `  ${job.url}`,
      '',
    ]),
    more ? `See all ${input.total}: ${input.searchUrl}` : `See the search: ${input.searchUrl}`,
    ...textFooter(input.links),
  ].join('\n');
  const rows = input.jobs.map((job) => {
    const details = [job.locationText, formatSalary(job)].filter(Boolean).join(' · ');
    return html` <tr>
      <td style="padding:12px 0;border-top:1px solid #dde1e5">
        <a
          href="${safeUrl(job.url)}"
          style="color:#0b57d0;font-size:17px;font-weight:bold;text-decoration:none"
          >${job.title}</a
        ><br />
        <span style="color:#16181a">${job.company.name}</span
        >${details ? html`<br /><span style="color:#545a61;font-size:14px">${details}</span>` : ''}
      </td>
    </tr>`;
  });
  const body = html` <tr>
      <td style="padding:0 0 8px">
        <h1 style="margin:0;font-size:20px;line-height:1.3;color:#16181a">${subject}</h1>
      </td>
    </tr>
    ${rows}
    <tr>
      <td style="padding:16px 0;border-top:1px solid #dde1e5">
        <a href="${safeUrl(input.searchUrl)}" style="color:#0b57d0;font-weight:bold"
          >${more ? `See all ${input.total} new jobs` : 'See the search on Elsewhere'}</a
        >
      </td>
    </tr>`;
  return { subject, text, html: layout(subject, body, input.links) };
}

/** "€60,000 – €80,000 a year", "$50 an hour"; null without a stated salary. */
export function formatSalary(job: Pick<JobSummary, 'salary'>): string | null {
  const salary = job.salary;
  if (!salary || (salary.min === null && salary.max === null)) return null;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: salary.currency,
      maximumFractionDigits: 0,
    });
  } catch {
    // An unknown currency code: show it as is rather than fail the email.
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  }
  const range =
    salary.min !== null && salary.max !== null && salary.min !== salary.max
      ? format.formatRange(salary.min, salary.max)
      : format.format((salary.min ?? salary.max)!);
  const per = salary.period === 'hour' ? 'an hour' : `a ${salary.period}`;
  return `${range} ${per}`;
}

function paragraph(content: SafeHtml, color = '#16181a'): SafeHtml {
  return html`<tr>
    <td style="padding:0 0 12px;color:${color}">${content}</td>
  </tr>`;
}

function textFooter(links: RecipientLinks): string[] {
  return ['', '--', `Manage your alerts: ${links.manageUrl}`, `Unsubscribe: ${links.unsubscribeUrl}`];
}

function layout(title: string, body: SafeHtml, links: RecipientLinks): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>${title}</title>
      </head>
      <body style="margin:0;padding:0;background:#f6f7f8">
        <table
          role="presentation"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border="0"
          style="background:#f6f7f8"
        >
          <tr>
            <td align="center" style="padding:24px 12px">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                border="0"
                style="max-width:600px;background:#ffffff;border-radius:10px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#16181a"
              >
                <tr>
                  <td style="padding:24px">
                    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
                      <tr>
                        <td style="padding:0 0 16px;font-weight:bold;font-size:18px;color:#16181a">
                          Elsewhere
                        </td>
                      </tr>
                      ${body}
                    </table>
                  </td>
                </tr>
                <tr>
                  <td style="padding:16px 24px;border-top:1px solid #dde1e5;font-size:13px;color:#545a61">
                    You get this email because you asked Elsewhere for job alerts.
                    <a href="${safeUrl(links.manageUrl)}" style="color:#545a61">Manage your alerts</a> ·
                    <a href="${safeUrl(links.unsubscribeUrl)}" style="color:#545a61">Unsubscribe</a>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html> `.value;
}
