import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-agent-workspace.js';
import '../src/define/ucrm-provider.js';
import type { InteractionSource } from '../src/data/interactions/source.js';
import { AGENT, storyContacts, storySimulator, unreachable, withActive, withPending } from './workspace-samples.js';

interface Args {
  lang?: string;
  popView?: 'reduced' | 'full';
  width?: string;
}
interface Loaded {
  interactions: InteractionSource;
}

const meta: Meta<Args> = {
  title: 'Workspace/ucrm-agent-workspace',
  component: 'ucrm-agent-workspace',
  args: { popView: 'reduced', width: '100%' },
  argTypes: { popView: { control: 'inline-radio', options: ['reduced', 'full'] } },
  render: ({ lang, popView, width }, { loaded }) => html`<ucrm-provider
    default-region="UY"
    .source=${storyContacts()}
    .interactions=${(loaded as Loaded).interactions}
  >
    <ucrm-agent-workspace
      style="--ucrm-workspace-height: 44rem; width: ${width}"
      lang=${lang ?? ''}
      agent-id=${AGENT}
      pop-view=${popView ?? 'reduced'}
      default-region="UY"
    ></ucrm-agent-workspace>
  </ucrm-provider>`,
};
export default meta;

type Story = StoryObj<Args>;

const pending = async () => {
  const interactions = storySimulator();
  await withPending(interactions);
  return { interactions };
};

/** The start of the day: nothing waiting. */
export const Empty: Story = { loaders: [async () => ({ interactions: storySimulator() })] };

/** Customers waiting in Pending: click one to take it and open its screen pop. */
export const PendingItems: Story = { loaders: [pending] };

/** Active work, one of them finished and waiting for its disposition. */
export const ActiveWithFinished: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      await withActive(interactions);
      return { interactions };
    },
  ],
};

/** After a call the agent is in wrap-up: the countdown in the top bar (click it to end it). */
export const WrapUp: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator();
      const { call } = await withPending(interactions);
      await interactions.take(call.id);
      await interactions.simulateHangup(call.id);
      return { interactions };
    },
  ],
};

/** Another agent takes what you click (commands take 1.5 s here): the inbox says so. */
export const Conflict: Story = {
  loaders: [
    async () => {
      const interactions = storySimulator({ latencyMs: 1500 });
      await withPending(interactions);
      const take = interactions.take.bind(interactions);
      interactions.take = (id, options) => {
        void interactions.simulateTakeByOther(id, 'agent-2');
        return take(id, options);
      };
      return { interactions };
    },
  ],
};

/** The interaction server cannot be reached. */
export const ServerDown: Story = {
  loaders: [async () => ({ interactions: unreachable(unreachable(storySimulator(), 'list'), 'presence') })],
};

/** At 400 px: one pane at a time, with Back to inbox. */
export const Narrow: Story = { args: { width: '400px' }, loaders: [pending] };

/** The full contact view in the screen pop. */
export const FullPop: Story = { args: { popView: 'full' }, loaders: [pending] };

export const Spanish: Story = { args: { lang: 'es' }, loaders: [pending] };
export const Portuguese: Story = { args: { lang: 'pt' }, loaders: [pending] };
