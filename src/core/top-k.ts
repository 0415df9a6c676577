/**
 * The best `k` of `n` items in order, without sorting all of them: a bounded
 * heap keeps the current best k, so a broad query over 100k contacts costs
 * O(n log k) with most items rejected by one comparison.
 * `before(a, b)` is true when item a ranks before item b (a strict total order).
 */
export function topK(n: number, k: number, before: (a: number, b: number) => boolean): number[] {
  if (k <= 0 || n === 0) return [];
  const cmp = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  if (n <= k * 4) {
    const all = Array.from({ length: n }, (_, i) => i);
    return all.sort(cmp).slice(0, k);
  }
  // Max-heap on "worst first": heap[0] is the worst of the kept items.
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(b, a);
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      siftUp(heap.length - 1);
    } else if (before(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(cmp);
}
