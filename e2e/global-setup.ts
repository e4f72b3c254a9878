/**
 * Seeds the e2e database before the site starts: the sandbox boards, scraped through the real
 * pipeline. (Playwright runs globalSetup before webServer... no: webServer starts first, so this
 * seeds through the CLI against the same data dir, which shares the running embedded server.)
 */
export default async function globalSetup(): Promise<void> {
  // Seeding arrives with the sandbox (issue 3); the first page test needs an empty board only.
}
