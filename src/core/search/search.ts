/**
 * Contact search index: fuzzy over first name, last name, email and phone;
 * accent- and case-insensitive; one typo (Damerau edit) on words of 4+
 * letters; phone digits whatever the formatting, partial digits too;
 * whole-word on custom fields (except checkbox, date and datetime).
 * Every query term must match (AND). Ranked: exact identity (whole email,
 * whole phone, full name) > exact word > prefix > typo, names above emails,
 * ties by last name, first name, id.
 *
 * Layout, for 100k contacts at keystroke speed (bench/README.md has the
 * numbers): one dictionary of distinct folded words with posting lists in
 * shared slabs (prefix ranges from a sorted view, typos from a scan of the distinct
 * words only), phone digits in one string scanned with indexOf, custom field
 * words as hashes, and per-document scratch arrays stamped per query so
 * nothing is cleared or allocated per contact. Removal leaves a tombstone;
 * the index rebuilds itself once tombstones outnumber live contacts.
 */
import type { Contact, FieldDef } from '../types.js';
import { foldText, forEachWord, isWordChar, words } from '../util/index.js';
import { TermDictionary } from './terms.js';
import { DigitMatch, PhoneDigitsIndex } from './phones.js';
import { HashedWords } from './hashed-words.js';
import { parseQuery, type QueryTerm } from './query.js';
import { bestByKey } from './top-k.js';
import { NameTable } from './names.js';

export interface SearchIndexOptions {
  /** Custom fields to search (whole-word); checkbox, date and datetime are skipped. */
  customFields?: FieldDef[];
}

export interface IndexSearchOptions {
  limit?: number;
  offset?: number;
}

export interface IndexSearchResult {
  /** Contact ids, best match first. */
  ids: string[];
  total: number;
}

/** Match quality of one query term on one contact; +1 when it was a name. */
const TYPO = 2;
const PREFIX = 4;
const EXACT = 6;
const NAME = 1;
const IDENTITY_BONUS = 1 << 16;

const UNSEARCHABLE_FIELDS = new Set<FieldDef['type']>(['checkbox', 'date', 'datetime']);

type Visit = (doc: number, quality: number) => void;

export class ContactSearchIndex {
  private readonly customFields: FieldDef[];
  private text = new TermDictionary();
  private custom = new HashedWords();
  /** Digit runs of email local parts ("55907" in maria.ortiz55907@): unique-ish, so not dictionary words. */
  private emailDigits = new PhoneDigitsIndex();
  private phones = new PhoneDigitsIndex();

  /** Document (insertion slot) → contact; `undefined` once removed. */
  private contacts: (Contact | undefined)[] = [];
  private readonly docOf = new Map<string, number>();
  private names = new NameTable();
  private nameTerms: number[][] = [];
  /**
   * Folded email addresses of every document, in document order: document
   * d's are `emailList[emailFrom[d]]` up to the next document's first. One
   * flat list, not an array per contact (build time: allocation and GC).
   */
  private emailList: string[] = [];
  private emailFrom = new Int32Array(0);
  private domainTerms = new Map<string, number[]>();
  /** Recently seen domains in 64 slots by a cheap key, and their term ids: a hit needs no substring and no Map lookup. */
  private readonly domainSlots: (string | undefined)[] = new Array(64).fill(undefined);
  private readonly domainSlotIds: number[][] = new Array<number[]>(64).fill([]);
  private firstNames = new Int32Array(0);
  private lastNames = new Int32Array(0);
  private live = 0;

  private alive = new Uint8Array(0);
  // Per-document scratch, reused by every query (see `search`); sized by the
  // first query after the index grew, not by the build: fresh arrays need no
  // copy, as every stamp is checked against a new epoch.
  private stamp = new Uint32Array(0);
  private candStamp = new Uint32Array(0);
  private identityStamp = new Uint32Array(0);
  private termQuality = new Uint8Array(0);
  private minQuality = new Uint8Array(0);
  private sumQuality = new Uint16Array(0);
  private epoch = 0;

