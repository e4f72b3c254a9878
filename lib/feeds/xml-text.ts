/**
 * Text made safe for XML feeds. Scraped titles and descriptions are hostile: they may carry
 * characters XML 1.0 forbids outright (NUL, most C0 controls, U+FFFE/U+FFFF, lone surrogates), which
 * no escaping can express and which make a strict parser reject the whole feed. Those are removed
 * before anything reaches the `feed` package; everything else (RTL marks, emoji, `&`, `<`, `]]>`)
 * is kept and escaped where it lands.
 */

/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than tab, LF and CR; U+FFFE and
 * U+FFFF; and UTF-16 surrogates that are not part of a pair.
 */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 cannot carry. */
export function stripXmlInvalidCharacters(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** HTML-escape text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text for an element the `feed` package writes as XML text (channel titles, RSS categories).
 * Its XML writer (xml-js) first turns every `&amp;` back into `&` "to avoid double escaping", which
 * would make a literal "&amp;" in a job title read back as "&": escaping `&` here first makes the
 * round trip exact.
 */
export function feedText(text: string): string {
  return stripXmlInvalidCharacters(text).replace(/&/g, '&amp;');
}

/**
 * Text for an element the `feed` package wraps in CDATA as plain text (RSS item titles). A CDATA
 * section ends at the first `]]>`, so each one must be split across two sections
 * (`]]]]><![CDATA[>`). xml-js splits only the first occurrence; the others are split here.
 * (lib/feeds/build.test.ts proves the round trip for any number of them, so a change in xml-js
 * cannot go unnoticed.)
 */
export function feedCdataText(text: string): string {
  let first = true;
  return stripXmlInvalidCharacters(text).replace(/]]>/g, (terminator) => {
    if (first) {
      first = false;
      return terminator;
    }
    return ']]]]><![CDATA[>';
  });
}
