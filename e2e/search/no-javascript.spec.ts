import { expect, test } from '@playwright/test';
import {
  eligibilityLabels,
  expectPortugalResults,
  resultCount,
  resultTitles,
  US_ONLY_LABELS,
} from './helpers';

test.use({ javaScriptEnabled: false });

test.describe('without JavaScript', () => {
  test('choosing Portugal and submitting hides US-only jobs', async ({ page }) => {
    await page.goto('/?perPage=100');
    const before = await eligibilityLabels(page);
    expect(before.some((label) => US_ONLY_LABELS.some((us) => label.startsWith(us)))).toBe(true);

    await page.getByLabel('I can work from').selectOption('PT');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    // The GET form submits every field; the server answers with the short canonical URL.
    await expect(page).toHaveURL(/\/\?country=PT&perPage=100$/);
    await expectPortugalResults(page);
  });

  test('a text search narrows the results', async ({ page }) => {
    await page.goto('/');
    const everything = await resultCount(page);
    await page.getByLabel('Search jobs').fill('Rust');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/\/\?q=Rust$/);
    expect(await resultCount(page)).toBeLessThan(everything);
    expect(await resultTitles(page)).toContain('Senior Backend Engineer (Rust)');
  });
});
