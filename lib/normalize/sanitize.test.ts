import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_BYTES, decodeEscapedHtml, sanitizeDescription } from './sanitize';

const REL = 'rel="nofollow noopener noreferrer"';

/** [hostile or messy input, sanitized HTML expected] */
const HTML_CASES: Array<[string, string]> = [
  ['<p>Hi<script>alert(1)</script></p>', '<p>Hi</p>'],
  ['<style>p { color: red }</style><p>Text</p>', '<p>Text</p>'],
  ['<iframe src="https://evil.example">fallback</iframe><p>Text</p>', '<p>Text</p>'],
  ['<form action="https://evil.example"><input name="q"><button>Send</button>Form text</form>', 'Form text'],
  ['<p onclick="steal()" style="color:red" class="x">Text</p>', '<p>Text</p>'],
  ['<p>A <img src="x" onerror="alert(1)"> B</p>', '<p>A  B</p>'],
  ['<p><img src="https://tracker.example/pixel.gif"></p><p>Kept</p>', '<p>Kept</p>'],
  ['<a href="javascript:alert(1)">Click</a>', '<a>Click</a>'],
  ['<a href="JaVaScRiPt:alert(1)">Click</a>', '<a>Click</a>'],
  ['<a href="java\tscript:alert(1)">Click</a>', '<a>Click</a>'],
  ['<a href="data:text/html;base64,PHNjcmlwdD4=">Click</a>', '<a>Click</a>'],
  ['<a href="//evil.example/x">Click</a>', '<a>Click</a>'],
  ['<a href="/jobs/1">Relative</a>', '<a>Relative</a>'],
  [
    '<a href="https://example.com/apply?a=1&b=2" target="_blank" onmouseover="x()">Apply</a>',
    `<a href="https://example.com/apply?a=1&amp;b=2" ${REL}>Apply</a>`,
  ],
  ['<a href="mailto:jobs@example.com">Mail us</a>', `<a href="mailto:jobs@example.com" ${REL}>Mail us</a>`],
  ['<h1>Role</h1><h3>About</h3>', '<h2>Role</h2><h3>About</h3>'],
  ['<div><p>unclosed <b>bold <i>italic', '<div><p>unclosed <b>bold <i>italic</i></b></p></div>'],
  ['<ul><li>One<li>Two</ul>', '<ul><li>One</li><li>Two</li></ul>'],
  ['<p><span style="font-weight:700">Bold-ish</span> text</p>', '<p>Bold-ish text</p>'],
  ['<svg><script>alert(1)</script><text>x</text></svg><p>ok</p>', '<p>ok</p>'],
  [
    '<table border="1"><tr><td colspan="2" onclick="x">Cell</td></tr></table>',
    '<table><tr><td colspan="2">Cell</td></tr></table>',
  ],
  ['<p></p><p>  </p><p>Text</p><p><br></p>', '<p>Text</p>'],
  ['<ul><li><ul><li>Nested</li></ul></li></ul>', '<ul><li><ul><li>Nested</li></ul></li></ul>'],
  ['<noscript><p>Enable JS</p></noscript><p>Text</p>', '<p>Text</p>'],
  ['<object data="x.swf"></object><embed src="x.swf"><p>Text</p>', '<p>Text</p>'],
  ['Plain text with no tags', 'Plain text with no tags'],
];

