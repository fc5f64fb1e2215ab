// The highlighter in real Chromium with the built extension: what it paints on pages that look like
// real sites, that it leaves the page untouched, and that settings apply live.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchExtension, launchWithExtension, type ExtensionBrowser } from './support/chromium';
import type { StaticServer } from './support/static-server';
import { pageSignature, paintedRanges, settledRanges } from './support/page-probes';
import { ARTICLE_MAIN } from './support/article-expectations';
import { setStoredSettings } from './support/extension-settings';
import { useChromiumSession } from './support/chromium-session';
import { sendToTopFrame } from './support/interaction';

let server: StaticServer;
let browser: ExtensionBrowser;
let page: Page;
const errors: string[] = [];

useChromiumSession((session) => {
  ({ server, browser, page } = session);
  errors.length = 0;
  page.on('pageerror', (error) => errors.push(error.message));
});

async function open(name: string): Promise<void> {
  await page.goto(`${server.origin}/pages/${name}.html`);
}

/** The article, once its late paragraph (added 400 ms after load) is in: its term count is final. */
async function openArticle(target: Page = page): Promise<void> {
  await target.goto(`${server.origin}/pages/liver-cancer-article.html`);
  await target.waitForSelector('#late');
}

describe('on a liver-cancer article', () => {
  it('paints every term occurrence as one range, in links, shadow DOM and late content, and nothing in code or forms', async () => {
    await open('liver-cancer-article');
    await page.waitForSelector('#late');
    const ranges = await settledRanges(page);
    expect(ranges.every((range) => range.name === 'glossary-underline')).toBe(true);
    const inArticle = ranges.filter((range) => range.where).map((range) => [range.where, range.text]);
    expect(inArticle).toEqual(ARTICLE_MAIN);
    // Navigation, heading and the sidebar's label are prose too; the input, textarea, editor and code are not.
    const elsewhere = ranges.filter((range) => !range.where).map((range) => range.text);
    expect(elsewhere).toEqual(['ICC', 'Immunotherapy', 'bile duct', 'TARE', 'immunotherapy', 'ICC']);
    expect(errors).toEqual([]);
  });

  it('highlights inside a same-origin iframe with the frame\'s own content script', async () => {
    await open('liver-cancer-article');
    const frame = page.frame({ url: /embedded-note/ })!;
    await frame.waitForLoadState();
    expect((await settledRanges(frame)).map((range) => range.text)).toEqual(['immunotherapy', 'TARE', 'ICC', 'clinical trials']);
  });

  it('highlights inside a cross-origin iframe too', async () => {
    const crossOrigin = server.origin.replace('127.0.0.1', 'localhost');
    server.route('/generated/cross-origin-frame.html', {
      body: `<!doctype html><meta charset="utf-8"><title>Frame host</title><p>An embedded note from another origin:</p>
        <iframe src="${crossOrigin}/pages/embedded-note.html" width="600" height="120"></iframe>`,
    });
    await page.goto(`${server.origin}/generated/cross-origin-frame.html`);
    const frame = page.frame({ url: /localhost.*embedded-note/ })!;
    await frame.waitForLoadState();
    expect((await settledRanges(frame)).map((range) => range.text)).toEqual(['immunotherapy', 'TARE', 'ICC', 'clinical trials']);
  });

  it('paints with the dotted underline colour, and paints nothing with the style "none"', async () => {
    await open('liver-cancer-article');
    await settledRanges(page);
    const tealPixels = async () => {
      const png = await page.locator('#checkpoint').screenshot();
      return countColour(png, [0x1f, 0x9e, 0x93]);
    };
    expect(await tealPixels()).toBeGreaterThan(50);
    await setStoredSettings(browser.serviceWorker, { highlightStyle: 'none' });
    await expect.poll(tealPixels).toBe(0);
  });

  it('forgets ranges of removed content and re-reads edited text', async () => {
    await open('liver-cancer-article');
    await settledRanges(page);
    await page.evaluate(() => {
      document.getElementById('checkpoint')!.remove();
      (document.querySelector('#chemo')!.firstChild as Text).data = 'Radiation, then surgical resection or a liver transplant.';
    });
    await expect
      .poll(async () => (await paintedRanges(page)).filter((r) => r.where === 'checkpoint' || r.where === 'chemo').map((r) => r.text))
      .toEqual(['surgical resection', 'liver transplant']);
  });
});

describe('the ambiguity guard on real-looking pages', () => {
  it('gives a political news page about the ICC no highlight', async () => {
    await open('politics-news');
    await page.waitForTimeout(500);
    expect(await settledRanges(page)).toEqual([]);
  });

  it('respects a cricket page that defines ICC as the International Cricket Council', async () => {
    await open('cricket-news');
    await page.waitForTimeout(500);
    expect(await settledRanges(page)).toEqual([]);
  });

  it('leaves TARE WEIGHT, tare, PICC, SIRT1 and ICC1 alone', async () => {
    await open('shipping-and-genes');
    await page.waitForTimeout(500);
    expect((await settledRanges(page)).map((range) => range.text)).toEqual(['liver cancer']);
  });
});

