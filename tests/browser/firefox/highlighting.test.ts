// The highlighter in Firefox ESR with the built extension (a temporary add-on): the same pages and
// expectations as tests/browser/highlighting.test.ts, read from the page's own CSS.highlights.
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { INSECURE_HOST, launchFirefox, probe, setStoredSettings, type FirefoxBrowser } from '../support/firefox';
import type { StaticServer } from '../support/static-server';
import { useFirefoxSession } from '../support/firefox-session';
import { pageSignature, paintedRanges, settledRanges } from '../support/page-probes';
import { ARTICLE_MAIN } from '../support/article-expectations';

let server: StaticServer;
let firefox: FirefoxBrowser;
let control: Page;
let page: Page | undefined;
let errors: string[] = [];

useFirefoxSession((session) => ({ server, firefox, control, page, errors } = session));

async function open(name: string): Promise<Page> {
  await page!.goto(`${server.origin}/pages/${name}.html`);
  return page!;
}

describe('Firefox: on a liver-cancer article', () => {
  it('paints every term occurrence as one range, in links, shadow DOM and late content, and nothing in code or forms', async () => {
    const article = await open('liver-cancer-article');
    await article.waitForSelector('#late');
    const ranges = await settledRanges(probe(article));
    expect(ranges.every((range) => range.name === 'glossary-underline')).toBe(true);
    expect(ranges.filter((range) => range.where).map((range) => [range.where, range.text])).toEqual(ARTICLE_MAIN);
    expect(ranges.filter((range) => !range.where).map((range) => range.text)).toEqual(['ICC', 'Immunotherapy', 'bile duct', 'TARE', 'immunotherapy', 'ICC']);
    expect(errors).toEqual([]);
  });

  it("highlights inside a same-origin iframe with the frame's own content script", async () => {
    const article = await open('liver-cancer-article');
    const frame = article.frames().find((candidate) => candidate.url().includes('embedded-note'));
    expect(frame).toBeDefined();
    await expect
      .poll(async () => (await settledRanges(probe(frame!))).map((range) => range.text))
      .toEqual(['immunotherapy', 'TARE', 'ICC', 'clinical trials']);
  });
});

describe('Firefox: on a plain http:// site', () => {
  it('highlights a page that is not a secure context, without an error', async () => {
    const port = new URL(server.origin).port;
    await page!.goto(`http://${INSECURE_HOST}:${port}/pages/liver-cancer-article.html`);
    await page!.waitForSelector('#late');
    expect(await page!.evaluate(() => isSecureContext)).toBe(false);
    const ranges = await settledRanges(probe(page!));
    expect(ranges.filter((range) => range.where).map((range) => [range.where, range.text])).toEqual(ARTICLE_MAIN);
    expect(errors).toEqual([]);
  });
});

describe('Firefox: settings apply live', () => {
  it('highlights only the first occurrence in document order, where shadow content sits at its host', async () => {
    const article = await open('liver-cancer-article');
    await article.waitForSelector('#late');
    const all = await settledRanges(probe(article));
    await setStoredSettings(control, { firstOccurrenceOnly: true });
    await expect.poll(async () => (await paintedRanges(probe(article))).filter((range) => range.text === 'ICC').length).toBe(1);
    const firsts = await paintedRanges(probe(article));
    expect(firsts.length).toBeLessThan(all.length);
    // Firefox orders a shadow root's nodes before the whole document for compareDocumentPosition: the
    // first nivolumab and checkpoint inhibitor are still the article's, not those in the shadow root.
    expect(firsts.filter((range) => range.where === 'checkpoint').map((range) => range.text)).toEqual(['pembrolizumab', 'checkpoint inhibitors', 'nivolumab']);
    expect(firsts.filter((range) => range.where === 'shadow-text')).toEqual([]);
  });
});

describe('Firefox: the ambiguity guard on real-looking pages', () => {
  it('gives a political news page about the ICC no highlight', async () => {
    const news = await open('politics-news');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await settledRanges(probe(news))).toEqual([]);
  });

  it('respects a cricket page that defines ICC as the International Cricket Council', async () => {
    const cricket = await open('cricket-news');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await settledRanges(probe(cricket))).toEqual([]);
  });

  it('leaves TARE WEIGHT, tare, PICC, SIRT1 and ICC1 alone', async () => {
    const shipping = await open('shipping-and-genes');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await settledRanges(probe(shipping))).map((range) => range.text)).toEqual(['liver cancer']);
  });
});

describe('Firefox: the page stays exactly as it was', () => {
  it('has the same text, markup and element boxes as in a Firefox without the extension', async () => {
    const plain = await launchFirefox({ withExtension: false });
    try {
      const plainPage = await plain.newPage();
      for (const name of ['liver-cancer-article', 'politics-news', 'shipping-and-genes']) {
        await plainPage.goto(`${server.origin}/pages/${name}.html`);
        const withExtension = await open(name);
        await new Promise((resolve) => setTimeout(resolve, 600));
        const ranges = await settledRanges(probe(withExtension));
        if (name === 'liver-cancer-article') expect(ranges.length).toBeGreaterThan(10);
        expect(await pageSignature(probe(withExtension))).toEqual(await pageSignature(probe(plainPage)));
      }
    } finally {
      await plain.close();
    }
  });
});
