/**
 * CRM sync configuration, from the environment; off by default. A connector
 * is on when its credentials are set (`UCRM_SYNC_HUBSPOT_TOKEN`, …). Every
 * CRM also reads, under its prefix `UCRM_SYNC_<CRM>_`:
 *   URL          the API's base URL (sandboxes, the test fakes)
 *   FIELDS       field mapping changes, JSON (server/sync/field-mapping.ts)
 *   DAILY_LIMIT  API requests a day for all processes together (counted in
 *                the database); unset: no limit of ours (the CRM's 429s still apply)
 *   TIMEOUT_MS   one request's limit before it counts as a transient failure (10000)
 * docs/crm-sync.md describes each CRM's setup.
 */
import process from 'node:process';
import type { CrmName } from './connector.js';
import { parseFieldMapping } from './field-mapping.js';
import type { FieldMapping } from './field-mapping.js';

/** What every CRM's settings have, whatever its authentication. */
export interface CrmCommonSettings {
  baseUrl?: string;
  fields: FieldMapping;
  dailyLimit?: number;
  timeoutMs: number;
}

export interface HubSpotSettings extends CrmCommonSettings {
  /** A private app's access token (scopes: crm.objects.contacts.read/write, crm.schemas.contacts.write). */
  token: string;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

function positiveInteger(value: string | undefined, setting: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${setting} must be a whole number above 0, got "${value}"`);
  return number;
}

/** The settings every CRM reads under `UCRM_SYNC_<CRM>_`. */
export function commonSettingsFromEnv(crm: CrmName, env: NodeJS.ProcessEnv = process.env): CrmCommonSettings {
  const prefix = `UCRM_SYNC_${crm.toUpperCase()}_`;
  const baseUrl = env[`${prefix}URL`]?.trim();
  const dailyLimit = positiveInteger(env[`${prefix}DAILY_LIMIT`], `${prefix}DAILY_LIMIT`);
  return {
    ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    fields: parseFieldMapping(env[`${prefix}FIELDS`], `${prefix}FIELDS`),
    ...(dailyLimit ? { dailyLimit } : {}),
    timeoutMs: positiveInteger(env[`${prefix}TIMEOUT_MS`], `${prefix}TIMEOUT_MS`) ?? DEFAULT_TIMEOUT_MS,
  };
}

/** HubSpot is on when `UCRM_SYNC_HUBSPOT_TOKEN` is set. */
export function hubspotSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): HubSpotSettings | undefined {
  const token = env.UCRM_SYNC_HUBSPOT_TOKEN?.trim();
  if (!token) return undefined;
  return { ...commonSettingsFromEnv('hubspot', env), token };
}
