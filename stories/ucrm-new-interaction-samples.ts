/**
 * Campaigns and an agent shared by the `<ucrm-new-interaction>` stories and
 * tests. The tests rely on these exact template bodies and permissions (only
 * Uruguay sales may send SMS, so SMS picks that campaign by itself).
 */
import type { ComposerAgent } from '../src/core/composer/index.js';
import type { Campaign } from '../src/core/types.js';

export const sampleCampaigns: Campaign[] = [
  {
    id: 'uy-sales',
    name: 'Sales Uruguay',
    channels: ['phone', 'whatsapp', 'sms', 'email'],
    outboundChannels: ['phone', 'whatsapp', 'sms', 'email'],
    provider: 'meta',
    region: 'UY',
    signature: '<p>Best regards,<br><strong>Sales team</strong> · Montevideo</p>',
    templates: [
      { id: 'welcome', name: 'Welcome', body: 'Hola {{1}}, soy {{agent}}.', channel: 'whatsapp', approved: true },
      { id: 'promo', name: 'Spring promo', body: 'Promo!', channel: 'whatsapp', approved: false },
      { id: 'reminder', name: 'Appointment reminder', body: 'Su turno es el {{1}}', channel: 'sms' },
    ],
  },
  {
    id: 'br-support',
    name: 'Suporte Brasil',
    channels: ['whatsapp', 'sms'],
    outboundChannels: ['whatsapp', 'sms'],
    provider: 'gupshup',
    region: 'BR',
    templates: [{ id: 'oi', name: 'Olá', body: 'Oi!', channel: 'whatsapp', approved: true }],
  },
];

export const sampleAgent: ComposerAgent = {
  id: 'sample-agent',
  campaigns: [
    { id: 'uy-sales', outbound: ['phone', 'whatsapp', 'sms', 'email'] },
    { id: 'br-support', outbound: ['whatsapp'] },
  ],
};
