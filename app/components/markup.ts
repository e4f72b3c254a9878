/**
 * Static markup as a string, for the parts of a page that are plain HTML and stay so in the browser:
 * job cards, facet lists, the country options.
 *
 * Why strings: a results page is some twenty cards of twenty elements and a few hundred facet and
 * option elements (the country list alone is 250 options). As one string per block, built with
 * plain concatenation, they cost the server a fraction of rendering each as a React element, which
 * matters to the search page's render time under load (`npm run bench:site`). On App Router pages
 * (a company's open jobs) each block is also one element for hydration instead of a tree, and the
 * RSC payload carries compact HTML instead of a JSON element tree.
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
