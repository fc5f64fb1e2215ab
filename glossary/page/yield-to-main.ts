/**
 * Lets the page run between slices of our work, so no task of ours is long.
 *
 * `scheduler.yield()` (Chrome 129+) resumes ahead of other queued tasks; elsewhere a MessageChannel
 * message does the same without setTimeout's 4 ms clamp after nested calls.
 */
import { keepShape } from './keep-shape';

type SchedulerWithYield = { yield?: () => Promise<void> };

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/** A time budget for one slice of work, measured with the page's clock. */
export class SliceBudget {
  private deadline = 0;
  constructor(private readonly sliceMs: number) {}
  start(): void {
    this.deadline = performance.now() + this.sliceMs;
  }
  get spent(): boolean {
    return performance.now() >= this.deadline;
  }
}
keepShape(new SliceBudget(0));

/**
 * Runs a piece of work written as a generator of steps (it yields between steps) to its end, letting
 * the page run whenever `budget`, started by the caller, is spent between two steps.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, budget: SliceBudget): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (budget.spent) {
      await yieldToMain();
      budget.start();
    }
  }
}
