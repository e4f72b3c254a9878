import { describe, expect, it } from 'vitest';
import { parseCompanyQuery } from './company-query';

const parse = (search: string) => parseCompanyQuery(new URLSearchParams(search));

describe('parseCompanyQuery', () => {
  it('defaults to every company, 50 a page', () => {
    expect(parse('')).toEqual({
      ok: true,
      query: { q: null, region: [], remotePolicy: [], hiring: null, page: 1, perPage: 50 },
    });
  });

  it.each([
    ['q=%20acme%20%20inc', { q: 'acme inc' }],
    ['region=europe&region=AMERICAS,europe', { region: ['americas', 'europe'] }],
    ['remotePolicy=remote-first', { remotePolicy: ['remote-first'] }],
    ['hiring=true', { hiring: true }],
    ['hiring=0', { hiring: false }],
    ['page=3&perPage=10', { page: 3, perPage: 10 }],
    ['region=&utm_source=x', { region: [] }],
  ])('reads %s', (search, expected) => {
    const result = parse(search);
    expect(result.ok && result.query).toMatchObject(expected);
  });

  it.each([
    ['region=mars', 'region', true],
    ['remotePolicy=office', 'remotePolicy', true],
    ['hiring=maybe', 'hiring', true],
    ['page=0', 'page', false],
    ['perPage=101', 'perPage', false],
    ['q=a&q=b', 'q', false],
    [`q=${'x'.repeat(101)}`, 'q', false],
  ])('rejects %s naming %s', (search, parameter, hasAllowed) => {
    const result = parse(search);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.parameter).toBe(parameter);
    expect(Boolean(result.errors[0]!.allowed)).toBe(hasAllowed);
  });
});
