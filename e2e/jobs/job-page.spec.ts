import { expect, test, type Page } from '@playwright/test';

/** The sandbox's hand-written Rust job: worldwide, $150k–$190k, at Bluefin Analytics. */
async function openRustJob(page: Page): Promise<void> {
  await page.goto('/?q=Rust&company=sample-bluefin');
  await page
    .locator('.job-card')
    .filter({ hasText: 'Bluefin Analytics (sample)' })
    .getByRole('link', { name: 'Senior Backend Engineer (Rust)', exact: true })
    .click();
}

const HOSTILE_JOB_TITLE = 'Senior R&D Engineer <Payments> & "Billing"';

test.describe('a job page', () => {
  test('carries JSON-LD JobPosting with every field search engines use', async ({ page }) => {
    await openRustJob(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Senior Backend Engineer (Rust)');

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts).toHaveLength(1);
    const posting = JSON.parse(scripts[0]!) as Record<string, unknown>;
    expect(posting['@type']).toBe('JobPosting');
    expect(posting['title']).toBe('Senior Backend Engineer (Rust)');
    expect(posting['description']).toContain('Rust storage engine');
    expect(Date.parse(String(posting['datePosted']))).not.toBeNaN();
    expect(Date.parse(String(posting['validThrough']))).toBeGreaterThan(Date.now());
    expect(posting['employmentType']).toBe('FULL_TIME');
    expect(posting['hiringOrganization']).toMatchObject({
      '@type': 'Organization',
      name: 'Bluefin Analytics (sample)',
    });
    expect(posting['jobLocationType']).toBe('TELECOMMUTE');
    expect(posting['applicantLocationRequirements']).toMatchObject({ name: 'Worldwide' });
    expect(posting['baseSalary']).toMatchObject({
      '@type': 'MonetaryAmount',
      currency: 'USD',
      value: { '@type': 'QuantitativeValue', minValue: 150000, maxValue: 190000, unitText: 'YEAR' },
    });
  });

  test('shows eligibility with its evidence, salary, dates and where to apply', async ({ page }) => {
    await openRustJob(page);
    const meta = page.locator('.job-meta');
    await expect(meta).toContainText('Worldwide');
    await expect(meta).toContainText('Because the posting says');
    await expect(meta).toContainText('$150k–$190k');
    await expect(meta).toContainText('First seen');
    await expect(meta).toContainText('Last verified');
    await expect(page.getByRole('link', { name: 'Apply on Bluefin Analytics (sample)' })).toHaveAttribute(
      'href',
      /^https?:\/\//,
    );
    await expect(page.getByRole('heading', { name: 'Similar open jobs' })).toBeVisible();
  });

  test('renders hostile markup as text and runs none of it', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto('/?q=Billing');
    await page.getByRole('link', { name: HOSTILE_JOB_TITLE }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_JOB_TITLE);
    const description = page.locator('.description');
    await expect(description).toContainText('hostile markup on purpose');
    expect(await description.locator('script, iframe, [onerror], [onclick], [style]').count()).toBe(0);
    expect(await description.locator('a[href^="javascript:"]').count()).toBe(0);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      title: string;
    };
    expect(ld.title).toBe(HOSTILE_JOB_TITLE);
    expect(dialogs).toBe(0);
  });

  test('an unknown job answers 404', async ({ page }) => {
    const response = await page.goto('/jobs/no-such-job-zzzzzzzz');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});
