import { describe, expect, it } from 'vitest';
import { COMPANY_QUERY_PARAMETERS, parseCompanyQuery } from '../catalog/company-query';
import { JOB_QUERY_PARAMETERS, parseJobQuery } from '../search/query';
import {
  buildOpenApiDocument,
  companyQueryParameters,
  jobQueryParameters,
  type QueryParameter,
} from './openapi';

/** The values the parser itself says a parameter accepts, from the 400 it gives for a bad value. */
function allowedBy(
  parse: (params: URLSearchParams) => { ok: boolean; errors?: { allowed?: string[] }[] },
  name: string,
) {
  const result = parse(new URLSearchParams({ [name]: 'definitely-not-a-valid-value' }));
  return result.ok ? undefined : result.errors?.[0]?.allowed;
}

function documentedEnum(parameter: QueryParameter): string[] | undefined {
  const schema = parameter.schema as { enum?: unknown[]; items?: { enum?: unknown[] } };
  return (schema.enum ?? schema.items?.enum)?.map(String);
}

describe('the OpenAPI document', () => {
  it('documents exactly the JobQuery parameters', () => {
    expect(
      jobQueryParameters()
        .map((parameter) => parameter.name)
        .sort(),
    ).toEqual([...JOB_QUERY_PARAMETERS].sort());
  });

  it('documents exactly the company directory parameters', () => {
    expect(
      companyQueryParameters()
        .map((parameter) => parameter.name)
        .sort(),
    ).toEqual([...COMPANY_QUERY_PARAMETERS].sort());
  });

  it.each(jobQueryParameters().filter((parameter) => documentedEnum(parameter)))(
    'lists the values parseJobQuery accepts for $name',
    (parameter) => {
      const allowed = allowedBy(parseJobQuery, parameter.name);
      // `posted` reports its days as strings; the document types them as integers.
      expect(documentedEnum(parameter)).toEqual(allowed);
    },
  );

  it.each(companyQueryParameters().filter((parameter) => documentedEnum(parameter)))(
    'lists the values parseCompanyQuery accepts for $name',
    (parameter) => {
      expect(documentedEnum(parameter)).toEqual(allowedBy(parseCompanyQuery, parameter.name));
    },
  );

  it('resolves every schema reference', () => {
    const document = buildOpenApiDocument('https://jobs.example');
    const text = JSON.stringify(document);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const references = [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(references.length).toBeGreaterThan(5);
    for (const name of references) expect(schemas, name).toHaveProperty(name);
    expect(document.openapi).toBe('3.1.0');
  });
});
