// The real toolbar popup (opened with chrome.action.openPopup for the active tab), the options page
// and the toolbar badge, in real Chromium.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './support/chromium';
import { useChromiumSession } from './support/chromium-session';
import type { StaticServer } from './support/static-server';
import { paintedRanges, settledRanges } from './support/page-probes';
import { PopupSession } from './support/popup-session';
import { axeScript, axeViolations, popover, type AxeViolation } from './support/interaction';
import { setStoredSettings } from './support/extension-settings';

declare const chrome: any;

let server: StaticServer;
let browser: ExtensionBrowser;
let page: Page;
let popup: PopupSession | undefined;

useChromiumSession((session) => ({ server, browser, page } = session), {
  beforeNewPage: async () => {
    await popup?.close();
    popup = undefined;
  },
});

async function openArticle(): Promise<void> {
  await page.goto(`${server.origin}/pages/liver-cancer-article.html`);
  await page.waitForSelector('#late');
  await settledRanges(page);
}

/** What the page has painted, counted per text as the reader sees it. */
async function paintedCount(): Promise<number> {
  return (await paintedRanges(page)).length;
}

const onPageList = (session: PopupSession) =>
  session.evaluate<{ term: string; count: string }[]>(
    `[...document.querySelectorAll('[aria-label="Terms on this page"] .entry-list__button')].map((b) => ({ term: b.querySelector('.entry-list__term').textContent, count: b.querySelector('.entry-list__note').textContent }))`,
  );

describe('the toolbar popup', () => {
  it('lists the terms on this page with the counts the page shows', async () => {
    await openArticle();
    popup = await PopupSession.open(browser, page);
    await popup.waitFor('document.querySelector(\'[aria-label="Terms on this page"]\')');
    const listed = await onPageList(popup);
    const total = listed.reduce((sum, item) => sum + Number.parseInt(item.count, 10), 0);
    expect(total).toBe(await paintedCount());
    expect(listed[0]).toEqual({ term: 'Transarterial radioembolization', count: '5×' });
    expect(listed.map((item) => item.term)).toContain('Checkpoint inhibitor');
  });

  it('focuses the search box, finds SIRT under its entry, opens it with Enter and goes back with Esc', async () => {
    await openArticle();
    popup = await PopupSession.open(browser, page);
    await popup.waitFor(`document.activeElement?.id === 'glossary-search'`);
    await popup.type('SIRT');
    await popup.waitFor(`document.querySelector('[aria-label="Search results"] .entry-list__term')?.textContent === 'Transarterial radioembolization'`);
    await popup.press('Enter');
    await popup.waitFor(`document.querySelector('.term-card__heading')?.textContent === 'Transarterial radioembolization (TARE)'`);
    expect(await popup.evaluate(`document.querySelector('.term-card').textContent`)).toContain('Selective internal radiation therapy (SIRT)');
    await popup.press('Escape');
    await popup.waitFor(`document.activeElement?.classList.contains('entry-list__button') || document.activeElement?.id === 'glossary-search'`);
    expect(await popup.evaluate(`Boolean(document.querySelector('.term-card__heading'))`)).toBe(false);
  });

  it('moves through results with the arrow keys', async () => {
    await openArticle();
    popup = await PopupSession.open(browser, page);
    await popup.type('therapy');
    await popup.waitFor(`document.querySelectorAll('[aria-label="Search results"] .entry-list__button').length > 1`);
    await popup.press('ArrowDown');
    await popup.press('ArrowDown');
    const second = await popup.evaluate(`document.querySelectorAll('[aria-label="Search results"] .entry-list__button')[1].dataset.entryId`);
    expect(await popup.evaluate('document.activeElement.dataset.entryId')).toBe(second);
  });

  it('shows a term on the page: scrolls to it and opens its popover', async () => {
    await openArticle();
    popup = await PopupSession.open(browser, page);
    await popup.waitFor('document.querySelector(\'[aria-label="Terms on this page"]\')');
    await popup.evaluate(`[...document.querySelectorAll('[aria-label="Terms on this page"] .entry-list__button')].find((b) => b.dataset.entryId === 'icc-tare-immunotherapy/jaundice').click()`);
    await expect.poll(() => popover(page).locator('h2').textContent({ timeout: 2000 })).toBe('Jaundice');
    const visible = await page.evaluate(() => {
      const box = document.getElementById('late')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    expect(visible).toBe(true);
    popup = undefined; // it closed itself
  });

  it('turns Termlight off for this site, which removes the highlights and survives a reload', async () => {
    await openArticle();
    popup = await PopupSession.open(browser, page);
    await popup.waitFor(`[...document.querySelectorAll('.switch-row')].some((row) => row.textContent.includes('Off for 127.0.0.1'))`);
    await popup.evaluate(`[...document.querySelectorAll('.switch-row')].find((row) => row.textContent.includes('Off for 127.0.0.1')).querySelector('input').click()`);
    await expect.poll(paintedCount).toBe(0);
    await popup.waitFor(`document.body.textContent.includes('Highlighting is off on this page.')`);
    await page.reload();
    await page.waitForSelector('#late');
    await page.waitForTimeout(800);
    expect(await paintedCount()).toBe(0);
    // And back on.
    await setStoredSettings(browser.serviceWorker, { disabledSites: [] });
    await expect.poll(paintedCount).toBeGreaterThan(10);
  });

  it('says in words that a page cannot be read, instead of failing', async () => {
    await page.goto('about:blank');
    popup = await PopupSession.open(browser, page);
    await popup.waitFor(`document.body.textContent.includes('can’t read this page')`);
    expect(await popup.evaluate(`document.querySelectorAll('.entry-list__button').length`)).toBeGreaterThan(20);
  });

  it('has no accessibility violations (axe-core)', async () => {
    await openArticle();
    popup = await PopupSession.open(browser, page);
    await popup.waitFor('document.querySelector(\'[aria-label="Terms on this page"]\')');
    expect(await popup.evaluate<AxeViolation[]>(axeScript(['body']))).toEqual([]);
  });
});

describe('the toolbar badge', () => {
  it('shows how many distinct terms the tab has, and nothing when highlighting is off', async () => {
    await openArticle();
    const badge = () =>
      browser.serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.action.getBadgeText({ tabId: tab.id });
      });
    popup = await PopupSession.open(browser, page);
    await popup.waitFor('document.querySelector(\'[aria-label="Terms on this page"]\')');
    const listed = (await onPageList(popup)).length;
    await popup.close();
    popup = undefined;
    // Frames report too: the embedded note adds clinical trials.
    await expect.poll(badge).toBe(String(listed + 1));
    await setStoredSettings(browser.serviceWorker, { enabled: false });
    await expect.poll(badge).toBe('');
  });
});

