import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  chosenLeaf,
  findPath,
  hasLevelBelow,
  isComplete,
  levelsFor,
  pathOf,
  resolveSelection,
  selectAt,
  treeDepth,
  validSelection,
} from '../../src/core/disposition/disposition.js';
import type { DispositionNode } from '../../src/core/types.js';

const tree: DispositionNode[] = [
  {
    id: 'contacted',
    label: 'Contacted',
    children: [
      { id: 'sale', label: 'Sale', children: [{ id: 'card', label: 'Card' }, { id: 'cash', label: 'Cash' }] },
      { id: 'callback', label: 'Call back later', kind: 'reschedule' },
    ],
  },
  { id: 'no-answer', label: 'No answer' },
];

describe('core/disposition', () => {
  it('shows the top level only until something is chosen', () => {
    const levels = levelsFor(tree, []);
    expect(levels).to.have.length(1);
    expect(levels[0].options.map((o) => o.id)).to.deep.equal(['contacted', 'no-answer']);
    expect(levels[0].selected).to.equal(undefined);
    expect(hasLevelBelow(levels[0])).to.equal(true);
  });

  it('opens the children of each chosen option as the next level', () => {
    const levels = levelsFor(tree, ['contacted', 'sale']);
    expect(levels.map((l) => l.depth)).to.deep.equal([0, 1, 2]);
    expect(levels[1].parent?.id).to.equal('contacted');
    expect(levels[2].parent?.id).to.equal('sale');
    expect(levels[2].options.map((o) => o.id)).to.deep.equal(['card', 'cash']);
    expect(levels[2].selected).to.equal(undefined);
  });

  it('adds no level below a chosen leaf', () => {
    expect(levelsFor(tree, ['no-answer'])).to.have.length(1);
    expect(levelsFor(tree, ['contacted', 'callback'])).to.have.length(2);
  });

  it('changing a level clears every level below it', () => {
    expect(selectAt(['contacted', 'sale', 'card'], 0, 'no-answer')).to.deep.equal(['no-answer']);
    expect(selectAt(['contacted', 'sale', 'card'], 1, 'callback')).to.deep.equal(['contacted', 'callback']);
    expect(selectAt(['contacted', 'sale', 'card'], 1, '')).to.deep.equal(['contacted']);
  });

  it('is complete only when a leaf is reached', () => {
    expect(isComplete(tree, [])).to.equal(false);
    expect(isComplete(tree, ['contacted'])).to.equal(false);
    expect(isComplete(tree, ['contacted', 'sale'])).to.equal(false);
    expect(isComplete(tree, ['contacted', 'sale', 'cash'])).to.equal(true);
    expect(isComplete(tree, ['no-answer'])).to.equal(true);
    expect(chosenLeaf(tree, ['contacted', 'callback'])?.kind).to.equal('reschedule');
  });

  it('keeps only the still-valid prefix of a selection made against another tree', () => {
    expect(validSelection(tree, ['contacted', 'gone', 'card'])).to.deep.equal(['contacted']);
    expect(validSelection(tree, ['gone'])).to.deep.equal([]);
    expect(validSelection(undefined, ['contacted'])).to.deep.equal([]);
    expect(isComplete(tree, ['contacted', 'sale', 'card', 'extra'])).to.equal(true);
  });

  it('builds the {id,label} path and finds the path to any node', () => {
    expect(pathOf(tree, ['contacted', 'sale', 'card'])).to.deep.equal([
      { id: 'contacted', label: 'Contacted' },
      { id: 'sale', label: 'Sale' },
      { id: 'card', label: 'Card' },
    ]);
    expect(findPath(tree, 'cash')).to.deep.equal(['contacted', 'sale', 'cash']);
    expect(findPath(tree, 'nope')).to.equal(undefined);
    expect(treeDepth(tree)).to.equal(3);
    expect(treeDepth([])).to.equal(0);
    expect(levelsFor([], [])).to.deep.equal([]);
  });

  // Any depth: random trees, walking down by always picking some option, ends on a leaf.
  const nodeArb: fc.Memo<DispositionNode> = fc.memo((n) =>
    fc.record({
      id: fc.constant(''),
      label: fc.string({ minLength: 1, maxLength: 8 }),
      children: n > 1 ? fc.array(nodeArb(n - 1), { maxLength: 3 }) : fc.constant([]),
    }),
  );

  // Ids are unique in a real tree; give each node its path as id.
  const withIds = (nodes: DispositionNode[], prefix = ''): DispositionNode[] =>
    nodes.map((node, i) => ({ ...node, id: `${prefix}${i}`, children: withIds(node.children ?? [], `${prefix}${i}.`) }));

  it('walks any tree down to a leaf one level at a time (property)', () => {
    fc.assert(
      fc.property(fc.array(nodeArb(6), { minLength: 1, maxLength: 4 }), fc.array(fc.nat()), (generated, picks) => {
        const roots = withIds(generated);
        let selection: string[] = [];
        for (let depth = 0; ; depth++) {
          const levels = levelsFor(roots, selection);
          expect(levels).to.have.length(depth + 1);
          const open = levels[depth];
          expect(open.selected).to.equal(undefined);
          const option = open.options[(picks[depth] ?? 0) % open.options.length];
          selection = selectAt(selection, depth, option.id);
          expect(resolveSelection(roots, selection)).to.have.length(depth + 1);
          if (!option.children?.length) break;
          expect(isComplete(roots, selection)).to.equal(false);
        }
        expect(isComplete(roots, selection)).to.equal(true);
        expect(findPath(roots, selection.at(-1)!)).to.have.length(selection.length);
      }),
    );
  });
});
