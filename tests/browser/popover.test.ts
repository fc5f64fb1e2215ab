// The hover popover in real Chromium: hover intent, content, keyboard, touch, positioning, and
// isolation from hostile page CSS.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './support/chromium';
import { useChromiumSession } from './support/chromium-session';
import type { StaticServer } from './support/static-server';
import { settledRanges } from './support/page-probes';
import { axeViolations, centre, hoverTerm, popover, sendToTopFrame, termBoxes } from './support/interaction';
import { setStoredSettings } from './support/extension-settings';

let server: StaticServer;
let browser: ExtensionBrowser;
let page: Page;

useChromiumSession((session) => ({ server, browser, page } = session));

async function open(name: string): Promise<void> {
  await page.goto(`${server.origin}/pages/${name}.html`);
  await settledRanges(page);
}

const heading = () => ({ textContent: () => popover(page).locator('h2').textContent({ timeout: 2000 }) });

describe('hovering a term', () => {
  it('shows the entry after the dwell, named from the hovered form, with quote and source', async () => {
    await open('liver-cancer-article');
    await hoverTerm(page, 'SIRT');
    await expect.poll(() => heading().textContent()).toBe('Selective internal radiation therapy (SIRT)');
    const text = (await popover(page).textContent())!;
    expect(text).toContain('Also known as Transarterial radioembolization (TARE)');
    expect(await popover(page).locator('.term-card__category').innerText()).toBe('PROCEDURE');
    expect(text).toContain('procedure');
    expect(text).toContain('From Revolutionizing ICC Treatment: TARE and Immunotherapy Breakthroughs');
    expect(text).toContain('not medical advice');
    expect(await popover(page).locator('blockquote').textContent()).toMatch(/selective internal radiation therapy \(SIRT\)/);
    expect(await popover(page).getAttribute('role')).toBe('dialog');
  });

  it('shows nothing when the pointer only passes over terms', async () => {
    await open('liver-cancer-article');
    const boxes = await termBoxes(page, 'pembrolizumab');
    const start = centre(boxes[0]!);
    await page.mouse.move(start.x - 200, start.y);
    await page.mouse.move(start.x + 400, start.y, { steps: 12 }); // crosses several terms quickly
    await page.mouse.move(5, 790, { steps: 2 }); // and on to the empty margin
    await page.waitForTimeout(600);
    expect(await popover(page).count()).toBe(0);
  });

  it('does not open for a pointer in the empty space after a line\'s end', async () => {
    await open('liver-cancer-article');
    const [box] = await termBoxes(page, 'liver transplant');
    // Right of the paragraph's last line, level with the term: the caret snaps to the term, but the
    // pointer is not on it.
    const lineEnd = await page.evaluate(() => document.getElementById('chemo')!.getBoundingClientRect().right);
    await page.mouse.move(lineEnd + 40, box!.y + box!.height / 2, { steps: 3 });
    await page.waitForTimeout(700);
    expect(await popover(page).count()).toBe(0);
  });

  it('stays open while the pointer travels into it, and closes after the pointer leaves both', async () => {
    await open('liver-cancer-article');
    const box = await hoverTerm(page, 'pembrolizumab');
    await expect.poll(() => heading().textContent()).toBe('Pembrolizumab');
    const card = (await popover(page).boundingBox())!;
    await page.mouse.move(box.x + 4, card.y + 10, { steps: 6 });
    await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await popover(page).isVisible()).toBe(true);
    await page.mouse.move(5, 700, { steps: 4 });
    await expect.poll(() => popover(page).count(), { timeout: 2000 }).toBe(0);
  });

  it('switches to a related term and closes with Esc', async () => {
    await open('liver-cancer-article');
    await hoverTerm(page, 'checkpoint inhibitors');
    await expect.poll(() => heading().textContent()).toBe('Checkpoint inhibitor');
    await popover(page).getByRole('button', { name: 'Nivolumab' }).click();
    await expect.poll(() => heading().textContent()).toBe('Nivolumab');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page).count()).toBe(0);
  });

  it('opens the entry in the glossary page from "Open in glossary"', async () => {
    await open('liver-cancer-article');
    await hoverTerm(page, 'hepatic artery');
    await expect.poll(() => heading().textContent()).toBe('Hepatic artery');
    const [glossaryPage] = await Promise.all([
      browser.context.waitForEvent('page'),
      popover(page).getByRole('button', { name: 'Open in glossary' }).click(),
    ]);
    await glossaryPage.waitForLoadState();
    expect(decodeURIComponent(glossaryPage.url())).toContain('options.html#entry=icc-tare-immunotherapy/hepatic-artery');
    await expect.poll(() => glossaryPage.locator('.term-card__heading').first().textContent()).toBe('Hepatic artery');
    await glossaryPage.close();
  });

  it('pins on click, so it stays after the pointer leaves, until Esc or a click elsewhere', async () => {
    await open('liver-cancer-article');
    const box = await hoverTerm(page, 'surgical resection');
    await page.mouse.click(centre(box).x, centre(box).y);
    await expect.poll(() => heading().textContent()).toBe('Surgical resection');
    await page.mouse.move(5, 700, { steps: 4 });
    await page.waitForTimeout(800);
    expect(await popover(page).count()).toBe(1);
    await page.mouse.click(5, 700);
    await expect.poll(() => popover(page).count()).toBe(0);
  });

  it('honours the hover delay setting', async () => {
    await setStoredSettings(browser.serviceWorker, { hoverDelayMs: 1000 });
    await open('liver-cancer-article');
    await hoverTerm(page, 'nivolumab');
    await page.waitForTimeout(600);
    expect(await popover(page).count()).toBe(0);
    await expect.poll(() => heading().textContent(), { timeout: 3000 }).toBe('Nivolumab');
  });

  it('finds terms in an open shadow root', async () => {
    await open('liver-cancer-article');
    await hoverTerm(page, 'checkpoint inhibitor');
    await expect.poll(() => heading().textContent()).toBe('Checkpoint inhibitor');
  });

  it('has no accessibility violations (axe-core)', async () => {
    await open('liver-cancer-article');
    await hoverTerm(page, 'TARE', 1);
    await expect.poll(() => heading().textContent()).toBe('Transarterial radioembolization (TARE)');
    expect(await axeViolations(page, ['termlight-popover', '.popover'])).toEqual([]);
  });
});

