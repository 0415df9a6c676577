// custom-elements-manifest plugin: our classes never register themselves;
// src/define/<tag>.ts calls `defineElement('tag', Class)`. This plugin reads
// those calls so the manifest knows each element's tag name, and drops the
// events the analyzer guesses from `dispatchEvent(new SomeEvent(detail))`
// (no name, or the variable's name): the real ones come from `@fires` JSDoc,
// and every event of ours is named `ucrm-*`.

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
export function defineElementPlugin() {
  /** @type {Map<string, { tag: string, definePath: string }>} class name → registration */
  const registrations = new Map();
  return {
    name: 'ucrm-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      if (!ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, ctor] = node.arguments;
      if (tag && ctor && ts.isStringLiteral(tag) && ts.isIdentifier(ctor)) {
        registrations.set(ctor.text, { tag: tag.text, definePath: moduleDoc.path });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      // Files are globbed in directory order, which differs between checkouts:
      // sort, so the committed manifest can be compared with a fresh one.
      const modules = customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name?.startsWith('ucrm-'));
          const registration = registrations.get(declaration.name);
          if (!registration) continue;
          declaration.customElement = true;
          declaration.tagName = registration.tag;
          const defineModule = modules.find((m) => m.path === registration.definePath);
          defineModule?.exports?.push({
            kind: 'custom-element-definition',
            name: registration.tag,
            declaration: { name: declaration.name, module: mod.path },
          });
        }
      }
    },
  };
}
