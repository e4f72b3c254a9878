import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies production rules only when the operator asks for them', () => {
    expect(parseEnv({}).production).toBe(false);
    expect(parseEnv({ NODE_ENV: 'production' }).production).toBe(true);
    // The site's Next.js process always has NODE_ENV=production; start passes the operator's choice.
    expect(parseEnv({ NODE_ENV: 'production', ELSEWHERE_PRODUCTION: '0' }).production).toBe(false);
    expect(parseEnv({ ELSEWHERE_PRODUCTION: '1' }).production).toBe(true);
  });

  it('treats empty values as unset and fills defaults', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: ' ' });
    expect(env.port).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.publicUrl).toBe('http://localhost:3000');
  });

  it('names the variable and the expected shape in one line', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /^Invalid environment variable DATABASE_URL: should look like postgres:\/\//,
    );
    expect(() => parseEnv({ ELSEWHERE_ORIGIN_GREENHOUSE: 'not a url' })).toThrow(
      /ELSEWHERE_ORIGIN_GREENHOUSE/,
    );
  });

  it('collects origin overrides by kind', () => {
    expect(parseEnv({ ELSEWHERE_ORIGIN_GREENHOUSE: 'http://127.0.0.1:4010/x' }).originOverrides).toEqual({
      greenhouse: 'http://127.0.0.1:4010',
    });
  });
});