describe('touch', () => {
  it('opens on a tap, keeps link taps for the page, and closes on a tap elsewhere', async () => {
    const touchContext = browser.context;
    const tapPage = await touchContext.newPage();
    const session = await touchContext.newCDPSession(tapPage);
    await session.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await tapPage.goto(`${server.origin}/pages/liver-cancer-article.html`);
    await settledRanges(tapPage);
    const tap = async (x: number, y: number) => {
      await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const [box] = await termBoxes(tapPage, 'hepatic artery');
    await tap(centre(box!).x, centre(box!).y);
    await expect.poll(() => popover(tapPage).locator('h2').textContent({ timeout: 2000 })).toBe('Hepatic artery');
    await tap(5, 700);
    await expect.poll(() => popover(tapPage).count()).toBe(0);
    // A term inside a link: the link still navigates.
    const [link] = await termBoxes(tapPage, 'intrahepatic cholangiocarcinoma');
    await tap(centre(link!).x - 40, centre(link!).y);
    await expect.poll(() => tapPage.url()).toContain('/glossary/icc');
    await tapPage.close();
  });
});

describe('keyboard', () => {
  it('moves to the next and previous term with the commands, focuses the popover and Esc returns focus', async () => {
    await open('liver-cancer-article');
    await page.focus('#q');
    await sendToTopFrame(browser.serviceWorker, page, 'navigateTerms', { direction: 'next' });
    await expect.poll(() => heading().textContent()).toBe('Intrahepatic cholangiocarcinoma (ICC)');
    const first = await heading().textContent();
    await sendToTopFrame(browser.serviceWorker, page, 'navigateTerms', { direction: 'next' });
    await expect.poll(() => heading().textContent()).not.toBe(first);
    await sendToTopFrame(browser.serviceWorker, page, 'navigateTerms', { direction: 'previous' });
    await expect.poll(() => heading().textContent()).toBe(first);
    // Focus is in the popover: Tab reaches its buttons.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TERMLIGHT-POPOVER');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });
});

describe('position', () => {
  for (const corner of ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const) {
    it(`stays inside the viewport and off the term for a term at the ${corner}`, async () => {
      const [vertical, horizontal] = corner.split('-');
      server.route(`/generated/${corner}.html`, {
        body: `<!doctype html><meta charset="utf-8"><body style="margin:0;height:2000px">
          <p style="position:fixed;${vertical}:2px;${horizontal}:2px;margin:0;font:16px sans-serif">Immunotherapy</p>
          <p>Chemotherapy and pembrolizumab for liver cancer.</p></body>`,
      });
      await page.goto(`${server.origin}/generated/${corner}.html`);
      await settledRanges(page);
      const term = await hoverTerm(page, 'Immunotherapy');
      await expect.poll(() => heading().textContent()).toBe('Immunotherapy');
      await page.waitForTimeout(100);
      const card = (await popover(page).boundingBox())!;
      const viewport = page.viewportSize()!;
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
      expect(card.y + card.height).toBeLessThanOrEqual(viewport.height);
      const overlaps = card.x < term.x + term.width && term.x < card.x + card.width && card.y < term.y + term.height && term.y < card.y + card.height;
      expect(overlaps).toBe(false);
    });
  }
});

describe('a hostile page', () => {
  it('cannot restyle, hide or cover the popover', async () => {
    await open('hostile-css');
    await hoverTerm(page, 'chemotherapy');
    await expect.poll(() => heading().textContent()).toBe('Chemotherapy');
    const style = await popover(page).evaluate((element) => {
      const heading = element.querySelector('h2')!;
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        visible: box.width > 200 && box.height > 100,
        headingSize: getComputedStyle(heading).fontSize,
        bodySize: getComputedStyle(element.querySelector('.term-card__summary')!).fontSize,
        onTop: top?.tagName,
      };
    });
    expect(style).toEqual({ visible: true, headingSize: '16px', bodySize: '14px', onTop: 'TERMLIGHT-POPOVER' });
  });
});

describe('themes', () => {
  it('follows the theme setting and the browser\'s colour scheme', async () => {
    const background = () => popover(page).evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await open('liver-cancer-article');
    await hoverTerm(page, 'pembrolizumab');
    await expect.poll(() => heading().textContent()).toBe('Pembrolizumab');
    expect(await background()).toBe('rgb(31, 36, 40)');
    await setStoredSettings(browser.serviceWorker, { theme: 'light' });
    await expect.poll(background).toBe('rgb(255, 255, 255)');
  });
});
