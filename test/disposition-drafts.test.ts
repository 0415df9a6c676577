import { expect } from '@open-wc/testing';
import {
  DISPOSITION_DRAFTS_PREFIX,
  DRAFT_MAX_AGE_MS,
  clearDispositionDraft,
  dispositionDrafts,
  loadDispositionDraft,
  pruneDispositionDrafts,
  saveDispositionDraft,
} from '../src/state/disposition-drafts.js';

// Written before the store first reads storage, as a previous page (or version) would have left them.
localStorage.setItem(`${DISPOSITION_DRAFTS_PREFIX}damaged`, '{not json');
localStorage.setItem(`${DISPOSITION_DRAFTS_PREFIX}wrong-shape`, JSON.stringify({ selection: 'x' }));
localStorage.setItem(
  `${DISPOSITION_DRAFTS_PREFIX}kept`,
  JSON.stringify({ selection: ['a', 'b'], comment: 'hi', updatedAt: Date.now() }),
);
localStorage.setItem(
  `${DISPOSITION_DRAFTS_PREFIX}stale`,
  JSON.stringify({ selection: ['a'], comment: '', updatedAt: Date.now() - DRAFT_MAX_AGE_MS - 1000 }),
);

describe('state/disposition-drafts', () => {
  it('reads drafts left in storage, drops damaged ones and prunes stale ones', () => {
    dispositionDrafts();
    expect(loadDispositionDraft('kept')).to.include({ comment: 'hi' });
    expect(loadDispositionDraft('damaged')).to.equal(undefined);
    expect(loadDispositionDraft('wrong-shape')).to.equal(undefined);
    expect(loadDispositionDraft('stale')).to.equal(undefined);
    expect(localStorage.getItem(`${DISPOSITION_DRAFTS_PREFIX}stale`)).to.equal(null);
  });

  it('merges changes per interaction and writes them to storage', () => {
    saveDispositionDraft('i-1', { selection: ['x'] });
    saveDispositionDraft('i-1', { comment: 'note' });
    expect(loadDispositionDraft('i-1')).to.include({ comment: 'note' });
    expect(loadDispositionDraft('i-1')!.selection).to.deep.equal(['x']);
    expect(JSON.parse(localStorage.getItem(`${DISPOSITION_DRAFTS_PREFIX}i-1`)!).selection).to.deep.equal(['x']);
    expect(loadDispositionDraft('i-2')).to.equal(undefined);
    clearDispositionDraft('i-1');
    expect(localStorage.getItem(`${DISPOSITION_DRAFTS_PREFIX}i-1`)).to.equal(null);
  });

  it('prunes by age', () => {
    saveDispositionDraft('old', { selection: ['x'] });
    pruneDispositionDrafts(Date.now() + DRAFT_MAX_AGE_MS + 1);
    expect(loadDispositionDraft('old')).to.equal(undefined);
  });
});
