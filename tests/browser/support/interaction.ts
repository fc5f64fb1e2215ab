// Acts on a page as a reader would: pointer moves to a term's painted boxes, keys, taps, and the
// extension's own keyboard commands (sent the way the background sends them).
import type { Page, Worker } from 'playwright-core';
import { createRequire } from 'node:module';

declare const chrome: any;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The client rects of the `index`-th painted occurrence whose text is `text`. */
export async function termBoxes(page: Page, text: string, index = 0): Promise<Box[]> {
  const boxes = await page.evaluate(
    ([wanted, nth]) => {
      const found: AbstractRange[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('glossary')) continue;
        for (const r of highlight as unknown as Iterable<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === wanted) found.push(r);
        }
      }
      const pick = found[nth as number];
      if (!pick) return null;
      const range = document.createRange();
      range.setStart(pick.startContainer, pick.startOffset);
      range.setEnd(pick.endContainer, pick.endOffset);
      return [...range.getClientRects()].map((rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height }));
    },
    [text, index] as const,
  );
  if (!boxes) throw new Error(`No painted occurrence #${index} of "${text}"`);
  return boxes;
}

export const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Moves the pointer onto a term in small steps, as a hand would. */
export async function hoverTerm(page: Page, text: string, index = 0): Promise<Box> {
  const box = (await termBoxes(page, text, index))[0]!;
  const { x, y } = centre(box);
  await page.mouse.move(x, y, { steps: 4 });
  return box;
}

/** The popover as a locator (Playwright's CSS locators pierce open shadow roots). */
export const popover = (page: Page) => page.locator('termlight-popover .popover');

/** Sends a message to the tab's top frame from the service worker, as the keyboard commands do. */
export async function sendToTopFrame(serviceWorker: Worker, page: Page, type: string, data?: unknown): Promise<unknown> {
  await page.bringToFront();
  const url = page.url();
  return serviceWorker.evaluate(
    async ([messageType, messageData, pageUrl]) => {
      const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const tab = tabs[0];
      if (!tab) throw new Error(`no active tab for ${pageUrl}`);
      const message = { id: Date.now(), type: messageType, data: messageData, timestamp: Date.now() };
      return chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
    },
    [type, data, url] as const,
  );
}

/** axe-core's source and a script that runs it on `include` and reports the violations. */
export function axeScript(include: string[][] | string[]): string {
  const require = createRequire(import.meta.url);
  const source: string = require('axe-core').source;
  return `${source};
    (async () => {
      const result = await axe.run({ include: [${JSON.stringify(include)}] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length, targets: v.nodes.map((n) => String(n.target)).slice(0, 5) }));
    })()`;
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: number;
  /** Selectors of the first offending nodes, to say where. */
  targets: string[];
}

/** Runs axe-core on an element (shadow selectors as arrays) and returns the violations. */
export async function axeViolations(page: Page, include: string[][] | string[]): Promise<AxeViolation[]> {
  return page.evaluate(axeScript(include)) as Promise<AxeViolation[]>;
}
