// Hostile and broken pages (tests/fixtures/hostile/) in Chromium: pages that rewrite built-ins, own
// the popover's element name, block inline styles with CSP, never stop mutating, nest shadow roots
// five deep, hold 200,000 elements or a 2 MB text node, host editors, or imitate the extension's
// messages. The page must keep working, and the extension must keep working or stand back cleanly.
//
// Pages here may replace Array.prototype.map, JSON, document.createRange or CSS in their own world,
// so everything the tests read from a page is read in a fresh isolated world of its own (CDP
// Page.createIsolatedWorld), where the built-ins are untouched.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, launchWithExtension, type ExtensionBrowser } from './support/chromium';
import { FIXTURES_DIR, startStaticServer, type StaticServer } from './support/static-server';

const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'";
const UNDERLINE: [number, number, number] = [0x1f, 0x9e, 0x93];

let server: StaticServer;
let browser: ExtensionBrowser;
let plain: { context: BrowserContext; close(): Promise<void> };
let page: Page;
const errors: string[] = [];
const missing: string[] = [];

beforeAll(async () => {
  server = await startStaticServer();
  server.route('/hostile/csp-strict.html', {
    body: readFileSync(join(FIXTURES_DIR, 'hostile/csp-strict.html'), 'utf8'),
    headers: { 'Content-Security-Policy': STRICT_CSP },
  });
  [browser, plain] = await Promise.all([launchExtension(), launchWithExtension({ withExtension: false })]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), plain?.close()]);
  await server?.close();
});
beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  errors.length = 0;
  missing.length = 0;
  // Errors of the extension's isolated world are reported on the page too (pageerror and console).
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A page's own missing resource (the browser asks for /favicon.ico) is not ours: see `missing`.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') missing.push(response.url());
  });
});

async function open(target: Page, path: string): Promise<void> {
  await target.goto(`${server.origin}${path}`, { timeout: 60_000 });
}

