/**
 * The demo's three pages as tabs in the top bar: the agent workspace (the
 * default), the contacts directory and the screen pop lab. The URL hash
 * keeps the page across reloads.
 */
const PAGES = ['workspace', 'directory', 'lab'] as const;
type Page = (typeof PAGES)[number];

export function wirePages(): void {
  const tabs = PAGES.map((page) => document.querySelector<HTMLButtonElement>(`#tab-${page}`)!);

  const show = (page: Page, focus = false) => {
    PAGES.forEach((name, index) => {
      const selected = name === page;
      const tab = tabs[index]!;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.querySelector<HTMLElement>(`#page-${name}`)!.hidden = !selected;
      if (selected && focus) tab.focus();
    });
    if (location.hash !== `#${page}`) history.replaceState(null, '', page === 'workspace' ? location.pathname : `#${page}`);
  };

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => show(PAGES[index]!));
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      show(PAGES[(index + step + PAGES.length) % PAGES.length]!, true);
    });
  });

  const fromHash = location.hash.slice(1) as Page;
  show(PAGES.includes(fromHash) ? fromHash : 'workspace');

  // The workspace fills the window below the top bar, whatever the bar's height.
  const topbar = document.querySelector<HTMLElement>('.topbar')!;
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--topbar-height', `${topbar.offsetHeight}px`);
  }).observe(topbar);
}
