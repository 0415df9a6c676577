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

export const TOTAL_CAP = 10_000;

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
}

export class Directory {
  constructor(
    private readonly db: Queryable,
    private readonly config: DirectoryConfig,
  ) {}

  /** WHERE and ORDER BY for a filter and a search text; undefined when the search text has no terms. */
  private compile(filter: ContactFilter, query: string, ranked: boolean, params = new SqlParams()): Compiled | undefined {
    const where = [filterSql(filter, params, this.config.customFields(), this.config.region())];
    let rank: string[] = [];
    if (query.trim()) {
      const search = searchSql(query, params, ranked);
      if (!search) return undefined;
      where.push(search.where);
      rank = search.rank;
    }
    return { where: where.filter((w) => w !== 'TRUE').join(' AND ') || 'TRUE', order: [...rank, NAME_ORDER].join(', '), params: params.values };
  }

  /** One page and the total; with a query, best match first, else by name. */
  async page(filter: ContactFilter, query: string, limit: number, offset: number): Promise<DirectoryPage> {
    const ranked = this.compile(filter, query, true, new SqlParams([limit, offset]));
    if (!ranked) return { items: [], total: 0 };
    const items = this.db.query<{ data: Contact }>(
      `SELECT data FROM contacts WHERE ${ranked.where} ORDER BY ${ranked.order} LIMIT $1 OFFSET $2`,
      ranked.params,
    );
    const [rows, total] = await Promise.all([items, this.total(filter, query)]);
    return { items: rows.map((row) => row.data), ...total };
  }

  /** Exact up to the cap, then estimated (never below the cap + 1 that were counted). */
  async total(filter: ContactFilter, query: string): Promise<{ total: number; estimated?: true }> {
    const plain = this.compile(filter, query, false);
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
    const ranked = this.compile(filter, query, true);
    if (!ranked) return [];
    const rows = await this.db.query<{ id: string }>(`SELECT id FROM contacts WHERE ${ranked.where} ORDER BY ${ranked.order}`, ranked.params);
    return rows.map((row) => row.id);
  }
}
