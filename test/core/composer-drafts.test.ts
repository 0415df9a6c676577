import { expect } from '@open-wc/testing';
import { clearDraft, composerDrafts, DRAFTS_PREFIX, loadDraft, saveDraft } from '../../src/state/composer-drafts.js';

// nanostores reads process.env.NODE_ENV, which the test server (unlike Vite) does not define.
(globalThis as any).process ??= { env: { NODE_ENV: 'development' } };

describe('composer: drafts store', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one draft per channel and per agent in localStorage', () => {
    saveDraft('agent-1', 'sms', { to: '099', message: 'hola' });
    saveDraft('agent-1', 'phone', { to: '12345' });
    saveDraft('agent-2', 'sms', { to: '111' });
    expect(JSON.parse(localStorage.getItem(`${DRAFTS_PREFIX}agent-1:sms`)!)).to.deep.equal({ to: '099', message: 'hola' });
    expect(loadDraft('agent-1', 'phone')).to.deep.equal({ to: '12345' });
    expect(loadDraft('agent-2', 'sms')).to.deep.equal({ to: '111' });
    expect(loadDraft('agent-2', 'phone')).to.equal(undefined);
  });

  it('removes a cleared or emptied draft from storage', () => {
    saveDraft('agent-3', 'sms', { to: '099' });
    clearDraft('agent-3', 'sms');
    expect(localStorage.getItem(`${DRAFTS_PREFIX}agent-3:sms`)).to.equal(null);
    saveDraft('agent-3', 'email', { to: 'a@b.co' });
    saveDraft('agent-3', 'email', { to: '', cc: [] });
    expect(localStorage.getItem(`${DRAFTS_PREFIX}agent-3:email`)).to.equal(null);
  });

  it('reads what storage holds when a store is first mounted (a reload)', () => {
    localStorage.setItem(`${DRAFTS_PREFIX}fresh-agent:whatsapp`, JSON.stringify({ to: '+59899123456' }));
    localStorage.setItem(`${DRAFTS_PREFIX}fresh-agent:sms`, '{broken');
    const store = composerDrafts('fresh-agent');
    const unbind = store.listen(() => {});
    expect(store.get().whatsapp).to.deep.equal({ to: '+59899123456' });
    expect(store.get().sms).to.equal(undefined);
    unbind();
  });
});
