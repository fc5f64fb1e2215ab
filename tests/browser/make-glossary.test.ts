// Glossaries drawn from any article, in real Chromium: extract from a page in the popup, review, save,
// see the new terms highlighted on another page; export, delete, re-import; bad files refused.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './support/chromium';
import { useChromiumSession } from './support/chromium-session';
import type { StaticServer } from './support/static-server';
import { settledRanges } from './support/page-probes';
import { PopupSession } from './support/popup-session';
import { hoverTerm, popover } from './support/interaction';
import { storedGlossaries as storedInExtension } from './support/extension-settings';

declare const chrome: any;

let server: StaticServer;
let browser: ExtensionBrowser;
let page: Page;

useChromiumSession((session) => ({ server, browser, page } = session), {
  beforeNewPage: (extension) => extension.serviceWorker.evaluate(() => chrome.storage.local.clear()),
});

const storedGlossaries = () => storedInExtension(browser.serviceWorker);

async function makeGlossaryFromArticle(): Promise<void> {
  await page.goto(`${server.origin}/pages/hcc-article.html`);
  const popup = await PopupSession.open(browser, page);
  await popup.waitFor(`[...document.querySelectorAll('button')].some((b) => b.textContent === 'Make a glossary from this page')`);
  await popup.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Make a glossary from this page').click()`);
  await popup.waitFor(`document.querySelectorAll('.proposal').length > 0`, 10_000);
  const proposed = await popup.evaluate<string[]>(`[...document.querySelectorAll('.proposal input[type=text]')].map((i) => i.value)`);
  expect(proposed).toEqual(expect.arrayContaining(['Hepatocellular carcinoma', 'Transarterial chemoembolization', 'Alpha-fetoprotein']));
  // Nothing from the navigation, the advert or the comments.
  expect(proposed.join(' ')).not.toMatch(/Limited offer|good clinic|Subscribe/i);
  // Untick computed tomography, edit a summary, then save.
  await popup.evaluate(`(() => {
    const item = [...document.querySelectorAll('.proposal')].find((li) => li.querySelector('input[type=text]').value === 'Computed tomography');
    item?.querySelector('input[type=checkbox]').click();
  })()`);
  await popup.evaluate(`(() => {
    const item = [...document.querySelectorAll('.proposal')].find((li) => li.querySelector('input[type=text]').value === 'Hepatocellular carcinoma');
    const area = item.querySelector('textarea');
    area.value = 'The most common type of primary liver cancer in adults, says the article.';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await popup.evaluate(`document.querySelector('.make-glossary button[type=submit]').click()`);
  await popup.waitFor(`document.body.textContent.includes('highlighted on every page from now on')`);
  await popup.close();
}

describe('a glossary made from a page', () => {
  it('is proposed from the article, saved as reviewed, and highlighted on another page with its popover citing the article', async () => {
    await makeGlossaryFromArticle();
    const [stored] = await storedGlossaries();
    expect(stored.title).toBe('Understanding liver cancer treatment');
    expect(stored.source).toEqual({ title: 'Understanding liver cancer treatment', url: `${server.origin}/pages/hcc-article.html` });
    expect(stored.entries.map((entry: any) => entry.term)).not.toContain('Computed tomography');
    expect(stored.entries.find((entry: any) => entry.term === 'Hepatocellular carcinoma').summary).toBe(
      'The most common type of primary liver cancer in adults, says the article.',
    );

    const news = await browser.context.newPage();
    await news.goto(`${server.origin}/pages/hcc-news.html`);
    const painted = (await settledRanges(news)).map((range) => range.text);
    expect(painted).toEqual(expect.arrayContaining(['HCC', 'TACE', 'alpha-fetoprotein']));
    await hoverTerm(news, 'TACE');
    await expect.poll(() => popover(news).locator('h2').textContent({ timeout: 2000 })).toBe('Transarterial chemoembolization (TACE)');
    expect(await popover(news).locator('figcaption').textContent()).toBe('From Understanding liver cancer treatment');
    await news.close();
  });
});

describe('glossaries stored by version 1', () => {
  it('are still highlighted, and the next change moves them to the new form without losing them', async () => {
    const legacy = {
      format: 1,
      id: 'liver-words',
      title: 'Liver words',
      source: { title: 'A liver article' },
      entries: [
        {
          id: 'rfa',
          term: 'Radiofrequency ablation',
          aliases: [],
          category: 'procedure',
          summary: 'A treatment named in the article.',
          quotes: ['Radiofrequency ablation is a treatment.'],
          related: [],
        },
      ],
    };
    // Version 1 kept the list as objects under `glossaries` (utils/glossary-store.ts).
    await browser.serviceWorker.evaluate((value) => chrome.storage.local.set({ glossaries: [value] }), legacy);
    await page.goto(`${server.origin}/pages/hcc-news.html`);
    expect((await settledRanges(page)).map((range) => range.text)).toContain('radiofrequency ablation');

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Delete Liver words' }).click();
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedGlossaries()).map((glossary) => glossary.id)).toEqual(['liver-words']);
    expect(await storedGlossaries()).toEqual([legacy]);
    expect(await browser.serviceWorker.evaluate(async () => (await chrome.storage.local.get('glossaries')).glossaries)).toBeUndefined();
    await options.close();
  });
});

describe('the options page', () => {
  it('exports a glossary, deletes it with undo, and imports the exported file back', async () => {
    await makeGlossaryFromArticle();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const title = 'Understanding liver cancer treatment';
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: `Export ${title}` }).click()]);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.format).toBe(1);

    await options.getByRole('button', { name: `Delete ${title}` }).click();
    await expect.poll(async () => (await storedGlossaries()).length).toBe(0);
    await options.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedGlossaries()).length).toBe(1);

    await options.getByRole('button', { name: `Delete ${title}` }).click();
    await expect.poll(async () => (await storedGlossaries()).length).toBe(0);
    await options.getByLabel('Import a glossary file').setInputFiles(file);
    await expect
      .poll(async () => [...(await options.getByRole('status').allTextContents()), ...(await options.getByRole('alert').allTextContents())])
      .toContain(`Imported “${title}” with ${exported.entries.length} terms.`);
    expect(await storedGlossaries()).toEqual([exported]);
    await options.close();
  });

  it('refuses bad files in words and leaves stored glossaries unchanged', async () => {
    await makeGlossaryFromArticle();
    const before = await storedGlossaries();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const input = options.getByLabel('Import a glossary file');
    const broken = { ...before[0], id: 'other', entries: before[0].entries.map((entry: any, i: number) => (i === 1 ? { ...entry, quotes: [3] } : entry)) };
    const cases: [string, string, RegExp][] = [
      ['notes.json', 'this is not json', /notes\.json was not imported\. This file is not a glossary: it is not valid JSON/],
      ['broken.json', JSON.stringify(broken), /broken\.json was not imported\. This glossary has an error: entries\[1\]\.quotes\[0\]: expected text\./],
      ['future.json', JSON.stringify({ ...before[0], format: 7 }), /made by a newer version of Termlight \(format 7\)/],
    ];
    for (const [name, content, message] of cases) {
      await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect.poll(() => options.getByRole('alert').textContent()).toMatch(message);
    }
    expect(await storedGlossaries()).toEqual(before);
    await options.close();
  });

  it('shows imported markup as text, never as HTML', async () => {
    const glossary = {
      format: 1,
      id: 'hostile',
      title: 'Hostile <b>glossary</b>',
      source: { title: 'Source <script>alert(1)</script>' },
      entries: [
        { id: 'x', term: 'Sorafenib', aliases: [], category: 'drug', summary: '<img src=x onerror=alert(1)>', quotes: ['<i>quoted</i>'], related: [] },
      ],
    };
    const options = await browser.context.newPage();
    const dialogs: string[] = [];
    options.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Import a glossary file').setInputFiles({ name: 'h.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(glossary)) });
    await expect.poll(() => options.getByRole('status').allTextContents()).toContain('Imported “Hostile <b>glossary</b>” with 1 terms.');
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#entry=hostile/x`);
    await expect.poll(() => options.locator('.term-card__summary').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await options.locator('.term-card img').count()).toBe(0);

    await page.goto(`${server.origin}/pages/hcc-news.html`);
    await settledRanges(page);
    await hoverTerm(page, 'sorafenib');
    await expect.poll(() => popover(page).locator('.term-card__summary').textContent({ timeout: 2000 })).toBe('<img src=x onerror=alert(1)>');
    expect(await popover(page).locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await options.close();
  });
});

