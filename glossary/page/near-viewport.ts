/**
 * Which parts of the page are near the viewport, so that only their ranges are registered.
 *
 * Chromium rebuilds the markers of every registered highlight range at the next frame after any DOM
 * or style change on the page, and creating a StaticRange costs about a microsecond: with the
 * thousands of occurrences of a long page registered, every frame after a change cost tens of
 * milliseconds (bench/PERFORMANCE.md). Registering the ranges within a screen or so of the viewport,
 * and letting the rest come and go as the reader scrolls, keeps both costs bounded by what is on
 * screen rather than by the length of the page.
 *
 * An IntersectionObserver does the watching: the browser computes intersections after layout, so the
 * engine never forces a layout, and content in hidden sections or inner scrollers is handled too.
 */

export interface NearViewport {
  observe(target: Element): void;
  unobserve(target: Element): void;
  disconnect(): void;
}

/** How far beyond the viewport, in every direction, content counts as near: one viewport's size. */
export const NEAR_MARGIN = '100%';

/**
 * Watches targets, calling `onChange` with those whose nearness changed (the first report for each
 * target always comes). Null where the browser has no IntersectionObserver: then everything counts
 * as near.
 */
export function watchNearViewport(
  doc: Document | undefined,
  onChange: (changes: { target: Element; near: boolean }[]) => void,
): NearViewport | null {
  if (!doc || typeof IntersectionObserver !== 'function') return null;
  // The document as an explicit root: with the implicit root, a cross-origin iframe's margin is
  // ignored (the spec clips to the top-level viewport), so content would register only once on screen.
  const observer = new IntersectionObserver(
    (entries) =>
      onChange(
        entries.map((entry) => ({
          target: entry.target,
          // An element with no box (display: contents, or hidden) cannot intersect anything, yet its
          // text may be on screen (display: contents). Registering ranges that do not paint costs little.
          near: entry.isIntersecting || (entry.boundingClientRect.width === 0 && entry.boundingClientRect.height === 0),
        })),
      ),
    { root: doc, rootMargin: NEAR_MARGIN },
  );
  // The observer itself rather than an object of closures around it: the engine calls these in its
  // hottest loops, and V8 throws away optimised code that inlined a closure once that closure is gone
  // (with the highlighter that made it), so a page's next highlighter started half cold.
  return observer;
}
