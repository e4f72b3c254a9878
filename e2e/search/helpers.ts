import { expect, type Page } from '@playwright/test';

/** The eligibility line of every result card on the page ("Worldwide", "United States", "EU"...). */
export async function eligibilityLabels(page: Page): Promise<string[]> {
  const facts = page.locator('.job-card .job-facts li:first-child');
  return (await facts.allInnerTexts()).map((text) => text.replace(/^Open to:\s*/, '').trim());
}

/** Result titles on the page. */
export async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.job-card .job-title').allInnerTexts();
}

/** The number in the results heading ("113 jobs" -> 113; "No jobs found" -> 0). */
export async function resultCount(page: Page): Promise<number> {
  const heading = await page.locator('#results-heading').innerText();
  const match = /^([\d,]+) jobs?/.exec(heading);
  return match ? Number(match[1]!.replace(/,/g, '')) : 0;
}

/** Labels that only people in the US (or North America) may apply to. */
export const US_ONLY_LABELS = ['United States', 'US & Canada', 'North America'];

/** After choosing Portugal: worldwide and European jobs stay, US-only ones are gone. */
export async function expectPortugalResults(page: Page): Promise<void> {
  const labels = await eligibilityLabels(page);
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    expect(
      US_ONLY_LABELS.some((us) => label.startsWith(us)),
      `"${label}" is open to Portugal`,
    ).toBe(false);
  }
  expect(labels.some((label) => label.startsWith('Worldwide'))).toBe(true);
  expect(labels.some((label) => /^(Europe|EU|EEA|EMEA|Portugal)\b/.test(label))).toBe(true);
}