describe('a large imported glossary', () => {
  it('imports 10,000 entries and highlights them with the built-in ones', async () => {
    const syllables = ['ka', 'lo', 'mi', 'nu', 'pe', 'ra', 'si', 'to', 'vu', 'ze'];
    const word = (n: number) => Array.from({ length: 4 }, (_, i) => syllables[Math.floor(n / 10 ** i) % 10]).join('');
    const entries = Array.from({ length: 10_000 }, (_, n) => ({
      id: `t${n}`,
      term: `${word(n)}mab`,
      aliases: [],
      category: 'drug',
      summary: `Synthetic drug number ${n}.`,
      quotes: [`Synthetic quote ${n}.`],
      related: [],
    }));
    const glossary = { format: 1, id: 'synthetic', title: 'Ten thousand terms', source: { title: 'A generated list' }, entries };
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Import a glossary file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(glossary)) });
    await expect.poll(() => options.getByRole('status').allTextContents(), { timeout: 10_000 }).toContain('Imported “Ten thousand terms” with 10000 terms.');
    await options.close();

    server.route('/generated/synthetic-drugs.html', {
      body: `<!doctype html><meta charset="utf-8"><title>Drugs</title>
        <p>Patients received ${word(0)}mab, then ${word(4321)}mab and ${word(9999)}mab, with chemotherapy.</p>`,
    });
    await page.goto(`${server.origin}/generated/synthetic-drugs.html`);
    await expect
      .poll(async () => (await settledRanges(page)).map((range) => range.text), { timeout: 10_000 })
      .toEqual([`${word(0)}mab`, `${word(4321)}mab`, `${word(9999)}mab`, 'chemotherapy']);
  });
});
