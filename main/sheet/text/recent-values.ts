/** Distinct values remembered per column: chat exports alternate a few (sender, operator). */
const KEPT = 4;

/**
 * The last few distinct values of each column with where their bytes are, so a value whose bytes
 * repeat is shared instead of made again. Chat exports repeat a chat's columns on every message
 * row and alternate a handful of senders and operators: sharing saves keeping millions of equal
 * strings alive (and decoding them), and comparing bytes allocates nothing.
 */
export class RecentValues {
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: string[] = [];
  /** Per column, the slot the next value takes (oldest first). */
  private readonly slots: number[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  /** The value whose bytes equal `bytes[start, start + length)` in this column, if remembered. */
  find(column: number, start: number, length: number): string | undefined {
    const first = column * KEPT;
    for (let k = first; k < first + KEPT; k++) {
      if (this.lengths[k] === length && this.same(this.starts[k] as number, start, length)) return this.values[k];
    }
    return undefined;
  }

  remember(column: number, start: number, length: number, value: string): void {
    const slot = this.slots[column] ?? 0;
    const k = column * KEPT + slot;
    this.starts[k] = start;
    this.lengths[k] = length;
    this.values[k] = value;
    this.slots[column] = slot + 1 === KEPT ? 0 : slot + 1;
  }

  /** From the end: times and counters differ in their last digits. */
  private same(a: number, b: number, length: number): boolean {
    const { bytes } = this;
    for (let k = length - 1; k >= 0; k--) if (bytes[a + k] !== bytes[b + k]) return false;
    return true;
  }
}
