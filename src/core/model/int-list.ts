/** A growing list of 32-bit integers in a typed array: 4 bytes an item instead of a JS array's 8. */
export class IntList {
  length = 0;
  private items = new Int32Array(256);

  push(value: number): void {
    if (this.length === this.items.length) {
      const items = new Int32Array(this.length * 2);
      items.set(this.items);
      this.items = items;
    }
    this.items[this.length++] = value;
  }

  get(i: number): number {
    return this.items[i];
  }
}
