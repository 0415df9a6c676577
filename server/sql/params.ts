/** Collects the parameters of one statement: `add(value)` answers its placeholder (`$3`). */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(first: readonly unknown[] = []) {
    this.values.push(...first);
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** A jsonb parameter (containment tests: `m @> $n`). */
  json(value: unknown): string {
    return `${this.add(JSON.stringify(value))}::jsonb`;
  }
}

/** `%` and `_` are LIKE wildcards and `\` its escape: taken literally in a pattern. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
