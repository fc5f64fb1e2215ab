/**
 * happy-dom has no CSS Custom Highlight API and no StaticRange. These stand-ins keep the same shapes
 * so the engine's bookkeeping (which ranges, over which nodes and offsets) can be unit-tested; how
 * highlights actually paint is tested in real Chromium (tests/browser).
 */
class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed = init.startContainer === init.endContainer && init.startOffset === init.endOffset;
  }
}

class HighlightStandIn extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const globals = globalThis as Record<string, unknown>;
globals.StaticRange ??= StaticRangeStandIn;
globals.Highlight ??= HighlightStandIn;
// happy-dom's `CSS` is a getter that makes a new object on each read, so a property set on it would
// be lost: replace it with one object that keeps the registry.
const highlights = new Map<string, unknown>();
const css = { ...(globals.CSS as object | undefined), highlights, supports: () => true, escape: (value: string) => value };
Object.defineProperty(globalThis, 'CSS', { value: css, configurable: true, writable: true });
