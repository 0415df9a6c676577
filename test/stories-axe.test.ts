/**
 * Every story of every `stories/*.stories.ts`, rendered as Storybook renders
 * it, three ways: light, dark (`color-scheme: dark` on an ancestor, over a
 * dark page, as docs/theming.md tells integrators), and in a 400-px-wide side
 * panel. Each must pass axe (colour contrast included), and in the panel
 * nothing may stick out sideways: what does not fit wraps or scrolls inside.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deepElements, mountStory, storiesOf, type MountedStory, type StoryFile } from './support/stories.js';

type Mode = 'light' | 'dark' | '400px';

/** The page around the story: a host page in that theme, or a side panel. */
const HOSTS: Record<Mode, string> = {
  light: 'color-scheme: light; background: Canvas; color: CanvasText; padding: 8px',
  dark: 'color-scheme: dark; background: Canvas; color: CanvasText; padding: 8px',
  '400px': 'color-scheme: light; background: Canvas; color: CanvasText; width: 400px',
};

/** Known violations, per story file, each waiting on its owner: remove the entry with the fix. */
const KNOWN: Record<string, string[]> = {};

/** What sticks out of the panel, for the failure message: the outermost elements past its right edge. */
function overflowing(panel: HTMLElement): string[] {
  const right = panel.getBoundingClientRect().right + 0.5;
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.getAttribute('part') ? `[part="${el.getAttribute('part')}"]` : el.className ? `.${String(el.className).split(' ')[0]}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right - right)} px past)`;
  const past = deepElements(panel).filter((el) => el.getBoundingClientRect().right > right && el.getClientRects().length > 0);
  const outermost = past.filter((el) => !past.some((other) => other !== el && (other.contains(el) || other.shadowRoot?.contains(el))));
  return (outermost.length ? outermost : past).slice(0, 3).map(describe);
}

// Virtualized lists re-measure rows as they render; Chromium reports that as the benign
// "ResizeObserver loop" error, which must not fail a story (mocha listens through window.onerror).
const mochaOnError = window.onerror;
before(() => {
  window.onerror = (message, ...rest) => (/ResizeObserver loop/.test(String(message)) ? true : mochaOnError?.call(window, message, ...rest));
});
after(() => (window.onerror = mochaOnError));

// Tall enough for the tallest story: a virtualized list renders no rows below the fold.
before(() => setViewport({ width: 1280, height: 2400 }));

const files: string[] = await (await fetch('/__stories-index.json')).json();
const modules = await Promise.all(files.map(async (file) => [file, (await import(`../stories/${file}`)) as StoryFile] as const));

for (const [file, module] of modules) {
  describe(`stories/${file}`, () => {
    let host: HTMLElement;
    let mounted: MountedStory | undefined;

    beforeEach(() => {
      host = document.createElement('div');
      document.body.append(host);
    });

    afterEach(async () => {
      await mounted?.unmount();
      mounted = undefined;
      host.remove();
      document.documentElement.style.colorScheme = '';
      document.body.style.background = '';
    });

    for (const story of storiesOf(file, module)) {
      for (const mode of ['light', 'dark', '400px'] as const) {
        it(`${story.name} (${mode})`, async () => {
          host.setAttribute('style', HOSTS[mode]);
          // The page itself in the same scheme, as a dark host page is: a part axe samples against the
          // page (scrolled past the story's own background) must not read as dark text on a white page.
          document.documentElement.style.colorScheme = mode === 'dark' ? 'dark' : 'light';
          document.body.style.background = 'Canvas';
          mounted = await mountStory(story, host);
          await expect(mounted.canvas).to.be.accessible({ ignoredRules: KNOWN[file] ?? [] });
          if (mode === '400px') {
            const { canvas } = mounted;
            const root = canvas.firstElementChild as HTMLElement | null;
            expect(canvas.scrollWidth, `wider than the panel: ${overflowing(canvas).join(', ')}`).to.be.at.most(canvas.clientWidth);
            if (root) expect(root.scrollWidth, `${root.tagName.toLowerCase()} overflows sideways: ${overflowing(root).join(', ')}`).to.be.at.most(root.clientWidth);
          }
        });
      }
    }
  });
}