describe('the page stays exactly as it was', () => {
  it('has the same text, markup and element boxes with and without the extension', async () => {
    const plain = await launchWithExtension({ withExtension: false });
    try {
      const plainPage = await plain.context.newPage();
      for (const name of ['liver-cancer-article', 'politics-news', 'shipping-and-genes']) {
        await plainPage.goto(`${server.origin}/pages/${name}.html`);
        await open(name);
        await plainPage.waitForTimeout(600);
        const ranges = await settledRanges(page);
        if (name === 'liver-cancer-article') expect(ranges.length).toBeGreaterThan(10);
        expect(await pageSignature(page)).toEqual(await pageSignature(plainPage));
      }
    } finally {
      await plain.close();
    }
  });
});

describe('settings apply live, without a reload', () => {
  it('turns off and on globally, per site, first occurrence only, and background style', async () => {
    await openArticle();
    const all = await settledRanges(page);

    await setStoredSettings(browser.serviceWorker, { enabled: false });
    await expect.poll(() => paintedRanges(page)).toEqual([]);

    await setStoredSettings(browser.serviceWorker, { enabled: true, disabledSites: ['127.0.0.1'] });
    await page.waitForTimeout(300);
    expect(await paintedRanges(page)).toEqual([]);

    await setStoredSettings(browser.serviceWorker, { disabledSites: [], firstOccurrenceOnly: true });
    await expect.poll(async () => (await paintedRanges(page)).filter((r) => r.text === 'ICC').length).toBe(1);
    const firsts = await paintedRanges(page);
    expect(firsts.length).toBeLessThan(all.length);

    await setStoredSettings(browser.serviceWorker, { firstOccurrenceOnly: false, highlightStyle: 'background' });
    await expect.poll(async () => (await paintedRanges(page)).length).toBe(all.length);
    expect((await paintedRanges(page)).every((range) => range.name === 'glossary-background')).toBe(true);
  });

  it('turns off and back on in this tab only with the keyboard command', async () => {
    await openArticle();
    const all = (await settledRanges(page)).length;
    expect(await sendToTopFrame(browser.serviceWorker, page, 'toggleTab')).toEqual({ res: false });
    await expect.poll(() => paintedRanges(page)).toEqual([]);
    const other = await browser.context.newPage();
    await openArticle(other);
    expect((await settledRanges(other)).length).toBe(all);
    await other.close();
    expect(await sendToTopFrame(browser.serviceWorker, page, 'toggleTab')).toEqual({ res: true });
    await expect.poll(async () => (await paintedRanges(page)).length).toBe(all);
  });

  it('falls back to the defaults when the stored settings are corrupt', async () => {
    await setStoredSettings(browser.serviceWorker, '{"enabled": tru');
    await open('liver-cancer-article');
    expect((await settledRanges(page)).length).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });
});

/** Counts pixels of a PNG close to an RGB colour. */
function countColour(png: Buffer, [r, g, b]: [number, number, number]): number {
  const { data } = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - r) < 24 && Math.abs(data[i + 1]! - g) < 24 && Math.abs(data[i + 2]! - b) < 24) count++;
  }
  return count;
}

