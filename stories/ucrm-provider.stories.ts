import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/ucrm-provider.js';
import '../src/define/ucrm-interaction-view.js';
import { demoSource } from './screen-pop-samples.js';

interface Args {
  defaultRegion: string;
  clientId: string;
}

const meta: Meta<Args> = {
  title: 'Screen pop/ucrm-provider',
  component: 'ucrm-provider',
  args: { defaultRegion: 'UY', clientId: '099 555 123' },
  render: ({ defaultRegion, clientId }) =>
    html`<ucrm-provider default-region=${defaultRegion} .source=${demoSource()}>
      <ucrm-interaction-view client-id=${clientId} channel="phone" style="max-width: 40rem"></ucrm-interaction-view>
    </ucrm-provider>`,
};
export default meta;

type Story = StoryObj<Args>;

/** One source and region for every element inside: the national number resolves with region UY. */
export const ProvidesSourceAndRegion: Story = {};

/** A malformed region is reported by the provider; the elements inside keep working. */
export const BadRegion: Story = { args: { defaultRegion: 'Narnia' } };
