/**
 * The contact directory in SQL: a filter and a search compiled to one
 * parameterized statement per answer (server/sql/filter-sql.ts,
 * search-sql.ts), so no process holds contacts or an index of its own and
 * every process on one database answers the same right after any write.
 *
 * Paging is LIMIT/OFFSET over the name order (an index walks it; deep pages
 * cost in proportion to the offset). Totals are exact up to `TOTAL_CAP`
 * (a count that stops at the cap + 1), then the planner's estimate, flagged
 * `estimated`: counting a million matches exactly costs more than the page.
 */
import type { CompileOptions, ContactFilter } from '../../src/core/filters/index.js';
import type { Contact, FieldDef } from '../../src/core/types.js';
import type { Queryable } from '../db.js';
import { filterSql } from './filter-sql.js';
import { SqlParams } from './params.js';
import { searchSql } from './search-sql.js';

export const TOTAL_CAP = 1_000;

/** The name order of the directory; `contacts_name_order` walks it. */
export const NAME_ORDER = `data->>'lastName', data->>'firstName', id`;

export interface DirectoryPage {
  items: Contact[];
  total: number;
  /** Present (true) when `total` is the planner's estimate, past `TOTAL_CAP` exact matches. */
  estimated?: true;
}

export interface DirectoryConfig {
  customFields(): FieldDef[];
  region(): CompileOptions;
}

interface Compiled {
  where: string;
  order: string;
  params: unknown[];
  /** A word of the search could also match by typo (the search was compiled without). */
  typoEligible: boolean;
}

type Total = { total: number; estimated?: true };

/** Typo matching costs a trigram similarity per candidate row: only tried when the search finds nothing without it. */
interface Search {
  filter: ContactFilter;
  query: string;
  typos: boolean;
}

export class Directory {
  constructor(
    private readonly db: Queryable,
    private readonly config: DirectoryConfig,
  ) {}

  /** WHERE and ORDER BY for a filter and a search text; undefined when the search text has no terms. */
  private compile({ filter, query, typos }: Search, ranked: boolean, params = new SqlParams()): Compiled | undefined {
    const where = [filterSql(filter, params, this.config.customFields(), this.config.region())];
    let rank: string[] = [];
    let typoEligible = false;
    if (query.trim()) {
      const search = searchSql(query, params, ranked, typos);
      if (!search) return undefined;
      where.push(search.where);
      rank = search.rank;
      typoEligible = search.typoEligible;
    }
    const sql = where.filter((w) => w !== 'TRUE').join(' AND ') || 'TRUE';
    return { where: sql, order: [...rank, NAME_ORDER].join(', '), params: params.values, typoEligible };
  }

  /** One page and the total; with a query, best match first, else by name. */
  async page(filter: ContactFilter, query: string, limit: number, offset: number): Promise<DirectoryPage> {
    let search: Search = { filter, query, typos: false };
    const plain = this.compile(search, false);
    if (!plain) return { items: [], total: 0 };
    let counted: Promise<Total> | undefined;
    if (plain.typoEligible) {
      const exact = await this.total(search);
      if (exact.total) counted = Promise.resolve(exact);
      else search = { ...search, typos: true };
    }
    const ranked = this.compile(search, true, new SqlParams([limit, offset]))!;
    const [total, rows] = await Promise.all([
      counted ?? this.total(search),
      this.db.query<{ data: Contact }>(`SELECT data FROM contacts WHERE ${ranked.where} ORDER BY ${ranked.order} LIMIT $1 OFFSET $2`, ranked.params),
    ]);
    const items = rows.map((row) => row.data);
    if (!total.estimated) return { items, total: total.total };
    // An estimate below what was already seen would end a client's paging early (rest-source reads until `total`).
    const seen = offset + items.length + (items.length === limit ? 1 : 0);
    return { items, total: Math.max(total.total, seen), estimated: true };
  }

  /** Exact up to the cap, then estimated (never below the cap + 1 that were counted). */
  private async total(search: Search): Promise<Total> {
    const plain = this.compile(search, false);
    if (!plain) return { total: 0 };
    const [{ n }] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM contacts WHERE ${plain.where} LIMIT ${TOTAL_CAP + 1}) AS capped`,
      plain.params,
    );
    if (n <= TOTAL_CAP) return { total: n };
    const [plan] = await this.db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM contacts WHERE ${plain.where}`,
      plain.params,
    );
    const json = plan?.['QUERY PLAN'];
    const parsed = typeof json === 'string' ? (JSON.parse(json) as [{ Plan: { 'Plan Rows': number } }]) : json;
    const estimate = Math.round(parsed?.[0]?.Plan['Plan Rows'] ?? 0);
    return { total: Math.max(estimate, TOTAL_CAP + 1), estimated: true };
  }

  /** Every matching id, in the page order (bulk selection by filter). */
  async ids(filter: ContactFilter, query: string): Promise<string[]> {
    const exact = await this.idsOf({ filter, query, typos: false });
    if (exact.ids.length || !exact.typoEligible) return exact.ids;
    return (await this.idsOf({ filter, query, typos: true })).ids;
  }

  private async idsOf(search: Search): Promise<{ ids: string[]; typoEligible: boolean }> {
    const ranked = this.compile(search, true);
    if (!ranked) return { ids: [], typoEligible: false };
    const rows = await this.db.query<{ id: string }>(`SELECT id FROM contacts WHERE ${ranked.where} ORDER BY ${ranked.order}`, ranked.params);
    return { ids: rows.map((row) => row.id), typoEligible: ranked.typoEligible };
  }
}