  constructor(options: SearchIndexOptions = {}) {
    this.customFields = (options.customFields ?? []).filter((f) => !UNSEARCHABLE_FIELDS.has(f.type));
  }

  get size(): number {
    return this.live;
  }

  /** Adds a contact, replacing any indexed contact with the same id. */
  add(contact: Contact): void {
    if (this.docOf.has(contact.id)) this.remove(contact.id);
    const doc = this.contacts.length;
    this.ensureCapacity(doc + 1);
    this.contacts.push(contact);
    this.docOf.set(contact.id, doc);
    this.alive[doc] = 1;
    this.live++;

    const first = this.names.intern(contact.firstName);
    const last = this.names.intern(contact.lastName);
    this.firstNames[doc] = first;
    this.lastNames[doc] = last;
    const firstWords = this.names.words[first]!;
    const lastWords = this.names.words[last]!;
    const firstIds = this.nameTermIds(first);
    for (let i = 0; i < firstIds.length; i++) this.text.post(firstIds[i]!, doc, true);
    const lastIds = this.nameTermIds(last);
    for (let i = 0; i < lastIds.length; i++) this.text.post(lastIds[i]!, doc, true);

    this.addIdentities(contact, doc, firstWords, lastWords);

    const custom = contact.custom;
    if (custom) {
      const fields = this.customFields;
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i]!;
        const text = customText(custom[field.key]);
        if (!text) continue;
        // Select options repeat across contacts: folded and hashed once (cached).
        if (field.type === 'select') this.custom.addRepeated(text, doc);
        else this.custom.addText(text, doc);
      }
    }
  }

  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.docOf.delete(id);
    this.contacts[doc] = undefined;
    this.alive[doc] = 0;
    this.live--;
    const dead = this.contacts.length - this.live;
    if (dead > 1024 && dead > this.live) this.rebuild();
  }

  clear(): void {
    this.reset();
  }

  search(query: string, { limit = 20, offset = 0 }: IndexSearchOptions = {}): IndexSearchResult {
    const parsed = parseQuery(query);
    if (!parsed.terms.length || !this.live) return { ids: [], total: 0 };
    const single = parsed.terms.length === 1;
    this.ensureScratch();
    const identityEpoch = ++this.epoch;
    const { stamp, candStamp, termQuality, minQuality, sumQuality, alive } = this;

    let candidates: number[] | undefined;
    let candEpoch = 0;
    for (const term of bySelectivity(parsed.terms)) {
      const e = ++this.epoch;
      const first = candidates === undefined;
      const found: number[] = [];
      const visit: Visit = (doc, quality) => {
        if (!alive[doc] || (!first && candStamp[doc] !== candEpoch)) return;
        if (stamp[doc] !== e) {
          stamp[doc] = e;
          termQuality[doc] = quality;
          if (first) found.push(doc);
        } else if (quality > termQuality[doc]!) termQuality[doc] = quality;
      };
      this.matchTerm(term, visit, single ? identityEpoch : 0);
      if (first) {
        for (const doc of found) minQuality[doc] = sumQuality[doc] = termQuality[doc]!;
        candidates = found;
      } else {
        candidates = candidates!.filter((doc) => {
          if (stamp[doc] !== e) return false;
          const q = termQuality[doc]!;
          if (q < minQuality[doc]!) minQuality[doc] = q;
          sumQuality[doc] += q;
          return true;
        });
      }
      if (!candidates.length) return { ids: [], total: 0 };
      candEpoch = ++this.epoch;
      for (const doc of candidates) candStamp[doc] = candEpoch;
    }

    const docs = candidates!;
    // One number per candidate orders it by score, then last and first name,
    // so the selection below compares numbers; only exact ties look at ids.
    const rank = this.names.rankings();
    const { lastNames, firstNames, contacts } = this;
    // Beyond ~150k distinct names the combined number would lose precision: names then break ties below.
    const names = rank.length < 150_000 ? rank.length + 1 : 1;
    const keys = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      let score = (minQuality[doc]! << 8) | Math.min(sumQuality[doc]!, 255);
      const fullName = parsed.name !== undefined && minQuality[doc] === EXACT + NAME;
      if (this.identityStamp[doc] === identityEpoch || (fullName && this.isFullName(doc, parsed.name!))) {
        score |= IDENTITY_BONUS;
      }
      const alphabetical = names > 1 ? rank[lastNames[doc]!]! * names + rank[firstNames[doc]!]! : 0;
      keys[i] = score * names * names + (names * names - 1 - alphabetical);
    }
    const order = bestByKey(keys, offset + limit, (a, b) => {
      const x = docs[a]!;
      const y = docs[b]!;
      const last = rank[lastNames[x]!]! - rank[lastNames[y]!]!;
      if (last) return last;
      const first = rank[firstNames[x]!]! - rank[firstNames[y]!]!;
      if (first) return first;
      const ix = contacts[x]!.id;
      const iy = contacts[y]!.id;
      return ix < iy ? -1 : ix > iy ? 1 : 0;
    });
    return {
      ids: order.slice(offset).map((i) => this.contacts[docs[i]!]!.id),
      total: docs.length,
    };
  }

  /** Feeds every contact matching one query term to `visit`, with its quality. */
  private matchTerm(term: QueryTerm, visit: Visit, identityEpoch: number): void {
    if (term.kind === 'word') {
      this.matchWord(term.word, term.typing, visit);
    } else if (term.kind === 'digits') {
      this.phones.find(term.digits, (doc, match, exact) => {
        if (exact && identityEpoch) this.identityStamp[doc] = identityEpoch;
        visit(doc, match * 2);
      });
      if (term.word) this.matchWord(term.word, false, visit);
    } else {
      this.matchEmail(term.text, visit, identityEpoch);
    }
  }

  private matchWord(word: string, typing: boolean, visit: Visit): void {
    const exact = this.text.find(word);
    if (exact !== undefined) this.visitPostings(this.text, exact, EXACT, visit);
    this.text.forPrefix(word, (id) => {
      if (id !== exact) this.visitPostings(this.text, id, PREFIX, visit);
    });
    // One typo only on words of four letters or more: shorter ones match too much.
    if (word.length >= 4) this.text.forTypos(word, typing, (id) => this.visitPostings(this.text, id, TYPO, visit));
    this.custom.find(word, (doc) => visit(doc, EXACT));
    if (isDigits(word)) {
      this.emailDigits.findRun(
        word,
        (doc, match) => {
          if (match !== DigitMatch.Inside) visit(doc, match === DigitMatch.Whole ? EXACT : PREFIX);
        },
        false,
      );
    }
  }

  /**
   * An email chunk matches addresses that hold it from a word boundary on
   * ("maria.silva@", "@example.com"); candidates come from its first word.
   */
  private matchEmail(text: string, visit: Visit, identityEpoch: number): void {
    const firstWord = words(text)[0]!;
    const startsAt = text.indexOf(firstWord);
    const complete = startsAt + firstWord.length < text.length;
    const checkDoc = (doc: number) => {
      if (!this.alive[doc]) return;
      const { emailList } = this;
      const end = this.emailEnd(doc);
      for (let e = this.emailFrom[doc]!; e < end; e++) {
        const email = emailList[e]!;
        const quality = emailQuality(email, text);
        if (!quality) continue;
        if (quality === EXACT && identityEpoch) this.identityStamp[doc] = identityEpoch;
        visit(doc, quality);
      }
    };
    const check = (id: number) => this.text.forPostings(id, (posting) => checkDoc(posting >> 1));
    if (complete) {
      const id = this.text.find(firstWord);
      if (id !== undefined) check(id);
    } else {
      this.text.forPrefix(firstWord, check);
    }
    if (isDigits(firstWord)) {
      this.emailDigits.findRun(
        firstWord,
        (doc, match) => {
          if (match === DigitMatch.Whole || (!complete && match === DigitMatch.Start)) checkDoc(doc);
        },
        false,
      );
    }
  }

  private visitPostings(dict: TermDictionary, id: number, quality: number, visit: Visit): void {
    dict.forPostingRuns(id, (items, start, end) => {
      for (let k = start; k < end; k++) {
        const posting = items[k]!;
        visit(posting >> 1, quality + (posting & 1));
      }
    });
  }

  /** Term ids of a distinct name's words, resolved once per name. */
  private nameTermIds(name: number): number[] {
    let ids = this.nameTerms[name];
    if (!ids) {
      ids = this.names.words[name]!.map((w) => this.text.idFor(w));
      this.nameTerms[name] = ids;
    }
    return ids;
  }

  /** Term ids of the words of the email domain `email.slice(from)` ("gmail.com"): a few domains cover most contacts. */
  private domainTermIds(email: string, from: number): number[] {
    const length = email.length - from;
    const slot = (length + email.charCodeAt(from) * 5 + email.charCodeAt(email.length - 1) * 3) & 63;
    const seen = this.domainSlots[slot];
    if (seen !== undefined && seen.length === length && email.endsWith(seen)) return this.domainSlotIds[slot]!;
    const domain = email.slice(from);
    let ids = this.domainTerms.get(domain);
    if (!ids) {
      ids = words(domain).map((w) => this.text.idFor(w));
      this.domainTerms.set(domain, ids);
    }
    this.domainSlots[slot] = domain;
    this.domainSlotIds[slot] = ids;
    return ids;
  }

  /**
   * Indexes the contact's email addresses (folded, each once) and phone
   * digits, in one pass over its identities. Every displayed email and phone
   * is also a (normalized) identity, so a display list is read only when it
   * holds more entries than the identities: half the work on every build (a
   * number indexed twice only repeats a match).
   */
  private addIdentities(contact: Contact, doc: number, firstWords: string[], lastWords: string[]): void {
    const from = this.emailList.length;
    this.emailFrom[doc] = from;
    let phones = 0;
    const identities = contact.identities;
    if (identities) {
      for (let i = 0; i < identities.length; i++) {
        const identity = identities[i]!;
        if (identity.kind === 'phone') {
          this.phones.add(doc, identity.value);
          phones++;
        } else if (identity.kind === 'email') {
          this.addEmail(doc, from, identity.value, firstWords, lastWords);
        }
      }
    }
    const emails = contact.emails;
    if (emails && emails.length > this.emailList.length - from) {
      for (const e of emails) this.addEmail(doc, from, e, firstWords, lastWords);
    }
    const display = contact.phones;
    if (display && display.length > phones) for (const p of display) this.phones.add(doc, p);
  }

  /** Indexes one address of `doc` unless it already holds it (its addresses start at `from` in emailList). */
  private addEmail(doc: number, from: number, raw: string, firstWords: string[], lastWords: string[]): void {
    const email = foldEmail(raw);
    if (!email) return;
    const list = this.emailList;
    for (let e = from; e < list.length; e++) if (list[e] === email) return;
    list.push(email);
    const at = email.lastIndexOf('@');
    forEachWord(email, at < 0 ? email.length : at, (start, end, digits) => {
      if (digits) this.emailDigits.add(doc, email, start, end);
      // Local parts mostly repeat the contact's names, already posted (and ranked higher).
      else if (!holdsWord(firstWords, email, start, end) && !holdsWord(lastWords, email, start, end)) {
        this.text.add(email.slice(start, end), doc, false);
      }
    });
    if (at >= 0) {
      const ids = this.domainTermIds(email, at + 1);
      for (let i = 0; i < ids.length; i++) this.text.post(ids[i]!, doc, false);
    }
  }

  /** End (exclusive) of a document's addresses in emailList. */
  private emailEnd(doc: number): number {
    return doc + 1 < this.contacts.length ? this.emailFrom[doc + 1]! : this.emailList.length;
  }

  /** The query is the contact's whole name, first name first or last name first. */
  private isFullName(doc: number, name: string): boolean {
    const first = words(this.names.folded[this.firstNames[doc]!]!).join(' ');
    const last = words(this.names.folded[this.lastNames[doc]!]!).join(' ');
    return name === `${first} ${last}` || name === `${last} ${first}`;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.alive.length) return;
    const size = Math.max(1024, this.alive.length * 2, n);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.alive = grow(this.alive, (s) => new Uint8Array(s));
    this.firstNames = grow(this.firstNames, (s) => new Int32Array(s));
    this.lastNames = grow(this.lastNames, (s) => new Int32Array(s));
    this.emailFrom = grow(this.emailFrom, (s) => new Int32Array(s));
  }

  private ensureScratch(): void {
    const size = this.alive.length;
    if (this.stamp.length === size) return;
    this.stamp = new Uint32Array(size);
    this.candStamp = new Uint32Array(size);
    this.identityStamp = new Uint32Array(size);
    this.termQuality = new Uint8Array(size);
    this.minQuality = new Uint8Array(size);
    this.sumQuality = new Uint16Array(size);
  }

  /** Drops tombstones: re-adds the live contacts into fresh structures. */
  private rebuild(): void {
    const live = this.contacts.filter((c): c is Contact => c !== undefined);
    this.reset();
    for (const contact of live) this.add(contact);
  }

  private reset(): void {
    this.text = new TermDictionary();
    this.custom = new HashedWords();
    this.emailDigits = new PhoneDigitsIndex();
    this.phones = new PhoneDigitsIndex();
    this.contacts = [];
    this.docOf.clear();
    this.names = new NameTable();
    this.nameTerms = [];
    this.emailList = [];
    this.emailFrom = new Int32Array(0);
    this.domainTerms = new Map();
    this.domainSlots.fill(undefined);
    this.firstNames = new Int32Array(0);
    this.lastNames = new Int32Array(0);
    this.live = 0;
    this.alive = new Uint8Array(0);
    this.stamp = new Uint32Array(0);
    this.candStamp = new Uint32Array(0);
    this.identityStamp = new Uint32Array(0);
    this.termQuality = new Uint8Array(0);
    this.minQuality = new Uint8Array(0);
    this.sumQuality = new Uint16Array(0);
  }
}

