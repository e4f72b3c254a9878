import { expect, test, type Page } from '@playwright/test';

/** Press Tab until a category checkbox has focus; returns its value. */
async function tabToCategoryCheckbox(page: Page): Promise<string> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element instanceof HTMLInputElement && element.type === 'checkbox' && element.name === 'category'
        ? element.value
        : null;
    });
    if (focused) return focused;
  }
  throw new Error('no category checkbox reached with Tab');
}

test.describe('keyboard only, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Tab to a checkbox, Space ticks it, Enter on "Apply filters" submits', async ({ page }) => {
    await page.goto('/');
    const category = await tabToCategoryCheckbox(page);
    await page.keyboard.press('Space');
    await expect(page.locator(`#category-${category}`)).toBeChecked();
    // On to the submit button, by keyboard.
    for (let presses = 0; presses < 80; presses += 1) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (label === 'Apply filters') break;
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]category=${category}(&|$)`));
    await expect(page.locator(`#category-${category}`)).toBeChecked();
  });
});

test.describe('keyboard only, with JavaScript', () => {
  test('Space on a checkbox applies the filter at once', async ({ page }) => {
    await page.goto('/');
    const category = await tabToCategoryCheckbox(page);
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(new RegExp(`[?&]category=${category}(&|$)`));
    await expect(page.locator(`#category-${category}`)).toBeChecked();
    // The new results are a new page: focus is back on the checkbox, so Tab goes on from there.
    await expect(page.locator(`#category-${category}`)).toBeFocused();
  });

  test('typing in the search box applies after a pause, Enter at once', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Search jobs').focus();
    await page.keyboard.type('Rust');
    await expect(page).toHaveURL(/[?&]q=Rust(&|$)/);
    await expect(page.getByLabel('Search jobs')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]q=Rust(&|$)/);
  });

  test('a space typed before the pause survives the reload, and the search runs on', async ({ page }) => {
    await page.goto('/');
    const box = page.getByLabel('Search jobs');
    await box.focus();
    await page.keyboard.type('Senior ');
    await expect(page).toHaveURL(/[?&]q=Senior(&|$)/);
    await expect(box).toHaveValue('Senior ');
    await expect(box).toBeFocused();
    await page.keyboard.type('Backend');
    await expect(page).toHaveURL(/[?&]q=Senior(\+|%20)Backend(&|$)/);
    await expect(box).toHaveValue('Senior Backend');
  });
});
