import { expect } from '@open-wc/testing';
import { approvedHsmTemplates, checkWhatsAppFirstMessage } from '../../src/core/composer/whatsapp.js';
import type { MessageTemplate } from '../../src/core/types.js';

const templates: MessageTemplate[] = [
  { id: 'welcome', name: 'Welcome', body: 'Hello {{1}}, this is {{2}}.', channel: 'whatsapp', approved: true },
  { id: 'promo', name: 'Promo', body: 'Sale!', channel: 'whatsapp', approved: false },
  { id: 'sms-only', name: 'SMS', body: 'Hi', channel: 'sms', approved: true },
];

describe('composer: WhatsApp HSM rule', () => {
  it('offers only approved WhatsApp templates', () => {
    expect(approvedHsmTemplates(templates).map((t) => t.id)).to.deep.equal(['welcome']);
  });

  it('refuses free text as a first message, with the reason', () => {
    expect(checkWhatsAppFirstMessage({ message: 'Hi there' }, templates)).to.deep.equal({ ok: false, reason: 'free-text' });
    expect(checkWhatsAppFirstMessage({ message: '  ' }, templates)).to.deep.equal({ ok: false, reason: 'template-required' });
  });

  it('refuses a template that is not approved, unknown, or of another channel', () => {
    expect(checkWhatsAppFirstMessage({ templateId: 'promo' }, templates)).to.deep.equal({ ok: false, reason: 'not-approved' });
    expect(checkWhatsAppFirstMessage({ templateId: 'gone' }, templates)).to.deep.equal({ ok: false, reason: 'unknown-template' });
    expect(checkWhatsAppFirstMessage({ templateId: 'sms-only' }, templates)).to.deep.equal({ ok: false, reason: 'unknown-template' });
  });

  it('needs every variable filled', () => {
    expect(checkWhatsAppFirstMessage({ templateId: 'welcome', variables: { '1': 'Ana' } }, templates)).to.deep.equal({
      ok: false,
      reason: 'missing-variables',
      missing: ['2'],
    });
    const ok = checkWhatsAppFirstMessage({ templateId: 'welcome', variables: { '1': 'Ana', '2': 'Bob' }, message: 'ignored' }, templates);
    expect(ok.ok).to.equal(true);
  });
});
