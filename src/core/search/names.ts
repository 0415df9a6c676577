/**
 * Distinct names, folded once each. Contacts point at them by number, so
 * 100k contacts sharing a few thousand names hold no strings of their own,
 * and the alphabetical tie-break of the search ranking compares two numbers
 * (a name's rank among the distinct names) instead of two strings.
 */
import { foldText, nameWords } from '../util/index.js';

export class NameTable {
  private readonly idOf = new Map<string, number>();
  readonly folded: string[] = [];
  readonly words: string[][] = [];
  private ranks = new Int32Array(0);
  private rankedCount = 0;

  /** The id of a raw name, folding it the first time it is seen. */
  intern(raw: string | undefined): number {
    const key = raw ?? '';
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.folded.length;
      const folded = foldText(key.trim());
      this.idOf.set(key, id);
      this.folded.push(folded);
      this.words.push(nameWords(folded));
    }
    return id;
  }

  /** Alphabetical position of each name id (folded text), re-sorted only after new names. */
  rankings(): Int32Array {
    if (this.rankedCount !== this.folded.length) {
      const ids = this.folded.map((_, i) => i);
      ids.sort((a, b) => (this.folded[a]! < this.folded[b]! ? -1 : this.folded[a]! > this.folded[b]! ? 1 : 0));
      this.ranks = new Int32Array(ids.length);
      ids.forEach((id, rank) => (this.ranks[id] = rank));
      this.rankedCount = this.folded.length;
    }
    return this.ranks;
  }
}