/**
 * `foldText(raw.trim())`, without the copy `toLowerCase` makes even of text
 * already in lower case: addresses come from normalized identities, so
 * nearly all are, and the copies were most of what the build kept.
 */
function foldEmail(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // Space or control (trim), upper case, or not ASCII: the general path.
    if (c <= 32 || (c >= 65 && c <= 90) || c >= 127) return foldText(raw.trim());
  }
  return raw;
}

/** One of `words` is `text.slice(start, end)`, compared in place. */
function holdsWord(words: string[], text: string, start: number, end: number): boolean {
  for (const w of words) if (w.length === end - start && text.startsWith(w, start)) return true;
  return false;
}

function isDigits(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57; // words() keeps digit runs apart from letters
}

/** Most selective terms first, so later terms only filter a short candidate list. */
function bySelectivity(terms: QueryTerm[]): QueryTerm[] {
  const weight = (t: QueryTerm) =>
    t.kind === 'email' ? 1000 + t.text.length : t.kind === 'digits' ? t.digits.length * 2 : t.word.length;
  return [...terms].sort((a, b) => weight(b) - weight(a));
}

/** How an email chunk meets one stored address: 0 when it does not. */
function emailQuality(email: string, text: string): number {
  if (email === text) return EXACT;
  let at = email.indexOf(text);
  while (at >= 0) {
    if (at === 0) return PREFIX;
    if (!isWordChar(email.charCodeAt(at - 1)) || !isWordChar(text.charCodeAt(0))) return TYPO;
    at = email.indexOf(text, at + 1);
  }
  return 0;
}

/** Searchable text of a custom field value: strings, numbers and lists of them. */
function customText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(customText).join(' ');
  return '';
}
