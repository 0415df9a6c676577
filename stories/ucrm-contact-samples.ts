/** Sample data shared by the contact card and contact form stories. */
import type { Contact, CustomSection } from '../src/core/types.js';

export const sampleSections: CustomSection[] = [
  {
    id: 'subscription',
    title: 'Subscription',
    campaigns: [],
    fields: [
      { key: 'plan', label: 'Plan', type: 'select', options: ['Silver', 'Gold', 'Platinum'], required: true },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal date', type: 'date' },
      { key: 'callback', label: 'Call back at', type: 'datetime' },
      { key: 'autopay', label: 'Automatic payment', type: 'checkbox' },
    ],
  },
  {
    id: 'online',
    title: 'Online',
    campaigns: ['sales'],
    fields: [
      { key: 'site', label: 'Web site', type: 'url' },
      { key: 'billingEmail', label: 'Billing email', type: 'email' },
      { key: 'altPhone', label: 'Other phone', type: 'phone' },
      { key: 'nickname', label: 'Nickname', type: 'text' },
    ],
  },
];

export function sampleContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c-1001',
    firstName: 'María José',
    lastName: 'Núñez',
    phones: ['+59899123456', '+5511987654321'],
    emails: ['mjnunez@example.com'],
    identities: [
      { kind: 'phone', value: '+59899123456' },
      { kind: 'phone', value: '+5511987654321' },
      { kind: 'email', value: 'mjnunez@example.com' },
      { kind: 'instagram', value: 'mj.nunez' },
      { kind: 'telegram', value: '88120391' },
    ],
    tags: ['VIP', 'Wholesale', 'Spanish'],
    notes: [
      { id: 'n1', text: 'Asked for a quote on 20 seats.\nCall back next week.', author: 'Bruno Silva', createdAt: '2026-03-01T14:05:00Z' },
      { id: 'n2', text: 'Renewal confirmed by email.', author: 'Carla Ortiz', createdAt: '2026-04-12T09:40:00Z' },
    ],
    custom: {
      plan: 'Gold',
      seats: 1250,
      renewal: '2026-12-31',
      callback: '2026-05-04T13:30:00Z',
      autopay: true,
      site: 'https://nunez.example.com',
    },
    blocked: false,
    unsubscribed: false,
    leadStage: 'Customer',
    owner: 'Marta Gómez',
    createdAt: '2025-01-15T09:00:00Z',
    updatedAt: '2026-04-12T09:40:00Z',
    ...overrides,
  };
}
