import { expect, test } from '@playwright/test';

test.describe('/status', () => {
  test('lists every source with its last run, failing ones first', async ({ page }) => {
    const response = await page.goto('/status');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scraper status');
    const rows = page.getByTestId('status-table').locator('tbody tr');
    // One demo board per ATS kind.
    expect(await rows.count()).toBeGreaterThanOrEqual(12);
    await expect(page.getByTestId('status-table')).toContainText('Northwind Cloud (sample)');
    await expect(page.getByRole('list', { name: 'Summary' })).toContainText(/\d+ sources/);

    // Failing rows, if any, come before every OK row.
    const states = await rows.locator('.state').allInnerTexts();
    const lastFailing = states.lastIndexOf('Failing');
    const firstOk = states.indexOf('OK');
    if (lastFailing >= 0 && firstOk >= 0) expect(lastFailing).toBeLessThan(firstOk);
    expect(states.filter((state) => state === 'OK').length).toBeGreaterThan(0);
  });
});
