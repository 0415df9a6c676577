/**
 * Renders a CSF3 story outside Storybook, the way Storybook's web-components
 * renderer does: args from the file's default export and the story, its
 * `beforeEach` hooks (their cleanups kept), its loaders (into `loaded`), its
 * decorators around its `render`, the result rendered into the canvas, then
 * its `play`. Only what our stories use; anything else fails loudly.
 */
import { render, type TemplateResult } from 'lit';
import { waitUntil } from './wait.js';

type Args = Record<string, unknown>;
// Storybook's own types are too wide to call without casts; these are the shapes our stories use.
export interface StoryContext {
  args: Args;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  argTypes: Record<string, unknown>;
  id: string;
  name: string;
  title: string;
  viewMode: 'story';
}
type RenderResult = TemplateResult | Node | string;
type Render = (args: Args, context: StoryContext) => RenderResult;
type Decorator = (story: (update?: Partial<StoryContext>) => RenderResult, context: StoryContext) => RenderResult;
type Hook = (context: StoryContext) => unknown;
interface Annotations {
  args?: Args;
  argTypes?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  render?: Render;
  decorators?: Decorator | Decorator[];
  loaders?: Hook | Hook[];
  beforeEach?: Hook | Hook[];
  play?: Hook;
  tags?: string[];
}
export interface StoryFile {
  default: Annotations & { title?: string; component?: string; excludeStories?: string[] | RegExp; includeStories?: string[] | RegExp };
  [name: string]: unknown;
}
export interface Story {
  file: string;
  name: string;
  meta: StoryFile['default'];
  story: Annotations;
}

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const matches = (name: string, rule: string[] | RegExp | undefined) =>
  rule instanceof RegExp ? rule.test(name) : Array.isArray(rule) ? rule.includes(name) : undefined;

/** The stories a CSF file exports (named exports, less `excludeStories`, only `includeStories` when given). */
export function storiesOf(file: string, module: StoryFile): Story[] {
  const meta = module.default;
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .filter(([name]) => matches(name, meta.includeStories) ?? true)
    .filter(([name]) => !(matches(name, meta.excludeStories) ?? false))
    .map(([name, value]) => ({
      file,
      name,
      meta,
      story: typeof value === 'function' ? { render: value as Render } : (value as Annotations),
    }));
}

/** A rendered story: its canvas, and `unmount()` to remove it and undo its `beforeEach` hooks. */
export interface MountedStory {
  canvas: HTMLElement;
  unmount(): Promise<void>;
}

/** Renders `story` into a new canvas inside `host`, runs its `play`, and waits until it is settled. */
export async function mountStory({ meta, story, name, file }: Story, host: HTMLElement): Promise<MountedStory> {
  const canvas = document.createElement('div');
  host.append(canvas);
  const context: StoryContext = {
    args: { ...meta.args, ...story.args },
    loaded: {},
    canvasElement: canvas,
    globals: { locale: 'en' },
    parameters: { ...meta.parameters, ...story.parameters },
    argTypes: { ...meta.argTypes, ...story.argTypes },
    id: `${file}--${name}`,
    name,
    title: meta.title ?? file,
    viewMode: 'story',
  };
  const cleanups: (() => unknown)[] = [];
  const unmount = async () => {
    render(null, canvas);
    canvas.remove();
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    for (const hook of [...list(meta.beforeEach), ...list(story.beforeEach)]) {
      const cleanup = await hook(context);
      if (typeof cleanup === 'function') cleanups.push(cleanup as () => unknown);
    }
    const loaded = await Promise.all([...list(meta.loaders), ...list(story.loaders)].map((loader) => loader(context)));
    context.loaded = Object.assign({}, ...loaded);
    const renderStory = story.render ?? meta.render;
    if (!renderStory) throw new Error(`${file} ${name}: no render function (the default renderer is not emulated)`);
    // Storybook applies the story's decorators innermost, then the file's.
    const decorated = [...list(story.decorators), ...list(meta.decorators)].reduce<(ctx: StoryContext) => RenderResult>(
      (inner, decorator) => (ctx) => decorator((update) => inner(update ? { ...ctx, ...update } : ctx), ctx),
      (ctx) => renderStory(ctx.args, ctx),
    );
    const result = decorated(context);
    if (result instanceof Node) canvas.append(result);
    else render(result, canvas);
    await settled(canvas);
    if (story.play) {
      await story.play(context);
      await settled(canvas);
    }
  } catch (error) {
    await unmount();
    throw error;
  }
  return { canvas, unmount };
}

interface Updating extends Element {
  updateComplete: Promise<unknown>;
  isUpdatePending?: boolean;
}

/** Every element under `root`, through open shadow roots. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of Array.from(node.children)) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return found;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await frame();
}

/** Rounds a loading state may stay unchanged before it counts as the story's state (a story may hold a load forever). */
const HELD_ROUNDS = 20;

/**
 * Waits until the canvas is quiet: every Lit element's update done, nothing
 * `aria-busy`, and no DOM change in any shadow root nor file loaded across two
 * consecutive checks. A story may hold a lazy part or a request forever (its "loading"
 * state): `updateComplete` then never resolves, and `aria-busy` stays; a
 * check waits half a second of frames at most for the first, and a busy
 * state that stays unchanged for HELD_ROUNDS checks is the state to test.
 */
export async function settled(canvas: HTMLElement): Promise<void> {
  let changes = 0;
  const observer = new MutationObserver((records) => (changes += records.length));
  // A module or file arriving (a lazy part an element started without awaiting it) counts as a change too.
  const loads = new PerformanceObserver((list) => (changes += list.getEntries().length));
  loads.observe({ type: 'resource' });
  const observed = new Set<Node>();
  const observe = (node: Node) => {
    if (observed.has(node)) return;
    observed.add(node);
    observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  let quiet = 0;
  let held = 0;
  try {
    await waitUntil(async () => {
      observe(canvas);
      const elements = deepElements(canvas);
      for (const el of elements) if (el.shadowRoot) observe(el.shadowRoot);
      const updating = elements.filter((el): el is Updating => 'updateComplete' in el);
      await Promise.race([Promise.all(updating.map((el) => el.updateComplete)), frames(30)]);
      await frames(2);
      const changed = changes > 0 || updating.some((el) => el.isUpdatePending);
      const busy = elements.some((el) => el.getAttribute('aria-busy') === 'true');
      changes = 0;
      held = changed || !busy ? 0 : held + 1;
      quiet = changed || (busy && held < HELD_ROUNDS) ? 0 : quiet + 1;
      return quiet >= 2;
    }, 'the story did not settle');
  } finally {
    observer.disconnect();
    loads.disconnect();
  }
}
