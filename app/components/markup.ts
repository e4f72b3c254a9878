/**
 * Static markup as a string, for the parts of a page that are plain HTML and stay so in the browser:
 * job cards, facet lists, the country options.
 *
 * Why strings: the App Router sends every element twice (in the HTML and in the RSC payload), and
 * React hydrates each one in the browser. A job card is some twenty elements; a results page has
 * twenty cards and a few hundred facet elements. Handed to React as one `dangerouslySetInnerHTML`
 * string per block, they are one element each for React (no fibers, no hydration work below it)
 * and the payload carries compact HTML instead of a JSON element tree. The browser's main thread
 * was what kept the search page from loading fast on a phone.
 *
 * Every interpolated value is escaped unless it is itself `Markup`, so a job title from a careers
 * page cannot inject markup.
 */
import { escapeUTF8 } from 'entities';

/** Markup that is safe to insert as it is (built by `markup`, whose interpolations are escaped). */
export class Markup {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** A value `markup` can interpolate: text (escaped), markup (as is), or lists of those; null/false print nothing. */
export type Interpolation = Markup | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  // Escapes & < > " ': safe both in text and in double-quoted attribute values.
  return escapeUTF8(String(value));
}

/**
 * Tagged template: markup`<a href="${url}">${title}</a>` with `url` and `title` escaped. (Not named
 * `html`: Prettier would reformat such templates as HTML, adding whitespace to the output.)
 */
export function markup(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Markup {
  let out = strings[0]!;
  for (let index = 0; index < values.length; index += 1) out += render(values[index]!) + strings[index + 1]!;
  return new Markup(out);
}

/** Props that render `markup` as an element's content. */
export function innerHtml(content: Markup): { dangerouslySetInnerHTML: { __html: string } } {
  return { dangerouslySetInnerHTML: { __html: content.value } };
}
