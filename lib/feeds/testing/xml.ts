/**
 * Test-only: strict XML checks. fast-xml-parser's validator proves tags nest and entities are
 * well-formed, but (like sax) it accepts a few things XML 1.0 forbids, so those are checked here
 * too: characters outside `Char`, `]]>` in text, `<` in attribute values, unknown entities.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const INVALID_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws with the reason when `xml` is not a well-formed XML 1.0 document. */
export function assertWellFormedXml(xml: string): void {
  const verdict = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (verdict !== true) throw new Error(`not well-formed: ${JSON.stringify(verdict.err)}`);
  const invalid = INVALID_CHARS.exec(xml);
  if (invalid)
    throw new Error(
      `character U+${invalid[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML`,
    );
  const outsideCdata = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (outsideCdata.includes(']]>')) throw new Error('"]]>" outside a CDATA section');
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(outsideCdata)) throw new Error('bare "&"');
  if (/="[^"]*</.test(outsideCdata)) throw new Error('"<" in an attribute value');
}

/** A parser for feeds: attributes kept (`@_name`), repeated elements always arrays. */
export function feedXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    htmlEntities: false,
    isArray: (name) => ['item', 'entry', 'category', 'link', 'author'].includes(name),
  });
}
