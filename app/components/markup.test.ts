import { describe, expect, it } from 'vitest';
import { jobCardMarkup } from './job-card';
import { Markup, markup } from './markup';
import { testJobSummary } from '@/lib/search/testing/job-summary';

describe('markup', () => {
  it('escapes interpolated text, in text and in attributes', () => {
    const title = `<script>alert("x")</script> & 'co'`;
    const out = markup`<a href="/jobs/${'a"b'}">${title}</a>`.value;
    expect(out).toBe(
      '<a href="/jobs/a&quot;b">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;</a>',
    );
  });

  it('inserts markup as it is, lists joined, and nothing for null, undefined and false', () => {
    const items = ['a', 'b<'].map((item) => markup`<li>${item}</li>`);
    expect(markup`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul><li>a</li><li>b&lt;</li></ul>0',
    );
    expect(markup`${new Markup('<br>')}`.value).toBe('<br>');
  });
});

describe('jobCardMarkup', () => {
  const job = testJobSummary({
    title: 'Engineer <b>now</b>',
    company: { slug: 'acme', name: 'Acme & Sons' },
    workplace: 'hybrid',
    tags: ['typescript'],
    firstSeenAt: '2026-01-01T00:00:00.000Z',
  });

  it('renders the card with every value escaped', () => {
    const out = jobCardMarkup(job, new Date('2026-01-01T12:00:00.000Z')).value;
    expect(out).toContain(
      '<h3 class="job-title"><a href="/jobs/engineer-acme-abc123">Engineer &lt;b&gt;now&lt;/b&gt;</a></h3>',
    );
    expect(out).toContain('<a href="/companies/acme">Acme &amp; Sons</a><span class="badge">Hybrid</span>');
    expect(out).toContain('<time datetime="2026-01-01T00:00:00.000Z" class="new">new</time>');
    expect(out).toContain('<ul class="tags" aria-label="Tags"><li>');
    expect(out).not.toContain('<b>');
  });

  it('uses the heading level asked for', () => {
    expect(jobCardMarkup(job, new Date(), 2).value).toMatch(/^<h2 class="job-title">.*<\/h2>/);
  });
});
