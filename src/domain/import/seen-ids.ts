/**
 * The ids a file has shown so far, and on which row, in a few bytes each: a million-row import must not hold
 * a million strings to find its duplicates. Ids are kept as two independent 32-bit hashes (64 bits), so two
 * different ids are taken for the same one with odds of about one in 10^7 at two million rows.
 */
export class SeenIds {
  private low = new Uint32Array(1 << 12);
  private high = new Uint32Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private size = 0;

  /** The row the id was first seen on, or null (and it is remembered for `row`). */
  firstRow(id: string, row: number): number | null {
    if (this.size * 2 >= this.rows.length) this.grow();
    const [a, b] = hashes(id);
    const mask = this.rows.length - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const seen = this.rows[slot]!;
      if (seen === 0) {
        this.low[slot] = a;
        this.high[slot] = b;
        this.rows[slot] = row;
        this.size++;
        return null;
      }
      if (this.low[slot] === a && this.high[slot] === b) return seen;
    }
  }

  private grow() {
    const { low, high, rows } = this;
    this.low = new Uint32Array(rows.length * 2);
    this.high = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    const mask = this.rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      if (!rows[i]) continue;
      let slot = low[i]! & mask;
      while (this.rows[slot]) slot = (slot + 1) & mask;
      this.low[slot] = low[i]!;
      this.high[slot] = high[i]!;
      this.rows[slot] = rows[i]!;
    }
  }
}

/** FNV-1a and a multiplicative hash of the same text, independent enough to be used together. */
function hashes(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}
