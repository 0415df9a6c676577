import { expect } from '@open-wc/testing';
import { toOggOpus } from '../src/components/ucrm-conversation/voice-ogg.js';
import { recordTone } from './support/tone.js';

describe('voice note conversion', function () {
  this.timeout(60000);
  it('remuxes WebM/Opus into Ogg/Opus', async () => {
    const webm = await recordTone();
    expect(webm.type).to.match(/webm/);
    const ogg = await toOggOpus(webm);
    const bytes = new Uint8Array(await ogg.arrayBuffer());
    const ascii = new TextDecoder('latin1').decode(bytes);
    expect(ascii.slice(0, 4)).to.equal('OggS');
    expect(ascii).to.contain('OpusHead');
    expect(ogg.type).to.equal('audio/ogg; codecs=opus');
  });
});