describe('the options page', () => {
  it('opens an entry from its address, changes settings live and has no accessibility violations', async () => {
    await openArticle();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#entry=icc-tare-immunotherapy/nivolumab`);
    await expect.poll(() => options.locator('.term-card__heading').first().textContent()).toBe('Nivolumab');
    expect(await axeViolations(options, ['body'])).toEqual([]);

    await options.getByLabel('Soft background').check();
    await expect.poll(async () => (await paintedRanges(page)).every((range) => range.name === 'glossary-background')).toBe(true);

    const before = await paintedRanges(page);
    const drugs = before.filter((range) => /^(pembrolizumab|nivolumab)$/i.test(range.text)).length;
    expect(drugs).toBeGreaterThan(0);
    await options.getByLabel('drug', { exact: true }).uncheck();
    await expect.poll(paintedCount).toBe(before.length - drugs);
    await options.close();
  });

  it('lists sites where Termlight is off and turns one back on', async () => {
    await setStoredSettings(browser.serviceWorker, { disabledSites: ['127.0.0.1', 'example.org'] });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Turn back on for 127.0.0.1' }).click();
    await expect.poll(() => options.locator('.sites li').allTextContents()).toEqual(['example.orgTurn back on for example.org']);
    await options.close();
  });

  it('shows a notice when stored settings were corrupt, and keeps working', async () => {
    await setStoredSettings(browser.serviceWorker, { enabled: false, theme: 'neon' });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.locator('.notice').textContent()).toContain('"theme" was invalid');
    expect(await options.getByRole('switch', { name: 'Highlight terms on pages' }).isChecked()).toBe(false);
    await options.close();
  });
});
