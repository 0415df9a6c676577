/**
 * Cascading disposition trees (DESIGN.md, `<disposition-form>`): one level per
 * depth, each level's options are the children of the option chosen above.
 * A selection is the list of chosen ids, top level first. Pure: no DOM.
 */
import type { DispositionNode } from '../types.js';

/** One level of the cascade as the form shows it. */
export interface DispositionLevel {
  /** 0 for the top level. */
  depth: number;
  /** The choices at this level. */
  options: readonly DispositionNode[];
  /** The option chosen one level up; undefined for the top level. */
  parent?: DispositionNode;
  /** The option chosen at this level, if any. */
  selected?: DispositionNode;
}

/** A saved path entry, as `ucrm-disposition-saved` carries it. */
export interface DispositionPathEntry {
  id: string;
  label: string;
}

export function isLeaf(node: DispositionNode): boolean {
  return !node.children || node.children.length === 0;
}

export function hasDispositions(tree: readonly DispositionNode[] | undefined): tree is readonly DispositionNode[] {
  return !!tree && tree.length > 0;
}

/**
 * The nodes a selection names, following the tree from the top. Stops at the
 * first id that is not a child of the node above, so a selection saved against
 * an older tree keeps only its still-valid prefix (nothing is guessed).
 */
export function resolveSelection(
  tree: readonly DispositionNode[] | undefined,
  selection: readonly string[],
): DispositionNode[] {
  const path: DispositionNode[] = [];
  let options = tree ?? [];
  for (const id of selection) {
    const node = options.find((option) => option.id === id);
    if (!node) break;
    path.push(node);
    options = node.children ?? [];
  }
  return path;
}

/** The ids of the valid prefix of `selection`. */
export function validSelection(tree: readonly DispositionNode[] | undefined, selection: readonly string[]): string[] {
  return resolveSelection(tree, selection).map((node) => node.id);
}

/**
 * Chooses `id` at `depth` (or clears that level when `id` is empty): the
 * levels above stay, every level below is cleared.
 */
export function selectAt(selection: readonly string[], depth: number, id: string): string[] {
  const above = selection.slice(0, depth);
  return id ? [...above, id] : above;
}

/**
 * The levels to show: every chosen level, then the first unchosen one (if the
 * path has not reached a leaf). The form renders one select per entry.
 */
export function levelsFor(tree: readonly DispositionNode[] | undefined, selection: readonly string[]): DispositionLevel[] {
  if (!hasDispositions(tree)) return [];
  const path = resolveSelection(tree, selection);
  const levels: DispositionLevel[] = [];
  let options: readonly DispositionNode[] = tree;
  let parent: DispositionNode | undefined;
  for (let depth = 0; options.length > 0; depth++) {
    const selected = path[depth];
    levels.push({ depth, options, parent, selected });
    if (!selected) break;
    parent = selected;
    options = selected.children ?? [];
  }
  return levels;
}

/** True when the open (unchosen) level has options with children: a level below is still to come. */
export function hasLevelBelow(level: DispositionLevel): boolean {
  return level.options.some((option) => !isLeaf(option));
}

/** The chosen leaf, when the selection goes all the way down; otherwise undefined. */
export function chosenLeaf(tree: readonly DispositionNode[] | undefined, selection: readonly string[]): DispositionNode | undefined {
  const path = resolveSelection(tree, selection);
  const last = path.at(-1);
  return last && isLeaf(last) ? last : undefined;
}

/** True when the selection reaches a leaf: the only state in which a disposition can be saved. */
export function isComplete(tree: readonly DispositionNode[] | undefined, selection: readonly string[]): boolean {
  return chosenLeaf(tree, selection) !== undefined;
}

/** The `{id, label}` path of a selection (its valid prefix). */
export function pathOf(tree: readonly DispositionNode[] | undefined, selection: readonly string[]): DispositionPathEntry[] {
  return resolveSelection(tree, selection).map(({ id, label }) => ({ id, label }));
}

/** The deepest level count of the tree (0 for an empty tree). */
export function treeDepth(tree: readonly DispositionNode[] | undefined): number {
  if (!hasDispositions(tree)) return 0;
  return 1 + Math.max(...tree.map((node) => treeDepth(node.children)));
}

/** The ids from the top down to the node with `id`, or undefined when no node has it. */
export function findPath(tree: readonly DispositionNode[] | undefined, id: string): string[] | undefined {
  for (const node of tree ?? []) {
    if (node.id === id) return [node.id];
    const below = findPath(node.children, id);
    if (below) return [node.id, ...below];
  }
  return undefined;
}
