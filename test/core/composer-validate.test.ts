import { expect } from '@open-wc/testing';
import { validateComposer } from '../../src/core/composer/validate.js';
import type { Campaign } from '../../src/core/types.js';

const campaign: Campaign = {
  id: 'uy',
  name: 'Uruguay',
  channels: ['phone', 'whatsapp', 'sms', 'email'],
  outboundChannels: ['phone', 'whatsapp', 'sms', 'email'],
  region: 'UY',
  templates: [
    { id: 'hsm', name: 'Welcome', body: 'Hola {{1}}', channel: 'whatsapp', approved: true },
    { id: 'sms-t', name: 'Reminder', body: 'Turno {{fecha}}', channel: 'sms' },
  ],
};

describe('composer: validation', () => {
  it('needs a campaign', () => {
    const result = validateComposer('phone', { to: '12345' }, undefined);
    expect(result).to.deep.equal({ ok: false, errors: [{ field: 'campaign', code: 'required' }] });
  });

  it('Phone: at least 5 digits, sent as dialled', () => {
    expect(validateComposer('phone', { to: '12*#3' }, campaign)).to.deep.equal({ ok: false, errors: [{ field: 'to', code: 'too-few-digits' }] });
    expect(validateComposer('phone', { to: '1234*5' }, campaign)).to.deep.equal({ ok: true, request: { channel: 'phone', campaign: 'uy', to: '1234*5' } });
  });

  it('WhatsApp/SMS: number validated for the campaign region and sent in E.164', () => {
    const ok = validateComposer('sms', { to: '099 123 456', message: 'Hi' }, campaign);
    expect(ok).to.deep.equal({ ok: true, request: { channel: 'sms', campaign: 'uy', to: '+59899123456', message: 'Hi' } });
    const bad = validateComposer('sms', { to: '12', message: 'Hi' }, campaign);
    expect(bad).to.deep.equal({ ok: false, errors: [{ field: 'to', code: 'invalid-number' }] });
  });

  it('uses the default region when the campaign has none', () => {
    const noRegion = { ...campaign, region: undefined };
    expect(validateComposer('sms', { to: '099123456', message: 'x' }, noRegion, { defaultRegion: 'UY' })).to.deep.include({ ok: true });
    expect(validateComposer('sms', { to: '099123456', message: 'x' }, campaign, { defaultRegion: 'BR' })).to.deep.include({ ok: true });
  });

  it('WhatsApp: free text refused, approved template with variables accepted', () => {
    expect(validateComposer('whatsapp', { to: '099123456', message: 'hey' }, campaign)).to.deep.equal({
      ok: false,
      errors: [{ field: 'template', code: 'free-text' }],
    });
    expect(validateComposer('whatsapp', { to: '099123456', templateId: 'hsm', variables: { '1': ' Ana ', extra: 'x' } }, campaign)).to.deep.equal({
      ok: true,
      request: { channel: 'whatsapp', campaign: 'uy', to: '+59899123456', template: 'hsm', variables: { '1': 'Ana' }, message: 'Hola Ana' },
    });
  });

  it('SMS: message or template (with its variables) required', () => {
    expect(validateComposer('sms', { to: '099123456' }, campaign)).to.deep.equal({ ok: false, errors: [{ field: 'message', code: 'required' }] });
    const missing = validateComposer('sms', { to: '099123456', templateId: 'sms-t' }, campaign);
    expect(missing).to.deep.equal({ ok: false, errors: [{ field: 'template', code: 'missing-variables', missing: ['fecha'] }] });
    const ok = validateComposer('sms', { to: '099123456', templateId: 'sms-t', variables: { fecha: 'lunes' } }, campaign);
    expect(ok.ok && ok.request.message).to.equal('Turno lunes');
  });

  it('Email: to, subject and body required; CC/BCC addresses valid', () => {
    const result = validateComposer('email', { to: 'nope', cc: ['ok@x.com', 'bad'] }, campaign, { bodyEmpty: true });
    expect(result).to.deep.equal({
      ok: false,
      errors: [
        { field: 'to', code: 'invalid-email' },
        { field: 'subject', code: 'required' },
        { field: 'body', code: 'required' },
        { field: 'cc', code: 'invalid-email', values: ['bad'] },
      ],
    });
    const ok = validateComposer('email', { to: 'ana@x.com', subject: ' Hi ', html: '<p>x</p>', cc: ['c@x.com'] }, campaign, { bodyEmpty: false });
    expect(ok).to.deep.equal({
      ok: true,
      request: { channel: 'email', campaign: 'uy', to: 'ana@x.com', subject: 'Hi', html: '<p>x</p>', cc: ['c@x.com'], bcc: [] },
    });
  });
});
