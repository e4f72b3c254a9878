import { expect, test } from '@playwright/test';
import { eligibilityLabels, expectPortugalResults, US_ONLY_LABELS } from './helpers';

test.describe('"I can work from" with JavaScript', () => {
  test('choosing Portugal hides US-only jobs and keeps worldwide and European ones', async ({ page }) => {
    await page.goto('/?perPage=100');
    const before = await eligibilityLabels(page);
    expect(before.some((label) => US_ONLY_LABELS.some((us) => label.startsWith(us)))).toBe(true);

    // No submit: the filter applies as it changes.
    await page.getByLabel('I can work from').selectOption('PT');
    await expect(page).toHaveURL(/[?&]country=PT(&|$)/);
    await expect(page.getByLabel('I can work from')).toHaveValue('PT');
    await expectPortugalResults(page);
  });
});
