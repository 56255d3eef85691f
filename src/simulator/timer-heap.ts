/** A timer in the simulator's queue. `cancelled` timers stay in the heap and are skipped when popped. */
export interface SimTimer {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
  cancelled: boolean;
}

/**
 * Binary min-heap of timers ordered by due time, then by insertion order, so timers due at the same
 * millisecond run in the order they were set. Push and pop are O(log n); cancel is O(1) (lazy).
 */
export class TimerHeap {
  private readonly items: SimTimer[] = [];
  private seq = 0;
  private live = 0;

  get size(): number { return this.live; }

  push(at: number, run: () => void): SimTimer {
    const timer: SimTimer = { at, seq: this.seq++, run, cancelled: false };
    this.items.push(timer);
    this.live++;
    this.siftUp(this.items.length - 1);
    return timer;
  }

  cancel(timer: SimTimer): void {
    if (timer.cancelled) return;
    timer.cancelled = true;
    this.live--;
  }

  /** The earliest live timer, without removing it. */
  peek(): SimTimer | undefined {
    this.dropCancelledHead();
    return this.items[0];
  }

  /** Removes and returns the earliest live timer. */
  pop(): SimTimer | undefined {
    this.dropCancelledHead();
    const top = this.takeHead();
    if (top) {
      this.live--;
      // A fired timer counts as done: cancelling it later must not change the count.
      top.cancelled = true;
    }
    return top;
  }

  clear(): void {
    this.items.length = 0;
    this.live = 0;
  }

  private dropCancelledHead(): void {
    while (this.items.length > 0 && this.items[0]!.cancelled) this.takeHead();
  }

  private takeHead(): SimTimer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: SimTimer, b: SimTimer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private siftUp(index: number): void {
    const items = this.items;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const items = this.items;
    const n = items.length;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.less(items[left]!, items[smallest]!)) smallest = left;
      if (right < n && this.less(items[right]!, items[smallest]!)) smallest = right;
      if (smallest === i) return;
      [items[i], items[smallest]] = [items[smallest]!, items[i]!];
      i = smallest;
    }
  }
}
