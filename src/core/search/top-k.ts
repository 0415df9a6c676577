/**
 * The best `k` of `n` items in order, without sorting all of them: a bounded
 * heap keeps the current best k, so a broad query over 100k contacts costs
 * O(n log k) with most items rejected by one comparison.
 * `compare(a, b)` is negative when item a ranks before item b (a strict total order).
 */
export function topK(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0 || n === 0) return [];
  if (n <= k * 4) {
    // Most of the items are wanted anyway (a page near the end, or "all results").
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return Array.from(all.sort(compare).subarray(0, k));
  }
  // Max-heap on "worst first": heap[0] is the worst of the kept items.
  const heap: number[] = [];
  const worse = (a: number, b: number) => compare(a, b) > 0;
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
    } else if (compare(i, heap[0]!) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(compare);
}

/**
 * The best `k` items by `keys` (higher first), `tieBreak` ordering equal keys.
 * When most items are wanted ("all results" for a directory), equal keys are
 * grouped and only the distinct keys are sorted, natively: far fewer
 * comparator calls than sorting every item (contacts share few distinct
 * score-and-name keys).
 */
export function bestByKey(keys: Float64Array, k: number, tieBreak: (a: number, b: number) => number): number[] {
  const n = keys.length;
  const compare = (a: number, b: number) => keys[b]! - keys[a]! || tieBreak(a, b);
  if (n <= 2000 || n > k * 4) return topK(n, k, compare);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const group = groups.get(keys[i]!);
    if (group) group.push(i);
    else groups.set(keys[i]!, [i]);
  }
  const distinct = Float64Array.from(groups.keys()).sort();
  const out: number[] = [];
  for (let j = distinct.length - 1; j >= 0 && out.length < k; j--) {
    const group = groups.get(distinct[j]!)!;
    if (group.length > 1) group.sort(tieBreak);
    for (const i of group) out.push(i);
  }
  return out.slice(0, k);
}
