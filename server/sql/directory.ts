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
 * The page is read first: a page that is not full already says the total,
 * and a search that finds something without typos needs no count to know it.
 */
import type { CompileOptions, ContactFilter } from '../../src/core/filters/index.js';
import type { Contact, FieldDef } from '../../src/core/types.js';
import type { Queryable } from '../db.js';
import { nameKey } from './directory-schema.js';
import { filterSql } from './filter-sql.js';
import { SqlParams } from './params.js';
import { searchSql, topTier } from './search-sql.js';

export const TOTAL_CAP = 1_000;

/**
 * The name order of the directory, `contacts_name_key` walks it: last name,
 * first name (folded as src/core's search folds them, from the match
 * document), then id, compared by code point (`COLLATE "C"`, as JavaScript
 * compares strings: the same order whatever the database's locale).
 * Must stay the expressions of that index, or the index is not used.
 */
export const NAME_ORDER = [`${nameKey('m', 'lastName')} COLLATE "C"`, `${nameKey('m', 'firstName')} COLLATE "C"`, `id COLLATE "C"`].join(', ');

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
    // The best-ranked matches alone, read in name order, when they fill the page; else every match ranked.
    const top = query.trim() && limit > 0 ? await this.topRows(filter, query, limit, offset) : undefined;
    let items = top ?? (await this.rows(search, limit, offset));
    // Typos only when the search finds nothing without them (an empty page past the end, or of no rows, proves nothing: ask).
    if (plain.typoEligible && !items.length && ((offset === 0 && limit > 0) || !(await this.any(search)))) {
      search = { ...search, typos: true };
      items = await this.rows(search, limit, offset);
    }
    // A page that is not full ends the matches: its end is the exact total, no count needed.
    if (items.length && items.length < limit) return { items, total: offset + items.length };
    if (!items.length && offset === 0 && limit > 0) return { items, total: 0 };
    const total = await this.total(search, top !== undefined);
    if (!total.estimated) return { items, total: total.total };
    // An estimate below what was already seen would end a client's paging early (rest-source reads until `total`).
    const seen = offset + items.length + (items.length === limit ? 1 : 0);
    return { items, total: Math.max(total.total, seen), estimated: true };
  }

  /** The filter, and `topTier`'s relation for the query (undefined when the query has none). */
  private tier(filter: ContactFilter, query: string, params: SqlParams) {
    const where = filterSql(filter, params, this.config.customFields(), this.config.region());
    const tier = topTier(query, params, NAME_ORDER);
    return tier && { where, tier };
  }

  /** The page from the best-ranked matches alone, or undefined when they do not fill it. */
  private async topRows(filter: ContactFilter, query: string, limit: number, offset: number): Promise<Contact[] | undefined> {
    const params = new SqlParams([limit, offset]);
    const compiled = this.tier(filter, query, params);
    if (!compiled) return undefined;
    const { where, tier } = compiled;
    // With a filter, a bounded stretch of the tier: enough for the page when the filter keeps one in ten.
    const scan = where === 'TRUE' ? offset + limit : 1_000 + 10 * (offset + limit);
    const rows = await this.db.query<{ data: Contact }>(
      `SELECT contacts.data FROM (${tier(String(scan))}) AS t JOIN contacts ON contacts.id = t.id
       WHERE ${where} ORDER BY t.rank LIMIT $1 OFFSET $2`,
      params.values,
    );
    return rows.length === limit ? rows.map((row) => row.data) : undefined;
  }

  private async rows(search: Search, limit: number, offset: number): Promise<Contact[]> {
    const ranked = this.compile(search, true, new SqlParams([limit, offset]))!;
    const rows = await this.db.query<{ data: Contact }>(
      `SELECT data FROM contacts WHERE ${ranked.where} ORDER BY ${ranked.order} LIMIT $1 OFFSET $2`,
      ranked.params,
    );
    return rows.map((row) => row.data);
  }

  private async any(search: Search): Promise<boolean> {
    const plain = this.compile(search, false)!;
    const rows = await this.db.query(`SELECT 1 FROM contacts WHERE ${plain.where} LIMIT 1`, plain.params);
    return rows.length > 0;
  }

  /**
   * Exact up to the cap, then estimated (never below the cap + 1 that were counted).
   * `tierFirst`: past the cap among the best-ranked matches alone (an index range), the
   * matches are past it too, without counting them (a trigram bitmap over every match).
   */
  private async total(search: Search, tierFirst = false): Promise<Total> {
    const plain = this.compile(search, false);
    if (!plain) return { total: 0 };
    const capped = async (from: string, params: unknown[]) => {
      const [{ n }] = await this.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} LIMIT ${TOTAL_CAP + 1}) AS capped`,
        params,
      );
      return n;
    };
    const tierParams = new SqlParams();
    const compiled = tierFirst && !search.typos ? this.tier(search.filter, search.query, tierParams) : undefined;
    // Every one of the tier's first cap + 1 passes the filter: past the cap.
    const tierFrom = compiled && `(${compiled.tier(String(TOTAL_CAP + 1))}) AS t`;
    const past =
      compiled &&
      (await capped(compiled.where === 'TRUE' ? tierFrom! : `${tierFrom} JOIN contacts ON contacts.id = t.id WHERE ${compiled.where}`, tierParams.values)) >
        TOTAL_CAP;
    const n = past ? TOTAL_CAP + 1 : await capped(`contacts WHERE ${plain.where}`, plain.params);
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
