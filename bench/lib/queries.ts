/**
 * The fixed query list of the search case, drawn (seeded) from the generated
 * contacts: names with one typo, names without accents, partial phone digits
 * typed in another format than the stored one, whole emails and email
 * beginnings. Each query knows which contacts it means, for recall@10.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Contact } from '../../src/core/types.js';
import { seeded, shuffle } from './stats.js';

export interface BenchQuery {
  kind: 'name-typo' | 'name-no-accents' | 'phone-partial' | 'email' | 'email-start';
  text: string;
  /** The contacts this query means: the target and any it cannot be told apart from. */
  relevant: Set<string>;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const hasAccent = (s: string) => fold(s) !== s.toLowerCase();

/** One edit of the kind given, away from the first and last letter. */
function typo(word: string, kind: number, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 3));
  switch (kind % 4) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // transposition
    case 1:
      return word.slice(0, i) + word.slice(i + 1); // deletion
    case 2:
      return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1); // substitution
    default:
      return word.slice(0, i) + word[i] + word.slice(i); // insertion (doubled letter)
  }
}

export function buildQueries(contacts: Contact[], perKind = 8, seed = 7): BenchQuery[] {
  const random = seeded(seed);
  const pool = shuffle(
    contacts.filter((c) => c.emails.length && c.identities.some((i) => i.kind === 'phone')),
    random,
  );
  const byName = new Map<string, string[]>();
  for (const c of contacts) {
    const key = fold(`${c.firstName} ${c.lastName}`);
    byName.set(key, [...(byName.get(key) ?? []), c.id]);
  }
  const sameName = (c: Contact) => new Set(byName.get(fold(`${c.firstName} ${c.lastName}`)));
  const phoneDigits = contacts.map((c) => ({
    id: c.id,
    digits: c.identities.filter((i) => i.kind === 'phone').map((i) => i.value.slice(1)),
  }));
  const containing = (digits: string) =>
    new Set(phoneDigits.filter((p) => p.digits.some((d) => d.includes(digits))).map((p) => p.id));

  const queries: BenchQuery[] = [];
  const take = (filter: (c: Contact) => boolean, make: (c: Contact, n: number) => BenchQuery | undefined) => {
    let n = 0;
    for (const c of pool) {
      if (n === perKind) break;
      if (!filter(c)) continue;
      const query = make(c, n);
      if (query) {
        queries.push(query);
        n++;
      }
    }
  };

  take(
    (c) => fold(c.lastName).length >= 5,
    (c, n) => ({ kind: 'name-typo', text: `${fold(c.firstName)} ${typo(fold(c.lastName), n, random)}`, relevant: sameName(c) }),
  );
  take(
    (c) => hasAccent(c.firstName + c.lastName),
    (c) => ({ kind: 'name-no-accents', text: fold(`${c.firstName} ${c.lastName}`), relevant: sameName(c) }),
  );
  take(
    () => true,
    (c, n) => {
      const e164 = c.identities.find((i) => i.kind === 'phone')!.value;
      const parsed = parsePhoneNumberFromString(e164);
      if (!parsed) return undefined;
      const national = String(parsed.nationalNumber);
      const cc = String(parsed.countryCallingCode);
      // Formats the stored display never uses: trunk zero, 00 prefix, bare middle digits.
      const styles = [
        { text: `0${national.slice(0, 2)} ${national.slice(2, 7)}`, digits: national.slice(0, 7) },
        { text: `00${cc} ${national.slice(0, 3)}-${national.slice(3, 7)}`, digits: cc + national.slice(0, 7) },
        { text: `${national.slice(-7, -4)} ${national.slice(-4)}`, digits: national.slice(-7) },
        { text: `(${national.slice(0, 3)}) ${national.slice(3, 6)}.${national.slice(6, 8)}`, digits: national.slice(0, 8) },
      ];
      const style = styles[n % styles.length]!;
      return { kind: 'phone-partial', text: style.text, relevant: containing(style.digits) };
    },
  );
  take(
    () => true,
    (c) => ({ kind: 'email', text: c.emails[0]!, relevant: new Set([c.id]) }),
  );
  take(
    () => true,
    (c) => {
      const local = c.emails[0]!.split('@')[0]!;
      const relevant = new Set(contacts.filter((o) => o.emails.some((e) => e.startsWith(local))).map((o) => o.id));
      return { kind: 'email-start', text: local, relevant };
    },
  );
  return queries;
}

/** Every prefix of every query: what the engine sees keystroke by keystroke. */
export function keystrokes(queries: BenchQuery[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.text.length }, (_, i) => q.text.slice(0, i + 1)));
}
