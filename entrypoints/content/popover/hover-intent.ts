/**
 * When the popover opens and closes, as a small state machine (after Wikipedia's Page Previews):
 * it opens after the pointer dwells on a term, not while the pointer merely passes over; it closes a
 * moment after the pointer has left both the term and the popover, so the reader can travel to it;
 * a click pins it; Esc closes it. Every timer carries the token of the moment it was set, so a late
 * timer can never reopen a popover the reader has already left.
 */
export type OpenedBy = 'pointer' | 'keyboard' | 'touch' | 'click';

export type PopoverState<T> =
  | { kind: 'closed' }
  | { kind: 'open'; target: T; pinned: boolean; openedBy: OpenedBy };

export interface HoverIntentOptions<T> {
  showDelayMs: number;
  hideDelayMs?: number;
  /** Whether two targets are the same term occurrence. */
  same?: (a: T, b: T) => boolean;
  onChange: (state: PopoverState<T>) => void;
}

export class HoverIntent<T> {
  private state: PopoverState<T> = { kind: 'closed' };
  private token = 0;
  private pendingTarget: T | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private overTerm = false;
  private overPopover = false;
  private showDelayMs: number;
  private readonly hideDelayMs: number;
  private readonly same: (a: T, b: T) => boolean;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.showDelayMs = options.showDelayMs;
    this.hideDelayMs = options.hideDelayMs ?? 300;
    this.same = options.same ?? Object.is;
  }

  get current(): PopoverState<T> {
    return this.state;
  }

  setShowDelay(ms: number): void {
    this.showDelayMs = ms;
  }

  /** The pointer is over `target` (a term occurrence), or over no term (undefined). */
  pointerOverTerm(target: T | undefined): void {
    const open = this.state.kind === 'open' ? this.state : undefined;
    if (target === undefined) {
      this.overTerm = false;
      this.cancelShow();
      this.scheduleHide();
      return;
    }
    if (open && this.same(open.target, target)) {
      this.overTerm = true;
      this.cancelHide();
      this.cancelShow();
      return;
    }
    this.overTerm = false; // over a different term than the open one
    if (this.pendingTarget !== undefined && this.same(this.pendingTarget, target)) return;
    this.cancelShow();
    this.scheduleHide();
    this.pendingTarget = target;
    const token = ++this.token;
    this.showTimer = setTimeout(() => {
      if (token !== this.token) return;
      this.showTimer = undefined;
      this.pendingTarget = undefined;
      this.overTerm = true;
      this.set({ kind: 'open', target, pinned: false, openedBy: 'pointer' });
    }, this.showDelayMs);
  }

  pointerOverPopover(over: boolean): void {
    this.overPopover = over;
    if (over) this.cancelHide();
    else this.scheduleHide();
  }

  /** Opens at once (keyboard command, tap, click). Opened this way it stays until dismissed. */
  openNow(target: T, openedBy: Exclude<OpenedBy, 'pointer'>): void {
    this.cancelShow();
    this.cancelHide();
    this.token++;
    this.set({ kind: 'open', target, pinned: true, openedBy });
  }

  /** A click on the open term pins its popover. */
  pin(): void {
    if (this.state.kind === 'open' && !this.state.pinned) this.set({ ...this.state, pinned: true });
  }

  close(): void {
    this.cancelShow();
    this.cancelHide();
    this.token++;
    this.overPopover = false;
    if (this.state.kind !== 'closed') this.set({ kind: 'closed' });
  }

  dispose(): void {
    this.cancelShow();
    this.cancelHide();
    this.token++;
  }

  /** (Re)starts the hide countdown; it closes only if, when it ends, nothing holds the popover open. */
  private scheduleHide(): void {
    this.cancelHide();
    if (this.state.kind !== 'open' || this.state.pinned || this.overPopover) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      if (this.overPopover || this.overTerm) return;
      if (this.state.kind === 'open' && !this.state.pinned) this.set({ kind: 'closed' });
    }, this.hideDelayMs);
  }

  private cancelShow(): void {
    if (this.showTimer !== undefined) clearTimeout(this.showTimer);
    this.showTimer = undefined;
    this.pendingTarget = undefined;
  }

  private cancelHide(): void {
    if (this.hideTimer !== undefined) clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private set(state: PopoverState<T>): void {
    this.state = state;
    this.options.onChange(state);
  }
}
