import { expect, test } from '@playwright/test';

test.describe('companies', () => {
  test('the directory filters to companies hiring now and links to their profiles', async ({ page }) => {
    await page.goto('/companies');
    await page.getByLabel(/Hiring now/).check();
    await page.getByRole('button', { name: 'Show companies' }).click();
    await expect(page).toHaveURL(/hiring=1/);
    await page.getByLabel('Name').fill('Bluefin');
    await page.getByRole('button', { name: 'Show companies' }).click();
    await page.getByRole('link', { name: 'Bluefin Analytics (sample)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bluefin Analytics (sample)');
    await expect(page.getByRole('heading', { name: /open jobs?/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Where these jobs come from' })).toBeVisible();
    await expect(page.locator('table')).toContainText('Lever');
  });
});
