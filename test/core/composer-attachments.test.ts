import { expect } from '@open-wc/testing';
import { MEGABYTE, PROVIDER_LIMITS } from '../../src/core/composer/attachment-limits.js';
import {
  acceptAttribute,
  categoryOf,
  channelAcceptsAttachments,
  channelAcceptsVoiceNotes,
  checkAttachment,
  limitsFor,
} from '../../src/core/composer/attachments.js';

const sample = { image: 'a.jpg', audio: 'a.mp3', video: 'a.mp4', document: 'a.pdf' } as const;

describe('composer: attachments', () => {
  it('holds the issue table as data (MB = 1,000,000 bytes)', () => {
    expect(PROVIDER_LIMITS.meta).to.deep.equal({ image: 8 * MEGABYTE, audio: 25 * MEGABYTE, video: 25 * MEGABYTE, document: 100 * MEGABYTE });
    expect(PROVIDER_LIMITS.gupshup).to.deep.equal({ image: 5 * MEGABYTE, audio: 16 * MEGABYTE, video: 16 * MEGABYTE, document: 100 * MEGABYTE });
    expect(PROVIDER_LIMITS['whatsapp-business']).to.deep.equal(PROVIDER_LIMITS.gupshup);
  });

  for (const provider of ['meta', 'gupshup', 'whatsapp-business'] as const) {
    for (const category of ['image', 'audio', 'video', 'document'] as const) {
      it(`${provider} ${category}: exactly at the limit is accepted, one byte more refused`, () => {
        const limit = PROVIDER_LIMITS[provider][category];
        const name = sample[category];
        expect(checkAttachment({ name, size: limit }, 'whatsapp', provider)).to.deep.equal({ ok: true, category });
        expect(checkAttachment({ name, size: limit + 1 }, 'whatsapp', provider)).to.deep.equal({
          ok: false,
          reason: 'size',
          category,
          size: limit + 1,
          limit,
        });
      });
    }
  }

  it('classifies every listed extension, case-insensitively', () => {
    for (const ext of ['jpg', 'PNG', 'jpeg', 'gif', 'webp', 'svg', 'webm']) expect(categoryOf(`x.${ext}`)).to.equal('image');
    for (const ext of ['mp4', 'mov']) expect(categoryOf(`x.${ext}`)).to.equal('video');
    for (const ext of ['txt', 'pdf', 'rar', 'zip', 'doc', 'docx', 'xls', 'csv', 'xlsx']) expect(categoryOf(`x.${ext}`)).to.equal('document');
    for (const ext of ['mp3', 'wav', 'ogg', 'acc', 'm4a', 'aac', 'flac']) expect(categoryOf(`x.${ext}`)).to.equal('audio');
    expect(acceptAttribute().split(',')).to.have.length(25);
  });

  it('refuses other types with the extension as the reason', () => {
    expect(checkAttachment({ name: 'setup.exe', size: 1 }, 'whatsapp', 'meta')).to.deep.equal({ ok: false, reason: 'type', extension: 'exe' });
    expect(checkAttachment({ name: 'README', size: 1 }, 'email')).to.deep.equal({ ok: false, reason: 'type', extension: '' });
  });

  it('no attachments on SMS, Instagram or Phone', () => {
    expect(channelAcceptsAttachments('sms')).to.equal(false);
    expect(channelAcceptsAttachments('instagram')).to.equal(false);
    expect(channelAcceptsAttachments('phone')).to.equal(false);
    expect(channelAcceptsAttachments('email')).to.equal(true);
    expect(checkAttachment({ name: 'a.jpg', size: 1 }, 'sms', 'meta')).to.deep.equal({ ok: false, reason: 'channel' });
  });

  it('voice notes everywhere text goes except SMS and Email', () => {
    expect(channelAcceptsVoiceNotes('whatsapp')).to.equal(true);
    expect(channelAcceptsVoiceNotes('instagram')).to.equal(true);
    expect(channelAcceptsVoiceNotes('sms')).to.equal(false);
    expect(channelAcceptsVoiceNotes('email')).to.equal(false);
    expect(channelAcceptsVoiceNotes('phone')).to.equal(false);
  });

  it('a campaign without provider gets the strictest limit per category', () => {
    expect(limitsFor(undefined)).to.deep.equal({ image: 5 * MEGABYTE, audio: 16 * MEGABYTE, video: 16 * MEGABYTE, document: 100 * MEGABYTE });
  });
});
