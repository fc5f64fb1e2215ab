/**
 * happy-dom's IntersectionObserver never reports anything. This stand-in reports every element it is
 * given as in view, a microtask later (a browser reports after its next layout), and lets a test move
 * an element out of view and back with `setInView`, as scrolling would, or hold the first reports back
 * with `holdReports` (what the engine does before the browser has laid the page out).
 */
type Callback = (entries: IntersectionObserverEntry[], observer: IntersectionObserver) => void;

const observers = new Set<IntersectionObserverStandIn>();
const outOfView = new WeakSet<Element>();
/** While set, first reports wait here instead of coming a microtask later. */
let held: (() => void)[] | null = null;

class IntersectionObserverStandIn {
  readonly root: Element | Document | null;
  readonly rootMargin: string;
  readonly thresholds: readonly number[] = [0];
  private readonly targets = new Set<Element>();

  constructor(
    private readonly callback: Callback,
    options: IntersectionObserverInit = {},
  ) {
    this.root = options.root ?? null;
    this.rootMargin = options.rootMargin ?? '0px';
    observers.add(this);
  }

  observe(target: Element): void {
    if (this.targets.has(target)) return;
    this.targets.add(target);
    const report = () => {
      if (this.targets.has(target)) this.report(target);
    };
    if (held) held.push(report);
    else queueMicrotask(report);
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
    observers.delete(this);
  }

  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }

  report(target: Element): void {
    const inView = !outOfView.has(target);
    // A laid-out box, so that "no box at all" (display: none or contents) is not what is reported.
    const box = { x: 0, y: inView ? 0 : 10_000, width: 100, height: 20, top: 0, left: 0, right: 100, bottom: 20 } as DOMRectReadOnly;
    const entry = { target, isIntersecting: inView, intersectionRatio: inView ? 1 : 0, boundingClientRect: box, intersectionRect: box, rootBounds: null, time: 0 };
    this.callback([entry as unknown as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }

  observes(target: Element): boolean {
    return this.targets.has(target);
  }
}

/** Holds back the first report for each element observed from now on, until `releaseReports`. */
export function holdReports(): void {
  held ??= [];
}

export function releaseReports(): void {
  const reports = held ?? [];
  held = null;
  for (const report of reports) report();
}

/** The elements some observer watches now, of those given. */
export function observed(elements: Iterable<Element>): Element[] {
  return [...elements].filter((element) => [...observers].some((observer) => observer.observes(element)));
}

/** Moves an element out of the observers' view or back into it, and reports that to them. */
export function setInView(target: Element, inView: boolean): void {
  if (inView) outOfView.delete(target);
  else outOfView.add(target);
  for (const observer of observers) if (observer.observes(target)) observer.report(target);
}

(globalThis as Record<string, unknown>).IntersectionObserver = IntersectionObserverStandIn;
