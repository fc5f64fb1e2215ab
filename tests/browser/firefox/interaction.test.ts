// The reader's side in Firefox ESR with the built extension (a temporary add-on): the hover popover,
// keyboard navigation, the popup and the options page. Firefox's extension commands cannot be pressed
// from a test, so the keyboard tests send the message the background sends for them.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  hoverTerm,
  popoverHeading,
  popoverView,
  probe,
  sendToTopFrame,
  type FirefoxBrowser,
} from '../support/firefox';
import type { StaticServer } from '../support/static-server';
import { useFirefoxSession } from '../support/firefox-session';
import { paintedRanges, settledRanges } from '../support/page-probes';
import { centre } from '../support/interaction';

let server: StaticServer;
let firefox: FirefoxBrowser;
let control: Page;
let page: Page | undefined;
let errors: string[] = [];

useFirefoxSession((session) => ({ server, firefox, control, page, errors } = session));

async function openArticle(): Promise<Page> {
  await page!.bringToFront();
  await page!.goto(`${server.origin}/pages/liver-cancer-article.html`);
  await page!.waitForSelector('#late');
  await settledRanges(probe(page!));
  return page!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Firefox: hovering a term', () => {
  it('shows the entry after the dwell, named from the hovered form, and Esc closes it', async () => {
    const article = await openArticle();
    await hoverTerm(article, 'SIRT');
    await expect.poll(() => popoverHeading(article)).toBe('Selective internal radiation therapy (SIRT)');
    const view = (await popoverView(article))!;
    expect(view.text).toContain('Also known as Transarterial radioembolization (TARE)');
    expect(view.text).toContain('From Revolutionizing ICC Treatment: TARE and Immunotherapy Breakthroughs');
    expect(view.role).toBe('dialog');
    await article.keyboard.press('Escape');
    await expect.poll(() => popoverView(article)).toBeNull();
    expect(errors).toEqual([]);
  });

  it('pins on click, so it stays after the pointer leaves, until a click elsewhere', async () => {
    const article = await openArticle();
    const box = await hoverTerm(article, 'surgical resection');
    await article.mouse.click(centre(box).x, centre(box).y);
    await expect.poll(() => popoverHeading(article)).toBe('Surgical resection');
    await article.mouse.move(5, 700, { steps: 4 });
    await sleep(800);
    expect(await popoverHeading(article)).toBe('Surgical resection');
    await article.mouse.click(5, 700);
    await expect.poll(() => popoverView(article)).toBeNull();
  });
});

describe('Firefox: keyboard', () => {
  it('moves to the next and previous term on the navigateTerms message, focuses the popover and Esc returns focus', async () => {
    const article = await openArticle();
    await article.focus('#q');
    await sendToTopFrame(control, article, 'navigateTerms', { direction: 'next' });
    await expect.poll(() => popoverHeading(article)).toBe('Intrahepatic cholangiocarcinoma (ICC)');
    const first = await popoverHeading(article);
    await sendToTopFrame(control, article, 'navigateTerms', { direction: 'next' });
    await expect.poll(() => popoverHeading(article)).not.toBe(first);
    await sendToTopFrame(control, article, 'navigateTerms', { direction: 'previous' });
    await expect.poll(() => popoverHeading(article)).toBe(first);
    expect((await popoverView(article))!.focused).toBe(true);
    await article.keyboard.press('Escape');
    await expect.poll(() => popoverView(article)).toBeNull();
    expect(await article.evaluate(() => document.activeElement?.id)).toBe('q');
  });
});

describe('Firefox: the popup', () => {
  it('finds SIRT under its entry, and says in words that the page (itself) cannot be read', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    try {
      await popup.bringToFront();
      // Opened in a tab, the popup is itself the active tab: an extension page has no content script.
      await popup.waitForFunction(() => document.body.textContent?.includes('can’t read this page'), { timeout: 5000 });
      await popup.waitForFunction(() => document.activeElement?.id === 'glossary-search', { timeout: 5000 });
      await popup.type('#glossary-search', 'SIRT');
      await popup.waitForFunction(
        () => document.querySelector('[aria-label="Search results"] .entry-list__term')?.textContent === 'Transarterial radioembolization',
        { timeout: 5000 },
      );
    } finally {
      await popup.close();
    }
  });
});

describe('Firefox: the options page', () => {
  it('switches the open article from the underline to the soft background without a reload', async () => {
    const article = await openArticle();
    const before = await paintedRanges(probe(article));
    expect(before.length).toBeGreaterThan(10);
    expect(new Set(before.map((range) => range.name))).toEqual(new Set(['glossary-underline']));
    const navigations: string[] = [];
    article.on('framenavigated', (frame) => navigations.push(frame.url()));

    const options = await firefox.openExtensionPage('options.html');
    try {
      await options.bringToFront();
      const choice = await options.waitForSelector('::-p-xpath(//label[normalize-space()="Soft background"])');
      await choice!.click();
      expect(await options.evaluate(() => {
        const label = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === 'Soft background');
        return label?.querySelector('input')?.checked;
      })).toBe(true);
      await expect
        .poll(async () => [...new Set((await paintedRanges(probe(article))).map((range) => range.name))])
        .toEqual(['glossary-background']);
      expect((await paintedRanges(probe(article))).length).toBe(before.length);
      expect(navigations).toEqual([]);
    } finally {
      await options.close();
    }
  });
});
