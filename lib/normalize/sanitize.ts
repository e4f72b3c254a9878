/**
 * Description HTML as received is hostile: it may carry scripts, tracking pixels, forms, inline
 * styles and `javascript:` links, and Greenhouse sends it entity-escaped. This turns it into a small
 * allow-listed subset that is safe to render, plus a plain-text copy for search and summaries.
 */
import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/** Descriptions beyond this are cut before parsing; real ones are a few tens of KB. */
export const MAX_DESCRIPTION_BYTES = 500_000;

const LINK_SCHEMES = ['http', 'https', 'mailto'];
const LINK_REL = 'nofollow noopener noreferrer';

/**
 * Structure and emphasis only. Decisions:
 * - no images: descriptions hotlink third-party images and tracking pixels, and an image never
 *   tells a job seeker something the text does not;
 * - h1 becomes h2, because the job page owns the one h1 (the title);
 * - links keep `href` (http, https, mailto) and get rel="nofollow noopener noreferrer"; no
 *   `target`, so opening a new tab stays the reader's choice;
 * - simple tables survive (some boards list benefits in them), without attributes except spans.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'div',
    'ul',
    'ol',
    'li',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'a',
    'blockquote',
    'code',
    'pre',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Content of these is dropped with the tag, not kept as text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'template',
    'title',
    'head',
    'select',
    'button',
  ],
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = safeHref(attribs.href);
      // A link that cannot be followed safely loses its href and stays as inert text. (Renaming the
      // tag instead trips sanitize-html 2.17, which then closes later links with the wrong tag.)
      const safeAttribs: sanitizeHtml.Attributes = href ? { href, rel: LINK_REL } : {};
      return { tagName, attribs: safeAttribs };
    },
  },
  // Blocks left with no text by removed content ("<p><img></p>", "<p><br></p>"). `frame.text`
  // includes nested text, so a list item holding a sub-list is kept.
  exclusiveFilter: (frame) =>
    ['p', 'div', 'li', 'strong', 'b', 'em', 'i', 'u', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(frame.tag) &&
    frame.text.trim() === '',
};

/** An absolute http(s) or mailto URL, or null. Relative links are dropped: they point at the source's site. */
function safeHref(href: string | undefined): string | null {
  if (typeof href !== 'string') return null;
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"); so do we.
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  try {
    const url = new URL(compact);
    return LINK_SCHEMES.includes(url.protocol.slice(0, -1)) ? url.href : null;
  } catch {
    return null;
  }
}

/** Entity-escaped markup: "&lt;p&gt;" present, no real tag. */
function looksEscaped(html: string): boolean {
  return /&lt;\/?[a-z][a-z0-9]*(?:\s|&gt;|\/)/i.test(html) && !/<\/?[a-z][a-z0-9]*[\s>/]/i.test(html);
}

/**
 * Decodes HTML entities once: Greenhouse's `&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;` becomes
 * `<p>Hello &amp; welcome</p>`, whose remaining entities the HTML parser then decodes. Decoding twice
 * would turn escaped text such as `&amp;lt;script&amp;gt;` into a live tag.
 */
export function decodeEscapedHtml(html: string): string {
  return decodeHTML(html);
}

const BLOCK_BREAK = /<\/?(?:p|div|h[2-6]|ul|ol|blockquote|pre|table|thead|tbody)\b[^>]*>|<hr\b[^>]*>/gi;

/**
 * Plain text from our own sanitized HTML (never from raw input: its tag syntax is regular here).
 * Block elements become blank lines, list items "- " lines, cells are spaced, whitespace collapses.
 */
function toPlainText(safeHtml: string): string {
  const marked = safeHtml
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<tr\b[^>]*>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(BLOCK_BREAK, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(marked)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface SanitizeOptions {
  /**
   * Whether the input is entity-escaped HTML (Greenhouse `content`) to decode once first.
   * @default detected: escaped tags ("&lt;p&gt;") and no real ones
   */
  escaped?: boolean;
}

/**
 * Sanitized HTML safe to render, and its plain text. Never throws; null or empty input gives
 * empty strings. Input beyond {@link MAX_DESCRIPTION_BYTES} characters is cut first.
 */
export function sanitizeDescription(
  html: string | null | undefined,
  options: SanitizeOptions = {},
): { html: string; text: string } {
  if (typeof html !== 'string' || html.trim() === '') return { html: '', text: '' };
  let source = html.slice(0, MAX_DESCRIPTION_BYTES);
  if (options.escaped ?? looksEscaped(source))
    source = decodeEscapedHtml(source).slice(0, MAX_DESCRIPTION_BYTES);
  const safe = sanitizeHtml(source, OPTIONS).trim();
  return { html: safe, text: toPlainText(safe) };
}
