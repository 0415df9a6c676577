/**
 * The term dictionary of the contact search index: every distinct folded word
 * once, with its posting list of documents, a sorted view for prefix ranges and
 * a length-bucketed scan for one-edit typos.
 *
 * Postings hold `(doc << 1) | flag`, where the flag marks a word found in a
 * name (ranked above the same word in an email). A document's words are added
 * together, so a duplicate is always the last entry of the list. A term held
 * by one document keeps its posting as a plain number: most distinct words
 * (customer numbers, rare surnames) are such, and a typed array each would
 * dominate the build time. Longer lists are chunked lists in shared slabs
 * (search-chunked-lists.ts), read as runs of postings.
 */
import { ChunkedIntLists, type RunVisit } from './chunked-lists.js';
import { isOneEdit, isOneEditPrefix } from './edit-distance.js';

/** `postings` entry of a term without documents; list n is `LIST_BASE - n`. */
const NONE = -1;
const LIST_BASE = -2;

/** Letters only: digit runs never match by typo ("1987" is not "1988"). */
const LETTERS_RE = /^\p{L}+$/u;

export class TermDictionary {
  /** @param exactOnly No prefix or typo lookups (custom fields): skip their bookkeeping. */
  constructor(private readonly exactOnly = false) {}

  private readonly idOf = new Map<string, number>();
  readonly terms: string[] = [];
  /**
   * Term id → its only posting (>= 0), NONE before the first, or list n of
   * `lists` stored as `LIST_BASE - n` once it has two.
   */
  private readonly postings: number[] = [];
  private readonly lists = new ChunkedIntLists();
  /** The run `forPostingRuns` passes for a term with one posting. */
  private readonly single = new Int32Array(1);
  /** Term ids in term order; rebuilt lazily after new terms arrive. */
  private sorted: number[] = [];
  private sortedTerms: string[] = [];
  private unsorted: number[] = [];
  /** Ids of letter-only terms, the only ones a typo can match. */
  private readonly letterTerms: number[] = [];

  get termCount(): number {
    return this.terms.length;
  }

  /** Records that `doc` contains `term`; `name` marks a name field. */
  add(term: string, doc: number, name: boolean): void {
    this.post(this.idFor(term), doc, name);
  }

  /** The id of a term, created when new. Callers cache it to skip the lookup. */
  idFor(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.idOf.set(term, id);
      this.terms.push(term);
      this.postings.push(NONE);
      if (!this.exactOnly) {
        this.unsorted.push(id);
        if (LETTERS_RE.test(term)) this.letterTerms.push(id);
      }
    }
    return id;
  }

  /** Records that `doc` contains the term `id`. */
  post(id: number, doc: number, name: boolean): void {
    const value = (doc << 1) | (name ? 1 : 0);
    const current = this.postings[id]!;
    if (current >= 0) {
      if (current >> 1 !== doc) {
        const list = this.lists.newList();
        this.lists.push(list, current);
        this.lists.push(list, value);
        this.postings[id] = LIST_BASE - list;
      }
    } else if (current === NONE) {
      this.postings[id] = value;
    } else {
      const list = LIST_BASE - current;
      if (this.lists.last(list) >> 1 !== doc) this.lists.push(list, value);
    }
  }

  /** Calls `visit(items, start, end)` for each run `items[start..end)` of a term's postings, in order. */
  forPostingRuns(id: number, visit: RunVisit): void {
    const current = this.postings[id]!;
    if (current >= 0) {
      this.single[0] = current;
      visit(this.single, 0, 1);
    } else if (current !== NONE) {
      this.lists.forRuns(LIST_BASE - current, visit);
    }
  }

  /** Calls `visit` with each posting of a term. */
  forPostings(id: number, visit: (posting: number) => void): void {
    this.forPostingRuns(id, (items, start, end) => {
      for (let k = start; k < end; k++) visit(items[k]!);
    });
  }

  /** The id of a term, exactly. */
  find(term: string): number | undefined {
    return this.idOf.get(term);
  }

  /** Calls `visit` for every term that starts with `prefix` (the term itself included). */
  forPrefix(prefix: string, visit: (id: number) => void): void {
    this.ensureSorted();
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) visit(this.sorted[i]!);
  }

  /**
   * Calls `visit` for every letter term one edit from `word`; with `asPrefix`,
   * also for terms whose beginning is one edit from it (the word being typed).
   */
  forTypos(word: string, asPrefix: boolean, visit: (id: number) => void): void {
    const n = word.length;
    const terms = this.terms;
    for (const id of this.letterTerms) {
      const term = terms[id]!;
      const len = term.length;
      if (len < n - 1) continue;
      if (len <= n + 1 && isOneEdit(word, term)) visit(id);
      else if (asPrefix && len >= n && isOneEditPrefix(word, term)) visit(id);
    }
  }

  private ensureSorted(): void {
    if (!this.unsorted.length) return;
    const byTerm = (a: number, b: number) => {
      const x = this.terms[a]!;
      const y = this.terms[b]!;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    if (this.unsorted.length > 64 || !this.sorted.length) {
      this.sorted = this.terms.map((_, i) => i).sort(byTerm);
    } else {
      // A few terms added since the last query: insert them, do not re-sort.
      for (const id of this.unsorted) {
        const term = this.terms[id]!;
        let lo = 0;
        let hi = this.sorted.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.terms[this.sorted[mid]!]! < term) lo = mid + 1;
          else hi = mid;
        }
        this.sorted.splice(lo, 0, id);
      }
    }
    this.sortedTerms = this.sorted.map((id) => this.terms[id]!);
    this.unsorted = [];
  }
}
