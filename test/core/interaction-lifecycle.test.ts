import { expect } from '@open-wc/testing';
import {
  availableActions,
  canCloseStatus,
  closeBlocker,
  commentBlocker,
  hasEnded,
  isInteractionStatus,
  isOpen,
  needsDisposition,
  offersReschedule,
  type ActionInput,
} from '../../src/core/interactions/close-rules.js';
import type { Campaign } from '../../src/core/types.js';

const dispositions: Campaign['dispositions'] = [
  { id: 'sale', label: 'Sale', children: [{ id: 'card', label: 'Card' }] },
  { id: 'later', label: 'Call back', kind: 'reschedule' },
];
const campaign = { dispositions, commentRequired: false, outboundHub: false };
const base: ActionInput = { status: 'finished', campaign, selection: ['sale', 'card'], comment: '', commentMaxLength: 10 };

const summary = (input: ActionInput) =>
  availableActions(input).map((a) => (a.enabled ? a.action : `${a.action}:${a.reason}`));

describe('core/interaction-lifecycle', () => {
  it('knows the three statuses and nothing else', () => {
    expect(['active', 'finished', 'closed'].every(isInteractionStatus)).to.equal(true);
    expect(isInteractionStatus('done')).to.equal(false);
    expect(isInteractionStatus(undefined)).to.equal(false);
  });

  it('finished is not closed', () => {
    expect(hasEnded('finished')).to.equal(true);
    expect(isOpen('finished')).to.equal(true);
    expect(isOpen('closed')).to.equal(false);
    expect(hasEnded('active')).to.equal(false);
    expect(canCloseStatus('active')).to.equal(false);
    expect(canCloseStatus('finished')).to.equal(true);
    expect(canCloseStatus('closed')).to.equal(false);
  });

  it('close needs a disposition when the campaign has them', () => {
    expect(needsDisposition(campaign)).to.equal(true);
    expect(needsDisposition({ dispositions: [] })).to.equal(false);
    expect(needsDisposition(undefined)).to.equal(false);
    expect(closeBlocker('finished', campaign, [])).to.equal('incomplete');
    expect(closeBlocker('finished', campaign, ['sale'])).to.equal('incomplete');
    expect(closeBlocker('finished', campaign, ['sale', 'card'])).to.equal(undefined);
    expect(closeBlocker('finished', { dispositions: [] }, [])).to.equal(undefined);
    expect(closeBlocker('active', { dispositions: [] }, [])).to.equal('not-finished');
    expect(closeBlocker('closed', campaign, ['sale', 'card'])).to.equal('closed');
  });

  it('checks the comment: required when the campaign says so, never over the limit', () => {
    expect(commentBlocker('', false, 5)).to.equal(undefined);
    expect(commentBlocker('   ', true, 5)).to.equal('comment-required');
    expect(commentBlocker('ok', true, 5)).to.equal(undefined);
    expect(commentBlocker('123456', false, 5)).to.equal('comment-too-long');
    expect(commentBlocker('12345', false, 5)).to.equal(undefined);
  });

  it('allows Save while active and Save and close only once finished', () => {
    expect(summary({ ...base, status: 'active' })).to.deep.equal(['save', 'save-and-close:not-finished']);
    expect(summary(base)).to.deep.equal(['save', 'save-and-close']);
  });

  it('offers nothing once closed', () => {
    expect(availableActions({ ...base, status: 'closed' })).to.deep.equal([]);
  });

  it('needs a leaf before saving', () => {
    expect(summary({ ...base, selection: ['sale'] })).to.deep.equal(['save:incomplete', 'save-and-close:incomplete']);
    expect(summary({ ...base, selection: [], status: 'active' })).to.deep.equal([
      'save:incomplete',
      'save-and-close:not-finished',
    ]);
  });

  it('blocks saving on a missing required comment or a too long one', () => {
    const required = { ...base, campaign: { ...campaign, commentRequired: true } };
    expect(summary(required)).to.deep.equal(['save:comment-required', 'save-and-close:comment-required']);
    expect(summary({ ...required, comment: 'called' })).to.deep.equal(['save', 'save-and-close']);
    expect(summary({ ...base, comment: 'x'.repeat(11) })).to.deep.equal([
      'save:comment-too-long',
      'save-and-close:comment-too-long',
    ]);
  });

  it('shows just Close for a campaign without dispositions, enabled once finished', () => {
    const none = { ...base, campaign: { dispositions: [] }, selection: [] };
    expect(summary(none)).to.deep.equal(['close']);
    expect(summary({ ...none, status: 'active' })).to.deep.equal(['close:not-finished']);
    expect(summary({ ...base, campaign: undefined })).to.deep.equal(['close']);
  });

  it('offers Reschedule only for a reschedule leaf in an Outbound Hub campaign, with a valid time', () => {
    const hub = { ...campaign, outboundHub: true };
    expect(offersReschedule(hub, ['later'])).to.equal(true);
    expect(offersReschedule(campaign, ['later'])).to.equal(false);
    expect(offersReschedule(hub, ['sale', 'card'])).to.equal(false);
    expect(summary({ ...base, campaign: hub, selection: ['later'] })).to.deep.equal([
      'save',
      'save-and-close',
      'reschedule:reschedule-time',
    ]);
    expect(summary({ ...base, campaign: hub, selection: ['later'], rescheduleReady: true, status: 'active' })).to.deep.equal([
      'save',
      'save-and-close:not-finished',
      'reschedule',
    ]);
    expect(summary({ ...base, campaign: { ...hub, commentRequired: true }, selection: ['later'], rescheduleReady: true }))
      .to.include('reschedule:comment-required');
  });
});