describe('when the extension is reloaded or updated', () => {
  it('the orphaned content script removes its highlights and popover without an error', async () => {
    const own = await launchExtension();
    try {
      const tab = await own.context.newPage();
      const pageErrors: string[] = [];
      tab.on('pageerror', (error) => pageErrors.push(error.message));
      await tab.goto(`${server.origin}/pages/liver-cancer-article.html`);
      expect((await settledRanges(tab)).length).toBeGreaterThan(10);
      await own.serviceWorker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => {});
      await expect.poll(() => paintedRanges(tab), { timeout: 8000 }).toEqual([]);
      expect(await tab.evaluate(() => document.querySelectorAll('termlight-popover').length)).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('a page opened in the middle', () => {
  it('highlights the part in view first', async () => {
    const filler = Array.from({ length: 150 }, (_, i) => `<p>Paragraph ${i} about chemotherapy and the bile ducts.</p>`).join('');
    server.route('/generated/long-page.html', {
      body: `<!doctype html><meta charset="utf-8"><title>Long page</title><body style="font:16px sans-serif">
        <article>${filler}</article>
        <section id="target" style="min-height:1200px"><h2>Nivolumab and pembrolizumab</h2><p>Both are checkpoint inhibitors.</p></section>
        <article>${filler}</article></body>`,
    });
    await page.goto(`${server.origin}/generated/long-page.html#target`);
    await settledRanges(page);
    // CSS.highlights keeps the order ranges were added in: those in view must come first.
    const firstAdded = await page.evaluate(() => {
      const highlight = CSS.highlights.get('glossary-underline') as unknown as Iterable<AbstractRange>;
      return [...highlight].slice(0, 4).map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    });
    expect(firstAdded).toEqual(['Nivolumab', 'pembrolizumab', 'checkpoint inhibitors', 'chemotherapy']);
  });
});

describe('ranges near the viewport', () => {
  it('paints text whose wrapper has no box of its own (display: contents, a closed <details>)', async () => {
    // The engine watches a paragraph's parent; a parent without a box never intersects anything, so
    // it must count as near, or the paragraph in view would never be painted.
    server.route('/generated/boxless-wrappers.html', {
      body: `<!doctype html><meta charset="utf-8"><title>Wrappers</title><body style="font:16px sans-serif">
        <div style="display:contents"><p>Chemotherapy in a display: contents wrapper.</p><p>And pembrolizumab.</p></div>
        <details><summary>More</summary><p>Nivolumab behind a closed disclosure.</p></details></body>`,
    });
    await page.goto(`${server.origin}/generated/boxless-wrappers.html`);
    await expect.poll(async () => (await paintedRanges(page)).map((range) => range.text)).toEqual(['Chemotherapy', 'pembrolizumab', 'Nivolumab']);
    await page.click('summary');
    expect((await settledRanges(page)).map((range) => range.text)).toEqual(['Chemotherapy', 'pembrolizumab', 'Nivolumab']);
    expect(errors).toEqual([]);
  });
});

describe('content added while the page is busy', () => {
  it('is painted in the frame that first shows it, even when that frame comes before the next task', async () => {
    server.route('/generated/busy-page.html', {
      body: '<!doctype html><meta charset="utf-8"><title>Busy page</title><main><p>Patients received chemotherapy.</p></main>',
    });
    await page.goto(`${server.origin}/generated/busy-page.html`);
    await settledRanges(page);
    for (let i = 0; i < 3; i++) {
      const paintedInFirstFrame = await page.evaluate(
        (index) =>
          new Promise<boolean>((resolve) => {
            // A long task queued ahead of the extension's: when it ends a frame is overdue, and Chromium
            // renders it before the tasks queued behind.
            setTimeout(() => {
              const start = performance.now();
              while (performance.now() - start < 150);
            }, 0);
            const paragraph = document.createElement('p');
            paragraph.textContent = `Update ${index}: pembrolizumab was added.`;
            document.querySelector('main')!.append(paragraph);
            const inParagraph = () =>
              [...CSS.highlights].some(
                ([name, highlight]) =>
                  name.startsWith('glossary') &&
                  [...(highlight as unknown as Iterable<AbstractRange>)].some((range) => paragraph.contains(range.startContainer)),
              );
            // Requested after the extension's mutation observer has run, so after its frame callback.
            queueMicrotask(() => requestAnimationFrame(() => resolve(inParagraph())));
          }),
        i,
      );
      expect(paintedInFirstFrame).toBe(true);
      await page.waitForTimeout(100); // past the watcher's batching delay: the next change is on its own
    }
    expect(errors).toEqual([]);
  });
});

describe('reading blocks', () => {
  it('joins a term across plain inline elements, but leaves out inline editors and splits at an element a script named in capitals', async () => {
    // Plain paragraphs are read in one piece (textContent); anything else inside sends the walk node by
    // node. happy-dom's selectors match the script-made "A" as `a`, so this is checked here, in Chromium.
    server.route('/generated/reading-blocks.html', {
      body: `<!doctype html><meta charset="utf-8"><title>Reading blocks</title><body style="font:16px sans-serif">
        <p>Patients with <a href="#">intrahepatic</a> <em>cholangio<b>carcinoma</b></em> got chemotherapy.</p>
        <p>Pembrolizumab <span contenteditable="true">and chemotherapy notes</span> for the bile duct.</p>
        <p id="caps">Immunotherapy with a </p>
        <script>
          const upper = document.createElementNS('http://www.w3.org/1999/xhtml', 'A');
          upper.textContent = 'checkpoint';
          document.getElementById('caps').append(upper, ' inhibitor.');
        </script></body>`,
    });
    await page.goto(`${server.origin}/generated/reading-blocks.html`);
    expect((await settledRanges(page)).map((range) => range.text)).toEqual([
      'intrahepatic cholangiocarcinoma', 'chemotherapy', 'Pembrolizumab', 'bile duct', 'Immunotherapy',
    ]);
    expect(errors).toEqual([]);
  });
});
