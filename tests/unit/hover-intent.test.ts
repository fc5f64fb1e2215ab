import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, type PopoverState } from '../../entrypoints/content/popover/hover-intent';

let states: PopoverState<string>[];
let intent: HoverIntent<string>;
const last = () => states[states.length - 1] ?? { kind: 'closed' };

beforeEach(() => {
  vi.useFakeTimers();
  states = [];
  intent = new HoverIntent<string>({ showDelayMs: 300, hideDelayMs: 300, onChange: (state) => states.push(state) });
});
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('opens only after the pointer dwells on a term', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(299);
    expect(states).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(last()).toEqual({ kind: 'open', target: 'ICC', pinned: false, openedBy: 'pointer' });
  });

  it('shows nothing when the pointer merely passes over', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(150);
    intent.pointerOverTerm(undefined);
    intent.pointerOverTerm('TARE');
    vi.advanceTimersByTime(150);
    intent.pointerOverTerm(undefined);
    vi.advanceTimersByTime(2000);
    expect(states).toEqual([]);
  });

  it('closes about 300 ms after the pointer leaves term and popover, and stays while it travels to the popover', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(300);
    intent.pointerOverTerm(undefined);
    vi.advanceTimersByTime(200);
    intent.pointerOverPopover(true);
    vi.advanceTimersByTime(5000);
    expect(last().kind).toBe('open');
    intent.pointerOverPopover(false);
    vi.advanceTimersByTime(299);
    expect(last().kind).toBe('open');
    vi.advanceTimersByTime(1);
    expect(last()).toEqual({ kind: 'closed' });
  });

  it('keeps a pinned popover open until it is closed', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(300);
    intent.pin();
    intent.pointerOverTerm(undefined);
    vi.advanceTimersByTime(5000);
    expect(last()).toMatchObject({ kind: 'open', pinned: true });
    intent.close();
    expect(last()).toEqual({ kind: 'closed' });
  });

  it('never lets a late timer reopen a popover that was closed', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(250);
    intent.close(); // Esc while the dwell timer runs
    vi.advanceTimersByTime(1000);
    expect(states).toEqual([]);
  });

  it('switches to another term after a dwell on it', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(300);
    intent.pointerOverTerm('TARE');
    vi.advanceTimersByTime(300);
    expect(last()).toMatchObject({ kind: 'open', target: 'TARE' });
  });

  it('opens at once, pinned, for keyboard and touch', () => {
    intent.openNow('SIRT', 'keyboard');
    expect(last()).toEqual({ kind: 'open', target: 'SIRT', pinned: true, openedBy: 'keyboard' });
  });
});

describe('HoverIntent, moving between terms', () => {
  it('closes the old popover when the pointer passes over another term and leaves', () => {
    intent.pointerOverTerm('ICC');
    vi.advanceTimersByTime(300);
    intent.pointerOverTerm('TARE');
    vi.advanceTimersByTime(100);
    intent.pointerOverTerm(undefined);
    vi.advanceTimersByTime(300);
    expect(last()).toEqual({ kind: 'closed' });
    vi.advanceTimersByTime(1000);
    expect(last()).toEqual({ kind: 'closed' });
  });
});
