import { expect, test } from '@playwright/test';
import { resultCount, resultTitles } from './helpers';

test.describe('searching', () => {
  test('a search narrows the results and the URL holds it', async ({ page }) => {
    await page.goto('/');
    const everything = await resultCount(page);
    expect(everything).toBeGreaterThan(20);

    await page.getByLabel('Search jobs').fill('Rust');
    await page.getByLabel('Search jobs').press('Enter');
    await expect(page).toHaveURL(/[?&]q=Rust(&|$)/);
    await expect(page.getByLabel('Search jobs')).toHaveValue('Rust');

    const narrowed = await resultCount(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(everything);
    expect(await resultTitles(page)).toContain('Senior Backend Engineer (Rust)');
  });

  test('the back button returns to the previous results', async ({ page }) => {
    await page.goto('/');
    const everything = await resultCount(page);
    await page.getByLabel('Search jobs').fill('Rust');
    await page.getByLabel('Search jobs').press('Enter');
    await expect(page).toHaveURL(/q=Rust/);
    await page.goBack();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('#results-heading')).toHaveText(new RegExp(`^${everything} jobs`));
    await expect(page.getByLabel('Search jobs')).toHaveValue('');
  });

  test('names invalid parameters and still shows results', async ({ page }) => {
    const response = await page.goto('/?category=astronaut&q=engineer');
    expect(response?.status()).toBe(200);
    const notice = page.locator('.notice-error');
    await expect(notice).toContainText('category');
    await expect(notice).toContainText('astronaut');
    await expect(notice).toContainText('engineering');
    expect(await resultCount(page)).toBeGreaterThan(0);
  });

  test('links the search to its feeds and an email alert', async ({ page }) => {
    await page.goto('/?q=Rust');
    await expect(page.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/feed.xml?q=Rust');
    await expect(page.getByRole('link', { name: 'Atom' })).toHaveAttribute('href', '/feed.atom?q=Rust');
    await expect(page.getByRole('link', { name: 'JSON Feed' })).toHaveAttribute('href', '/feed.json?q=Rust');
    await expect(page.getByRole('link', { name: 'Email me new jobs like these' })).toHaveAttribute(
      'href',
      '/alerts/new?q=Rust',
    );
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      /\/feed\.xml\?q=Rust$/,
    );
  });

  test('choosing a sort order applies it at once', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Sort by').selectOption('salary');
    await expect(page).toHaveURL(/[?&]sort=salary(&|$)/);
    await expect(page.getByLabel('Sort by')).toHaveValue('salary');
  });
});
