import { expect, test, type Page } from '@playwright/test';

/**
 * The pages people land on ship no framework JavaScript (pages/README.md): that is what keeps them
 * fast on a slow phone. A change that brings the React runtime back (an App Router page at these
 * paths, a client component, a dropped `unstable_runtimeJS`) fails here rather than in Lighthouse.
 */
async function scriptsOf(page: Page): Promise<{ external: string[]; inline: number }> {
  return page.evaluate(() => {
    const scripts = Array.from(document.querySelectorAll('script'));
    return {
      external: scripts.filter((script) => script.src).map((script) => script.src),
      inline: scripts.filter((script) => !script.src && script.type !== 'application/ld+json').length,
    };
  });
}

test.describe('pages without a framework', () => {
  test('the search page loads no script file and runs one small inline script', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') requested.push(request.url());
    });
    const response = await page.goto('/?q=engineer');
    const html = (await response?.text()) ?? '';
    expect(await scriptsOf(page)).toEqual({ external: [], inline: 1 });
    expect(requested).toEqual([]);
    // Not even preloaded: the only asset of the page is its stylesheet.
    expect(html.match(/\/_next\/static\/[^"]+\.js/g)).toBeNull();
    expect(html.includes('__NEXT_DATA__')).toBe(false);
  });

  test('a job page loads no script at all, only its JSON-LD', async ({ page }) => {
    await page.goto('/?q=Rust');
    await page.locator('.job-card a').first().click();
    await expect(page).toHaveURL(/\/jobs\//);
    expect(await scriptsOf(page)).toEqual({ external: [], inline: 0 });
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
  });
});