/** Evaluates in a fresh isolated world of the page's main frame: the page's rewrites cannot reach it. */
async function pristine(target: Page): Promise<<T>(expression: string) => Promise<T>> {
  const session = await target.context().newCDPSession(target);
  const { frameTree } = await session.send('Page.getFrameTree');
  const { executionContextId } = await session.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'termlight-test-probe',
  });
  return async <T>(expression: string) => {
    const reply = await session.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (reply.exceptionDetails) throw new Error(`probe failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as T;
  };
}

// Probes, as source text for the pristine world.
const RANGES = `(() => {
  const out = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('glossary')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      let node = r.startContainer;
      while (node && !(node instanceof Element && node.id)) node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
      out.push({ text: range.toString(), where: node ? node.id : '', startOffset: r.startOffset });
    }
  }
  return out;
})()`;
const POPOVER = `(() => {
  const host = document.querySelector('[data-termlight-ui]');
  const popover = host && host.shadowRoot && host.shadowRoot.querySelector('.popover');
  if (!popover) return null;
  const summary = popover.querySelector('.term-card__summary');
  return {
    host: host.localName,
    heading: popover.querySelector('h2') ? popover.querySelector('h2').textContent : '',
    background: getComputedStyle(popover).backgroundColor,
    summaryFontSize: summary ? getComputedStyle(summary).fontSize : '',
    visible: popover.getBoundingClientRect().width > 100,
  };
})()`;
/** The centre of the first client rect of the `index`-th painted range whose text is `text`. */
const TERM_POINT = (text: string, index = 0) => `(() => {
  const found = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('glossary')) continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() === ${JSON.stringify(text)}) found.push(range);
    }
  }
  const range = found[${index}];
  if (!range) return null;
  const box = range.getClientRects()[0];
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
})()`;
/** The centre of the first occurrence of `word` in the text under `selector` (painted or not). */
const WORD_POINT = (selector: string, word: string) => `(() => {
  const walker = document.createTreeWalker(document.querySelector(${JSON.stringify(selector)}), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(${JSON.stringify(word)});
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + ${word.length});
    const box = range.getClientRects()[0];
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  return null;
})()`;

type Probe = Awaited<ReturnType<typeof pristine>>;
interface Painted {
  text: string;
  where: string;
  startOffset: number;
}

const texts = async (probe: Probe) => (await probe<Painted[]>(RANGES)).map((range) => range.text);

/** Waits until the painted ranges stop changing, as settledRanges does, through the pristine world. */
async function settled(probe: Probe, { quietMs = 400, timeoutMs = 15_000 } = {}): Promise<Painted[]> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await probe<Painted[]>(RANGES));
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = JSON.stringify(await probe<Painted[]>(RANGES));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      break;
    }
  }
  return JSON.parse(last) as Painted[];
}

async function hover(target: Page, point: { x: number; y: number } | null): Promise<void> {
  if (!point) throw new Error('nothing to hover');
  await target.mouse.move(point.x - 40, point.y);
  await target.mouse.move(point.x, point.y, { steps: 4 });
}

/** Pixels of the highlight underline colour in a screenshot of the element. */
async function underlinePixels(target: Page, selector: string): Promise<number> {
  const { data } = PNG.sync.read(await target.locator(selector).screenshot());
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - UNDERLINE[0]) < 24 && Math.abs(data[i + 1]! - UNDERLINE[1]) < 24 && Math.abs(data[i + 2]! - UNDERLINE[2]) < 24) count++;
  }
  return count;
}

describe('pages that rewrite the platform in their own world', () => {
  it('are highlighted and get a working popover; the page keeps working', async () => {
    await open(page, '/hostile/builtins.html');
    const probe = await pristine(page);
    await expect.poll(() => probe<string>(`document.getElementById('status').textContent`)).toMatch(/^page script: ok/);
    expect((await settled(probe)).map((range) => range.text)).toEqual([
      'Intrahepatic cholangiocarcinoma', 'ICC', 'bile ducts', 'TARE', 'radioactive microspheres', 'hepatic artery',
      'Immunotherapy', 'checkpoint inhibitor', 'pembrolizumab', 'chemotherapy', 'multidisciplinary team', 'jaundice',
    ]);
    await hover(page, await probe(TERM_POINT('pembrolizumab')));
    await expect.poll(() => probe(POPOVER)).toMatchObject({ heading: 'Pembrolizumab', summaryFontSize: '14px', visible: true });
    await page.mouse.click(5, 5);
    await page.click('#count');
    expect(await probe<string>(`document.getElementById('clicks').textContent`)).toBe('1');
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('a page that defines the popover\'s element name itself does not break the popover', async () => {
    await open(page, '/hostile/element-name-clash.html');
    const probe = await pristine(page);
    expect((await settled(probe)).map((range) => range.text)).toEqual([
      'Chemotherapy', 'immunotherapy', 'liver cancer', 'checkpoint inhibitor', 'nivolumab',
    ]);
    await hover(page, await probe(TERM_POINT('nivolumab')));
    await expect.poll(() => probe(POPOVER)).toMatchObject({ heading: 'Nivolumab', summaryFontSize: '14px', visible: true });
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe('hostile styles and a strict Content-Security-Policy', () => {
  it('paints the underline on a page that sets `* { all: unset !important }`', async () => {
    await open(page, '/pages/hostile-css.html');
    const probe = await pristine(page);
    expect((await settled(probe)).map((range) => range.text)).toEqual([
      'Immunotherapy', 'chemotherapy', 'liver cancer',
    ]);
    expect(await underlinePixels(page, '#one')).toBeGreaterThan(30);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('paints and styles the popover where inline styles and scripts are blocked, without a CSP error', async () => {
    await open(page, '/hostile/csp-strict.html');
    const probe = await pristine(page);
    expect(await probe<string>(`document.getElementById('script-status').textContent`)).toBe('page script ran');
    expect((await settled(probe)).map((range) => range.text)).toEqual([
      'intrahepatic cholangiocarcinoma', 'ICC', 'TARE', 'immunotherapy', 'pembrolizumab', 'Radioactive microspheres',
      'hepatic artery', 'chemotherapy',
    ]);
    expect(await underlinePixels(page, '#summary')).toBeGreaterThan(50);
    await hover(page, await probe(TERM_POINT('pembrolizumab')));
    await expect.poll(() => probe<{ heading: string } | null>(POPOVER).then((state) => state?.heading)).toBe('Pembrolizumab');
    const popover = (await probe<{ background: string; summaryFontSize: string }>(POPOVER))!;
    expect(popover.background).not.toMatch(/^(transparent|rgba\(0, 0, 0, 0\))$/);
    expect(popover.summaryFontSize).toBe('14px');
    // A blocked inline style or script of ours would log a CSP violation here.
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe('a page that never stops mutating', () => {
  interface Stats {
    ticks: number;
    frames: number;
    maxFrameGap: number;
    longTasks: number[];
  }
  async function measure(target: Page): Promise<Stats> {
    await target.evaluate(() => (window as any).__resetStats());
    await target.waitForTimeout(2000);
    return target.evaluate(() => {
      const stats = (window as any).__stats;
      return { ticks: stats.ticks, frames: stats.frames, maxFrameGap: stats.maxFrameGap, longTasks: [...stats.longTasks] };
    });
  }

  it('keeps its highlights right, and its own ticker and frames keep their pace', async () => {
    const ARTICLE = [
      'liver cancer', 'Intrahepatic cholangiocarcinoma', 'ICC', 'surgical resection', 'TARE', 'Radioactive microspheres',
      'hepatic artery', 'immunotherapy', 'multidisciplinary team', 'jaundice',
    ];
    const HEADLINE_TERMS = ['nivolumab', 'TARE', 'chemotherapy', 'Checkpoint inhibitor', 'bile duct', 'liver transplant'];

    // Without the extension first, then with it, so the two browsers do not share the cores.
    const baselinePage = await plain.context.newPage();
    await open(baselinePage, '/hostile/ticker.html');
    await baselinePage.waitForTimeout(1000);
    const baseline = await measure(baselinePage);
    await baselinePage.close();

    await open(page, '/hostile/ticker.html');
    const probe = await pristine(page);
    await expect
      .poll(async () => {
        const painted = await texts(probe);
        return ARTICLE.every((text) => painted.includes(text));
      }, { timeout: 10_000 })
      .toBe(true);
    // The machine is shared (two cores, other browsers): a window disturbed by something else is
    // measured again, up to three times. An extension that held up the page would fail every window.
    const paced = (stats: Stats) =>
      stats.ticks >= baseline.ticks * 0.8 &&
      stats.frames >= baseline.frames * 0.8 &&
      stats.maxFrameGap < 100 &&
      stats.longTasks.every((duration) => duration <= 100);
    const windows = [await measure(page)];
    while (!paced(windows[windows.length - 1]!) && windows.length < 3) windows.push(await measure(page));
    const withExtension = windows[windows.length - 1]!;

    // Sampled while the page keeps changing: the article's terms are always there, and nothing but
    // glossary terms is ever painted (no stale range covering shifted text).
    for (let sample = 0; sample < 8; sample++) {
      const ranges = await probe<Painted[]>(RANGES);
      const painted = ranges.map((range) => range.text);
      for (const text of ARTICLE) expect(painted, `sample ${sample}`).toContain(text);
      for (const text of painted) expect([...ARTICLE, ...HEADLINE_TERMS], `sample ${sample}`).toContain(text);
      await page.waitForTimeout(250);
    }
    // The rotating headline's term follows the headline.
    await expect
      .poll(async () => {
        const [headline, ranges] = await Promise.all([
          probe<string>(`document.getElementById('headline').textContent`),
          probe<Painted[]>(RANGES),
        ]);
        const painted = ranges.filter((range) => range.where === 'headline').map((range) => range.text);
        return painted.length > 0 && painted.every((text) => headline.includes(text));
      }, { timeout: 5000 })
      .toBe(true);

    console.info(`ticker over 2 s: without the extension ${JSON.stringify(baseline)}, with it ${windows.map((stats) => JSON.stringify(stats)).join(' then ')}`);
    expect(withExtension.ticks).toBeGreaterThanOrEqual(baseline.ticks * 0.8);
    expect(withExtension.frames).toBeGreaterThanOrEqual(baseline.frames * 0.8);
    expect(withExtension.maxFrameGap).toBeLessThan(100);
    expect(withExtension.longTasks.filter((duration) => duration > 100)).toEqual([]);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe('shadow roots five deep', () => {
  it('highlights the terms at every level, styles them, and the deepest one is hoverable', async () => {
    await open(page, '/hostile/shadow-5-deep.html');
    const probe = await pristine(page);
    const ranges = await settled(probe);
    expect(ranges.map((range) => [range.where, range.text])).toEqual(
      expect.arrayContaining([
        ['light', 'surgical resection'],
        ['deep-1', 'chemotherapy'],
        ['deep-2', 'immunotherapy'],
        ['deep-3', 'pembrolizumab'],
        ['deep-4', 'nivolumab'],
        ['deep-5', 'checkpoint inhibitor'],
        ['deep-5', 'jaundice'],
      ]),
    );
    expect(ranges).toHaveLength(7);
    // The highlight style reaches the innermost shadow root too (Playwright's locator pierces them).
    expect(await underlinePixels(page, '#deep-5')).toBeGreaterThan(30);
    await hover(page, await probe(TERM_POINT('checkpoint inhibitor')));
    await expect.poll(() => probe<{ heading: string } | null>(POPOVER).then((state) => state?.heading)).toBe('Checkpoint inhibitor');
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe('very large pages', () => {
  it('with 200,000 elements the page keeps answering clicks, and highlights follow the reader down', { timeout: 90_000 }, async () => {
    await open(page, '/hostile/many-elements.html');
    const probe = await pristine(page);
    expect(Number(await probe<string>(`document.body.dataset.built`))).toBeGreaterThanOrEqual(200_000);
    // Clicked while the extension reads the page: the page's handler runs, and soon.
    const button = (await page.locator('#ping').boundingBox())!;
    const clickedAt = Date.now();
    await page.mouse.click(button.x + 5, button.y + 5);
    await expect.poll(() => probe<string>(`document.getElementById('pong').textContent`), { timeout: 10_000 }).toBe('clicked');
    const answeredIn = Date.now() - clickedAt;
    // Each painted range with the row it is in (the row's first cell holds its number); -1 in the header.
    const ROWS_PAINTED = `(() => {
      const out = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('glossary')) continue;
        for (const r of highlight) {
          const row = r.startContainer.parentElement.closest('tr');
          out.push({ text: r.startContainer.data.slice(r.startOffset, r.endOffset), row: row ? Number(row.cells[0].textContent) : -1 });
        }
      }
      return out;
    })()`;
    type RowPainted = { text: string; row: number };
    const TERMS = ['Chemotherapy', 'Immunotherapy', 'Surgical resection', 'Nivolumab'];
    /** Every tenth row has a term; the rows within reach of the view [first, last] must all be painted. */
    const expectRowsPainted = async (first: number, last: number) => {
      await expect
        .poll(async () => {
          const painted = (await probe<RowPainted[]>(ROWS_PAINTED)).filter((range) => range.row >= first && range.row <= last);
          return painted.sort((a, b) => a.row - b.row).map((range) => `${range.row} ${range.text}`);
        }, { timeout: 45_000, interval: 500 })
        .toEqual(Array.from({ length: (last - first) / 10 + 1 }, (_, i) => `${first + 10 * i} ${TERMS[(first / 10 + i) % 4]}`));
    };
    await expect
      .poll(async () => (await probe<RowPainted[]>(ROWS_PAINTED)).filter((range) => range.row === -1).map((range) => range.text), { timeout: 45_000 })
      .toEqual(['Oncology', 'liver cancer', 'chemotherapy', 'immunotherapy']);
    await expectRowsPainted(0, 40);
    // Only what is near the view is registered: 2,004 ranges would slow every frame after a change.
    expect((await probe<RowPainted[]>(ROWS_PAINTED)).length).toBeLessThan(300);

    await probe(`document.getElementById('rows').rows[10000].scrollIntoView({ block: 'center' })`);
    await expectRowsPainted(9980, 10020);
    await probe(`window.scrollTo(0, document.documentElement.scrollHeight)`);
    await expectRowsPainted(19950, 19990);
    expect((await probe<RowPainted[]>(ROWS_PAINTED)).length).toBeLessThan(300);
    console.info(`200,000 elements: the click was answered ${answeredIn} ms after it was sent`);
    expect(answeredIn).toBeLessThan(5000);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('a 2 MB text node is highlighted at exactly the right places', { timeout: 60_000 }, async () => {
    await open(page, '/hostile/long-text-node.html');
    const probe = await pristine(page);
    const starts = await page.evaluate(() => (window as any).__termStarts as number[]);
    expect(await probe<number>(`document.getElementById('log').firstChild.data.length`)).toBeGreaterThan(2 * 1024 * 1024);
    await expect
      .poll(async () => (await probe<Painted[]>(RANGES)).filter((range) => range.where === 'log').length, { timeout: 30_000 })
      .toBe(starts.length);
    const ranges = (await probe<Painted[]>(RANGES)).filter((range) => range.where === 'log');
    ranges.sort((a, b) => a.startOffset - b.startOffset);
    const TERMS = ['chemotherapy', 'TARE', 'intrahepatic cholangiocarcinoma', 'pembrolizumab'];
    expect(ranges.map((range) => range.startOffset)).toEqual(starts);
    expect(ranges.map((range) => range.text)).toEqual(starts.map((_, i) => TERMS[i % TERMS.length]));
    await page.click('#ping');
    await expect.poll(() => probe<string>(`document.getElementById('pong').textContent`)).toBe('clicked');
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe('editors', () => {
  const EDITORS = ['plain', 'simple', 'rich'];

  it('are never highlighted; typing and selection work; no popover while typing or hovering in them', async () => {
    await open(page, '/hostile/editors.html');
    const probe = await pristine(page);
    const before = await settled(probe);
    expect(before.map((range) => range.text)).toEqual([
      'intrahepatic cholangiocarcinoma', 'ICC', 'TARE', 'chemotherapy', 'immunotherapy',
      'Nivolumab', 'surgical resection', 'multidisciplinary team',
    ]);
    expect(before.filter((range) => EDITORS.includes(range.where))).toEqual([]);
    // The rich-text editor watches its own DOM: nothing was written into it.
    expect(await probe<number | null>(`window.__richChanges ?? null`)).toBeNull();

    // Textarea: type at the end, then select the last five characters with the keyboard.
    await page.click('#plain');
    await page.keyboard.press('End');
    await page.keyboard.type(' Ask about TARE and chemotherapy.');
    const typed = 'Is TARE before chemotherapy normal for ICC? Ask about TARE and chemotherapy.';
    expect(await page.inputValue('#plain')).toBe(typed);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    expect(await probe<number[]>(`[document.activeElement.selectionStart, document.activeElement.selectionEnd]`)).toEqual([
      typed.length - 5,
      typed.length,
    ]);

    // contenteditable: type, and select everything in it.
    await page.click('#simple');
    await page.keyboard.press('End');
    await page.keyboard.type(' Then chemotherapy.');
    expect(await probe<string>(`document.getElementById('simple').innerText`)).toBe(
      'I had SIRT and then immunotherapy with pembrolizumab. Then chemotherapy.',
    );
    await page.keyboard.press('ControlOrMeta+A');
    expect(await probe<string>(`getSelection().toString()`)).toBe('I had SIRT and then immunotherapy with pembrolizumab. Then chemotherapy.');

    // Rich-text editor (ProseMirror-like): type into its second paragraph, bold a word.
    await page.click('#rich p:last-child');
    await page.keyboard.press('End');
    await page.keyboard.type(' And nivolumab?');
    expect(await probe<string>(`document.getElementById('rich').innerText`)).toBe(
      'My oncologist suggested a checkpoint inhibitor after my liver transplant.\n\nIs TARE possible with jaundice? And nivolumab?',
    );
    // While typing, hovering a term-like word in each editor shows nothing.
    for (const [selector, word] of [['#plain', 'TARE'], ['#simple', 'pembrolizumab'], ['#rich', 'checkpoint inhibitor']] as const) {
      if (selector !== '#plain') await hover(page, await probe(WORD_POINT(selector, word)));
      else {
        const box = (await page.locator('#plain').boundingBox())!;
        await hover(page, { x: box.x + 40, y: box.y + 15 });
      }
      await page.keyboard.type('x');
      await page.waitForTimeout(700);
      expect(await probe(POPOVER), `${selector} ${word}`).toBeNull();
    }
    const after = await settled(probe);
    expect(after.filter((range) => EDITORS.includes(range.where))).toEqual([]);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('a section made editable in place loses its highlights, and gets them back when it is saved', async () => {
    await open(page, '/hostile/editors.html');
    const probe = await pristine(page);
    const inNote = async () => (await probe<Painted[]>(RANGES)).filter((range) => range.where === 'saved-text').map((range) => range.text);
    await expect.poll(inNote).toEqual(['Nivolumab', 'surgical resection', 'multidisciplinary team']);
    await page.click('#edit-note');
    await expect.poll(inNote).toEqual([]);
    await page.click('#saved-text');
    await page.keyboard.press('Home');
    await page.keyboard.type('Dr Lee: ');
    await page.waitForTimeout(300);
    expect(await inNote()).toEqual([]);
    expect(await probe<string>(`document.getElementById('saved').innerText`)).toBe(
      'Dr Lee: Nivolumab and surgical resection were discussed with the multidisciplinary team.',
    );
    await page.click('#edit-note');
    await expect.poll(inNote).toEqual(['Nivolumab', 'surgical resection', 'multidisciplinary team']);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});

describe('a page that imitates the extension', () => {
  it('posting messages shaped like our commands has no effect', async () => {
    await open(page, '/hostile/spoofed-messages.html');
    const probe = await pristine(page);
    const before = await settled(probe);
    expect(before.map((range) => range.text)).toEqual([
      'Chemotherapy', 'immunotherapy', 'surgical resection', 'liver cancer', 'pembrolizumab', 'nivolumab', 'checkpoint inhibitors',
    ]);
    expect(await page.evaluate(() => (window as any).spoof())).toBe(5);
    await page.waitForTimeout(1000);
    expect(await probe(POPOVER)).toBeNull();
    expect(await probe<number>('scrollY')).toBe(0);
    expect(await settled(probe)).toEqual(before);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('a forged "newer content script started" event makes it stand back cleanly, and the page goes on', async () => {
    // WXT's content-script context stops itself when a newer copy of the same script announces itself
    // with a DOM event named after the extension id. A page that knows the id can send it: then the
    // extension must leave the page as it found it, without an error.
    await open(page, '/hostile/spoofed-messages.html');
    const probe = await pristine(page);
    expect((await settled(probe)).length).toBe(7);
    await page.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
      );
    }, browser.extensionId);
    await expect.poll(() => probe<Painted[]>(RANGES)).toEqual([]);
    expect(await probe<number>(`document.querySelectorAll('[data-termlight-ui]').length`)).toBe(0);
    expect(await page.evaluate(() => (window as any).spoof())).toBe(5);
    expect(errors).toEqual([]);
    expect(missing).toEqual([]);
  });
});
