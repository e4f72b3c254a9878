import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/**
 * Layering (../shared/STYLE.md): app -> lib -> lib/db; scrapers -> lib. Only lib/ talks to the database,
 * and adapters never do.
 */
const noDatabaseOutsideLib = {
  patterns: [
    {
      group: [
        '**/lib/db',
        '**/lib/db/*',
        '@/lib/db',
        '@/lib/db/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'postgres',
      ],
      message: 'Only lib/ talks to the database: call a verb in lib/ (lib/jobs, lib/search, ...) instead.',
      allowTypeImports: true,
    },
  ],
};

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'scratch/**',
      'next-env.d.ts',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['app/**', 'pages/**', 'scrapers/**', 'cli/**', 'e2e/**'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', noDatabaseOutsideLib] },
  },
  {
    // lib/ is the domain: it never depends on the scrapers (types of their contracts aside).
    files: ['lib/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scrapers', '**/scrapers/*', '**/scrapers/**'],
              message:
                'lib/ never imports scrapers/ (the arrow is scrapers -> lib); wire them in scrapers/ or cli/.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scrapers/ats/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noDatabaseOutsideLib.patterns,
            {
              group: ['**/lib/jobs', '**/lib/jobs/*', '**/lib/sources', '**/lib/sources/*'],
              message: 'Adapters only fetch and map: the pipeline (scrapers/run.ts) writes through lib/jobs.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
