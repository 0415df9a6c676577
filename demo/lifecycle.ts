/**
 * The rest of an agent's day on the demo page, wired the way a host would:
 * the disposition form follows the ringing interaction, "Hang up" finishes it
 * (and starts the campaign's wrap-up for calls), "Save and close" closes it,
 * and the outbound composer's start requests become new interactions.
 */
import '../src/define/disposition-form.js';
import '../src/define/ucrm-new-interaction.js';
import '../src/define/ucrm-wrap-up-timer.js';
import type { DispositionForm } from '../src/components/disposition-form/disposition-form.js';
import type { UcrmNewInteraction } from '../src/components/ucrm-new-interaction/ucrm-new-interaction.js';
import type { UcrmWrapUpTimer } from '../src/components/ucrm-wrap-up-timer/ucrm-wrap-up-timer.js';
import type { Campaign, InteractionContext } from '../src/core/types.js';
import { activeInteraction, clearActiveInteraction, setActiveInteraction } from '../src/state/interaction-store.js';

export function wireLifecycle(campaigns: () => Campaign[]): void {
  const disposition = document.querySelector<DispositionForm>('#disposition')!;
  const wrapUp = document.querySelector<UcrmWrapUpTimer>('#wrap-up')!;
  const composer = document.querySelector<UcrmNewInteraction>('#composer')!;
  let current: InteractionContext | undefined;

  activeInteraction.subscribe((interaction) => {
    if (!interaction) return;
    current = interaction;
    disposition.hidden = false;
    disposition.campaign = interaction.campaign;
    disposition.interactionId = interaction.interactionId;
    disposition.interactionStatus = 'active';
    wrapUp.hidden = true;
  });

  document.querySelector('#hang-up')!.addEventListener('click', () => {
    if (!current) return;
    disposition.interactionStatus = 'finished';
    const seconds = campaigns().find((c) => c.id === current?.campaign)?.wrapUpSeconds;
    if (current.channel === 'phone' && seconds) {
      wrapUp.hidden = false;
      wrapUp.start(seconds);
    }
  });

  wrapUp.addEventListener('ucrm-wrap-up-end', () => {
    wrapUp.hidden = true;
  });

  disposition.addEventListener('ucrm-disposition-saved', (event) => {
    if (!event.detail.close) return;
    // Closed: the interaction leaves the agent's screen.
    current = undefined;
    clearActiveInteraction();
    disposition.hidden = true;
  });

  // The host performs the call or the send; here it just "connects" after a moment.
  composer.addEventListener('ucrm-interaction-start', (event) => {
    const { channel, campaign, to } = event.detail;
    setTimeout(() => {
      composer.started();
      setActiveInteraction({ channel, campaign, clientId: to, interactionId: crypto.randomUUID() });
    }, 400);
  });
}
