// Reads, from the page's own world, what the extension painted. Highlights registered by a content
// script are visible to the page as `CSS.highlights` entries, which is what a reader's page sees too.
import type { Frame, Page } from 'playwright-core';

export interface PaintedRange {
  name: string;
  text: string;
  /** id of the nearest element with an id, to say where the range is. */
  where: string;
}

/** Every painted range in a frame, in document order, with the text it covers. */
export function paintedRanges(target: Page | Frame): Promise<PaintedRange[]> {
  return target.evaluate(describeRanges, { scrollThrough: false });
}

/**
 * Every range the extension paints anywhere on the page, in document order: the page, and each inner
 * scroller on it, is scrolled from top to bottom a screen at a time (the extension registers only the
 * ranges near the viewport, and the others as they come near) and put back where it was.
 */
export function paintedAcrossPage(target: Page | Frame): Promise<PaintedRange[]> {
  return target.evaluate(describeRanges, { scrollThrough: true });
}

/** Runs in the page: serialised by the driver (Playwright or Puppeteer), so it refers to nothing outside. */
async function describeRanges({ scrollThrough }: { scrollThrough: boolean }): Promise<PaintedRange[]> {
  const seen = new Map<AbstractRange, string>();
  const take = () => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary')) continue;
      for (const r of highlight as unknown as Iterable<AbstractRange>) seen.set(r, name);
    }
  };
  take();
  if (scrollThrough) {
    // Three frames: layout, the observer's report, and the frame that registers what it reported.
    const settle = async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    const scrollers = [document.scrollingElement ?? document.documentElement];
    for (const element of document.querySelectorAll('*')) {
      if (element.scrollHeight > element.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(element).overflowY)) scrollers.push(element);
    }
    const saved = scrollers.map((element) => element.scrollTop);
    for (const element of scrollers) {
      element.scrollTop = 0;
      await settle();
      take();
      while (element.scrollTop + element.clientHeight < element.scrollHeight - 1) {
        const before = element.scrollTop;
        element.scrollTop = before + element.clientHeight;
        await settle();
        take();
        if (element.scrollTop === before) break;
      }
    }
    scrollers.forEach((element, i) => (element.scrollTop = saved[i]!));
    await settle();
    take();
    // A range of a block that was redone or removed meanwhile is no longer the extension's.
    const current = new Set<AbstractRange>();
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('glossary')) for (const r of highlight as unknown as Iterable<AbstractRange>) current.add(r);
    for (const r of [...seen.keys()]) if (!r.startContainer.isConnected && !current.has(r)) seen.delete(r);
  }
  const out: { name: string; text: string; where: string; range: Range }[] = [];
  for (const [r, name] of seen) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    let element: Node | null = r.startContainer;
    while (element && !(element instanceof Element && element.id)) {
      element = element.parentNode ?? (element instanceof ShadowRoot ? element.host : null);
    }
    out.push({ name, text: range.toString(), where: (element as Element | null)?.id ?? '', range });
  }
  // Ranges in shadow trees cannot be compared with document ranges: order them where their host is.
  const anchor = (range: Range): Node => {
    let node: Node = range.startContainer;
    for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
    return node;
  };
  out.sort((a, b) => {
    const [nodeA, nodeB] = [anchor(a.range), anchor(b.range)];
    if (nodeA === nodeB) {
      return a.range.startContainer === b.range.startContainer ? a.range.startOffset - b.range.startOffset : 0;
    }
    return nodeA.compareDocumentPosition(nodeB) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return out.map(({ name, text, where }) => ({ name, text, where }));
}

export async function paintedTexts(target: Page | Frame): Promise<string[]> {
  return (await paintedRanges(target)).map((range) => range.text);
}

/** Waits until the painted ranges stop changing (the engine works in slices and batches mutations). */
export async function settledRanges(
  target: Page | Frame,
  { quietMs = 300, timeoutMs = 10_000, acrossPage = false } = {},
): Promise<PaintedRange[]> {
  const read = acrossPage ? paintedAcrossPage : paintedRanges;
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await read(target));
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = JSON.stringify(await read(target));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) {
      break;
    }
  }
  return JSON.parse(last) as PaintedRange[];
}

/** Everything about a page a reader could notice: its text and every element's box. */
export function pageSignature(target: Page | Frame): Promise<{ text: string; boxes: string[]; html: string }> {
  return target.evaluate(() => ({
    text: document.body.innerText,
    boxes: [...document.querySelectorAll('body *')].map((element) => {
      const box = element.getBoundingClientRect();
      return `${element.tagName}#${element.id} ${box.x},${box.y},${box.width},${box.height}`;
    }),
    html: document.documentElement.outerHTML,
  }));
}
