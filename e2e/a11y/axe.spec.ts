import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function firstJobPath(page: Page): Promise<string> {
  await page.goto('/?q=Rust');
  return (await page.locator('.job-card .job-title a').first().getAttribute('href'))!;
}

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

// axe walks every node; the search page has a few thousand (one option per country), so give it room.
test.describe.configure({ timeout: 90_000 });

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in the ${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const [name, path] of [
      ['the search page', '/'],
      ['a filtered search', '/?country=PT&category=engineering'],
      ['the company directory', '/companies'],
      ['a company page', '/companies/sample-northwind'],
      ['the status page', '/status'],
      ['the 404 page', '/no-such-page'],
    ] as const) {
      test(`${name} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        await expectNoViolations(page);
      });
    }

    test('a job page has no axe violations', async ({ page }) => {
      await page.goto(await firstJobPath(page));
      await expectNoViolations(page);
    });
  });
}
