import { expect, test } from '@playwright/test';

test.describe('a closed job', () => {
  test('answers 410, is noindex, says so plainly and links to similar open jobs', async ({
    page,
    request,
  }) => {
    // The seed closes at least one job; closed jobs are searchable with status=closed.
    await page.goto('/?status=closed');
    const link = page.locator('.job-card .job-title a').first();
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href'))!;

    const raw = await request.get(href, { maxRedirects: 0 });
    expect(raw.status()).toBe(410);
    expect(raw.headers()['x-robots-tag']).toBe('noindex');

    const response = await page.goto(href);
    expect(response?.status()).toBe(410);
    const robots = await page
      .locator('meta[name="robots"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content') ?? ''));
    expect(robots.length).toBeGreaterThan(0);
    for (const content of robots) expect(content).toContain('noindex');
    await expect(page.getByTestId('closed-notice')).toContainText('This job is closed');
    await expect(page.getByRole('link', { name: /^Apply on / })).toHaveCount(0);
    await page.getByTestId('closed-notice').getByRole('link', { name: 'See similar open jobs' }).click();
    await expect(page.locator('#similar .job-card').first()).toBeVisible();
  });

  test('an open job answers 200 and is indexable', async ({ page }) => {
    await page.goto('/?q=Rust');
    const href = (await page.locator('.job-card .job-title a').first().getAttribute('href'))!;
    const response = await page.goto(href);
    expect(response?.status()).toBe(200);
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  });
});
