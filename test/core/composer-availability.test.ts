import { expect } from '@open-wc/testing';
import { availableChannels, campaignsFor, type ComposerAgent } from '../../src/core/composer/availability.js';
import type { Campaign } from '../../src/core/types.js';

const campaign = (id: string, outboundChannels: Campaign['outboundChannels']): Campaign => ({
  id,
  name: id,
  channels: outboundChannels,
  outboundChannels,
});

const sales = campaign('sales', ['phone', 'whatsapp', 'webchat']);
const support = campaign('support', ['sms', 'email']);
const inboundOnly = campaign('inbound', []);

describe('composer: channel and campaign availability', () => {
  it('offers the channels enabled and permitted in a campaign the agent belongs to, in composer order', () => {
    const agent: ComposerAgent = { id: 'a', campaigns: [{ id: 'sales', outbound: ['whatsapp', 'phone'] }, { id: 'support', outbound: ['email'] }] };
    expect(availableChannels([sales, support], agent)).to.deep.equal({ ok: true, channels: ['phone', 'whatsapp', 'email'] });
  });

  it('offers the campaigns with the channel enabled and permitted', () => {
    const both = campaign('both', ['whatsapp', 'sms']);
    const agent: ComposerAgent = { id: 'a', campaigns: [{ id: 'sales', outbound: ['whatsapp'] }, { id: 'both', outbound: ['sms'] }] };
    expect(campaignsFor([sales, both], 'whatsapp', agent).map((c) => c.id)).to.deep.equal(['sales']);
    expect(campaignsFor([sales, both], 'sms', agent).map((c) => c.id)).to.deep.equal(['both']);
    // Permission without the campaign enabling the channel is not enough.
    const stale: ComposerAgent = { id: 'a', campaigns: [{ id: 'support', outbound: ['phone'] }] };
    expect(campaignsFor([support], 'phone', stale)).to.deep.equal([]);
  });

  it('without an agent, every outbound channel of every campaign is offered', () => {
    expect(availableChannels([sales, support])).to.deep.equal({ ok: true, channels: ['phone', 'whatsapp', 'sms', 'email'] });
  });

  it('says why nothing is offered', () => {
    const agent: ComposerAgent = { id: 'a', campaigns: [{ id: 'sales', outbound: [] }] };
    expect(availableChannels([], agent)).to.deep.equal({ ok: false, reason: 'no-campaigns' });
    expect(availableChannels([support], agent)).to.deep.equal({ ok: false, reason: 'no-membership' });
    expect(availableChannels([sales], agent)).to.deep.equal({ ok: false, reason: 'no-permission' });
    const inbound: ComposerAgent = { id: 'a', campaigns: [{ id: 'inbound', outbound: ['phone'] }] };
    expect(availableChannels([inboundOnly], inbound)).to.deep.equal({ ok: false, reason: 'no-outbound-channels' });
    const webchatOnly: ComposerAgent = { id: 'a', campaigns: [{ id: 'w', outbound: ['webchat'] }] };
    expect(availableChannels([campaign('w', ['webchat'])], webchatOnly)).to.deep.equal({ ok: false, reason: 'no-outbound-channels' });
  });
});
