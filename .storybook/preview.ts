import type { ArgTypes, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { getStorybookHelpers, setStorybookHelpersConfig } from '@wc-toolkit/storybook-helpers';
import manifest from '../custom-elements.json';

// Controls and docs come from the manifest generated from the JSDoc, so they never drift.
setCustomElementsManifest(manifest);
// Our stories render with their own args, not the helpers' template: no "arg ref" notes.
setStorybookHelpersConfig({ hideArgRef: true });

/**
 * An element's public API for the docs table and controls: attributes,
 * properties, events, slots, CSS custom properties and parts. Storybook's own
 * extraction lists every class member, `private`, `protected` and `@state()`
 * ones included; the helpers list only what the manifest marks public.
 */
function publicArgTypes(tagName: string): ArgTypes {
  try {
    return getStorybookHelpers(tagName, { excludeCategories: ['methods', 'cssStates'] }).argTypes;
  } catch {
    return {}; // not an element of the manifest (a docs page, a helper story)
  }
}

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    docs: { extractArgTypes: publicArgTypes },
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'UI language of the widgets',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'es', 'pt'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = context.globals.locale ?? 'en';
      return story();
    },
  ],
};
export default preview;