describe('sanitizeDescription', () => {
  it.each(HTML_CASES)('sanitizes %j', (input, expected) => {
    expect(sanitizeDescription(input).html).toBe(expected);
  });

  it('returns empty strings for missing descriptions', () => {
    expect(sanitizeDescription(null)).toEqual({ html: '', text: '' });
    expect(sanitizeDescription('   ')).toEqual({ html: '', text: '' });
  });

  it('keeps paragraph and list structure in the plain text', () => {
    const { text } = sanitizeDescription(
      '<h2>About</h2><p>We build   things.<br>Remotely.</p><ul><li>Go</li><li>Rust</li></ul><p>Tom &amp; Jerry&nbsp;Inc.</p>',
    );
    expect(text).toBe('About\n\nWe build things.\nRemotely.\n\n- Go\n- Rust\n\nTom & Jerry Inc.');
  });

  it('decodes Greenhouse entity-escaped HTML once, detected automatically', () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL(
          '../../scrapers/ats/greenhouse/fixtures/generalassembly_embed_jobs_content_2013.json',
          import.meta.url,
        ),
        'utf8',
      ),
    ) as { jobs: Array<{ content: string }> };
    const content = fixture.jobs[0]!.content;
    expect(content).toContain('&lt;h3&gt;');
    const { html, text } = sanitizeDescription(content);
    expect(html.startsWith('<h3>Who this job is right for</h3>')).toBe(true);
    expect(html).toContain('<ul>\n<li>Bespoke exercitation viral typewriter.</li>');
    expect(html).toContain('Required skills &amp; experience');
    expect(html).not.toContain('&lt;');
    expect(text).toContain('Required skills & experience');
    expect(text).toContain("you probably haven't heard of them");
    expect(text).toContain('- Bespoke exercitation viral typewriter.');
  });

  it('never decodes twice: escaped markup inside escaped HTML stays text', () => {
    const { html, text } = sanitizeDescription('&lt;p&gt;Use &amp;lt;script&amp;gt; tags&lt;/p&gt;');
    expect(html).toBe('<p>Use &lt;script&gt; tags</p>');
    expect(text).toBe('Use <script> tags');
  });

  it('drops scripts smuggled through escaping', () => {
    expect(sanitizeDescription('&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;ok&lt;/p&gt;').html).toBe(
      '<p>ok</p>',
    );
  });

  it('follows an explicit escaped option', () => {
    expect(sanitizeDescription('&lt;b&gt;x&lt;/b&gt;', { escaped: false }).text).toBe('<b>x</b>');
    expect(sanitizeDescription('<p>a</p> &lt;b&gt;x&lt;/b&gt;', { escaped: true }).html).toBe(
      '<p>a</p> <b>x</b>',
    );
  });

  it('does not treat real HTML that mentions an escaped tag as escaped', () => {
    expect(sanitizeDescription('<p>Write &lt;div&gt; elements</p>').html).toBe(
      '<p>Write &lt;div&gt; elements</p>',
    );
  });

  it('cuts inputs beyond the size bound', () => {
    const { text } = sanitizeDescription('<p>' + 'a'.repeat(MAX_DESCRIPTION_BYTES * 2) + '</p>');
    expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION_BYTES);
  });
});

describe('decodeEscapedHtml', () => {
  it('decodes named, decimal and hex entities once', () => {
    expect(decodeEscapedHtml('&lt;p&gt;&amp;amp; &#39;x&#x27;&lt;/p&gt;')).toBe("<p>&amp; 'x'</p>");
  });
});

describe('sanitizeDescription on hostile input', () => {
  const dangerous = /<script|<iframe|<img|<style|<form|\son\w+\s*=|javascript:|data:|style=/i;

  it('never emits scripts, handlers or dangerous URLs', () => {
    const piece = fc.constantFrom(
      '<script>',
      '</script>',
      '<a href="javascript:x">',
      '<a href="https://ok.example">',
      '</a>',
      '<img src=x onerror=y>',
      '<p style="x">',
      '</p>',
      '&lt;script&gt;',
      '&lt;p&gt;',
      '&amp;',
      '<iframe>',
      '<',
      '>',
      '"',
      'text',
      '<svg onload=x>',
      '<b>',
      '<!--',
      '-->',
      '<![CDATA[',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.option(fc.boolean(), { nil: undefined }),
        (pieces, escaped) => {
          const { html } = sanitizeDescription(pieces.join(''), { escaped });
          expect(html).not.toMatch(dangerous);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (input) => {
        sanitizeDescription(input);
      }),
      { numRuns: 300 },
    );
  });

  it('returns on 1 MB inputs', () => {
    for (const input of [
      '<div>'.repeat(200_000),
      '&lt;p&gt;'.repeat(120_000),
      '<a href="'.repeat(120_000),
      'x'.repeat(1_000_000),
    ]) {
      const result = sanitizeDescription(input);
      expect(typeof result.text).toBe('string');
    }
  });
});
