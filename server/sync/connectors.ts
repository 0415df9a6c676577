/**
 * The CRMs the engine knows, each on when its credentials are in the
 * environment. A CRM's entry reads its settings and makes its connector with
 * the engine's `ConnectorContext` (the daily-limit counter).
 */
import process from 'node:process';
import type { ConnectorContext, CrmConnector, CrmName } from './connector.js';
import { hubspotSettingsFromEnv } from './config.js';
import { createHubSpotConnector } from './hubspot.js';
import { createSalesforceConnector, salesforceSettingsFromEnv } from './salesforce.js';
import { createZohoConnector, zohoSettingsFromEnv } from './zoho.js';

export interface ConfiguredCrm {
  name: CrmName;
  /** Requests a day for all processes together; none: only the CRM's own limits. */
  dailyLimit?: number;
  create(context: ConnectorContext): CrmConnector;
}

type Entry = (env: NodeJS.ProcessEnv) => ConfiguredCrm | undefined;

const ENTRIES: Entry[] = [
  (env) => {
    const settings = hubspotSettingsFromEnv(env);
    return settings && { name: 'hubspot', dailyLimit: settings.dailyLimit, create: (context) => createHubSpotConnector(settings, context) };
  },
  (env) => {
    const settings = salesforceSettingsFromEnv(env);
    return settings && { name: 'salesforce', dailyLimit: settings.dailyLimit, create: (context) => createSalesforceConnector(settings, context) };
  },
  (env) => {
    const settings = zohoSettingsFromEnv(env);
    return settings && { name: 'zoho', dailyLimit: settings.dailyLimit, create: (context) => createZohoConnector(settings, context) };
  },
];

/** The configured CRMs; a bad setting throws at start-up with its name. */
export function configuredCrms(env: NodeJS.ProcessEnv = process.env): ConfiguredCrm[] {
  return ENTRIES.flatMap((entry) => entry(env) ?? []);
}
