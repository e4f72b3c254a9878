/**
 * Reading a careers page (and job pages) with the CSS selectors of an html source, via cheerio. Pure:
 * nothing on the page runs; text is read as text, descriptions as inner HTML for the sanitizer.
 */
import * as cheerio from 'cheerio';
import { InvalidPayloadError } from '../../types';
import { validatePayload, zodToInvalidPayload } from '../shared';
import {
  htmlJobItemsSchema,
  htmlSourceConfigSchema,
  type HtmlJobItem,
  type HtmlSourceConfig,
} from './api-types';

/** Validate an html source's config; a bad one is named field by field like a bad payload. */
export function parseHtmlSourceConfig(config: Record<string, unknown>): HtmlSourceConfig {
  const result = htmlSourceConfigSchema.safeParse(config);
  if (!result.success) throw zodToInvalidPayload(result.error, 'html source config');
  return result.data;
}

/** cheerio's node type (domhandler's AnyNode), named without depending on domhandler directly. */
type AnyNode = Exclude<Parameters<typeof cheerio.load>[0], string | Buffer | unknown[]>;
type Selection = cheerio.Cheerio<AnyNode>;

/** Run a selector, turning a syntax error into an error naming the config field. */
function select(run: () => Selection, field: string, selector: string): Selection {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidPayloadError(
      `Invalid html source config: ${field}: "${selector}" is not a usable CSS selector (${reason})`,
      field,
    );
  }
}

/** The first match inside `scope`, or `scope` itself when it matches (lists of `<a class="job">`). */
function first(scope: Selection, selector: string, field: string): Selection {
  return select(() => (scope.is(selector) ? scope : scope.find(selector).first()), field, selector);
}

/** Visible text with whitespace collapsed; null when empty. */
function textOf(selection: Selection): string | null {
  return selection.text().replace(/\s+/g, ' ').trim() || null;
}

function innerHtmlOf(selection: Selection): string | null {
  return selection.html()?.trim() || null;
}

/** The href of a link element, of the first link inside it, or of the link around it. */
function hrefOf(selection: Selection): string | null {
  return (
    selection.attr('href') ??
    selection.find('a[href]').first().attr('href') ??
    selection.closest('a[href]').attr('href') ??
    null
  );
}

/** An absolute URL without fragment (a fragment never makes another job); "" when there is no href. */
function resolve(href: string | null, base: string): string {
  if (!href) return '';
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return url.toString();
  } catch {
    return href;
  }
}

/**
 * Read the job items of a careers page. Throws `InvalidPayloadError` with path `{n}.{field}` when an
 * item lacks a title or an http(s) link: the selectors no longer fit the page.
 * @param pageUrl - The page's final URL, for resolving relative links.
 */
export function readHtmlJobItems(html: string, pageUrl: string, config: HtmlSourceConfig): HtmlJobItem[] {
  const $ = cheerio.load(html);
  // A <base href> changes what relative links mean, as it does in a browser.
  const baseHref = $('base[href]').first().attr('href');
  let base = pageUrl;
  if (baseHref) {
    try {
      base = new URL(baseHref, pageUrl).toString();
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const items = select(() => $(config.item), 'item', config.item);
  const read = items.toArray().map((element) => {
    const item = $(element);
    const optionalText = (field: 'location' | 'department') => {
      const selector = config[field];
      return selector ? textOf(first(item, selector, field)) : null;
    };
    return {
      title: textOf(first(item, config.title, 'title')) ?? '',
      link: resolve(hrefOf(first(item, config.link, 'link')), base),
      location: optionalText('location'),
      department: optionalText('department'),
      descriptionHtml: config.description
        ? innerHtmlOf(first(item, config.description, 'description'))
        : null,
    };
  });
  return validatePayload(
    read,
    htmlJobItemsSchema,
    `careers page ${pageUrl} read with the source's selectors`,
  );
}

/** What the detail selectors read from one job page. */
export interface HtmlJobDetail {
  descriptionHtml: string | null;
  location: string | null;
}

/** Read a job page with the `detail` selectors. Missing matches are nulls: the list already has the job. */
export function readHtmlJobDetail(
  html: string,
  detail: NonNullable<HtmlSourceConfig['detail']>,
): HtmlJobDetail {
  const $ = cheerio.load(html);
  const root = $.root();
  return {
    descriptionHtml: detail.description
      ? innerHtmlOf(
          select(() => root.find(detail.description!).first(), 'detail.description', detail.description),
        )
      : null,
    location: detail.location
      ? textOf(select(() => root.find(detail.location!).first(), 'detail.location', detail.location))
      : null,
  };
}
