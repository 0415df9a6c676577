/**
 * The filter a contact list actually runs, from the one the user is editing:
 *
 * - A condition still being written (an operator that needs a value, and no
 *   value yet) is left out, as if it were not there, instead of breaking the
 *   list; the builder marks it until it is complete. In a logic expression
 *   its number is taken out of the tree (`1 and (2 or 3)` with 2 incomplete
 *   runs as `1 and 3`) and the rest renumbered.
 * - Blocked contacts leave the main list (seed 003: they move to the Block
 *   segment): unless the filter itself says something about `blocked` (the
 *   Block segment does), `blocked is false` is added to it.
 *
 * Any other problem (an unknown field, a bad number, an invalid expression)
 * is not the user still typing but a mistake: the filter is returned as it
 * is, invalid, and the directory keeps its last valid list meanwhile.
 */
import type { FieldDef } from '../types.js';
import { combineAll, parseLogicExpression, printExpression, type ExpressionNode } from './expression.js';
import { validateCondition, type ContactFilter, type FilterCondition } from './filter.js';

const NOT_BLOCKED: FilterCondition = { field: 'blocked', op: 'is', value: 'false' };

/**
 * The segment a filter lists from: the Block segment (only blocked contacts)
 * when the filter asks for blocked ones, else the main list (none blocked).
 * Its size is the "of N" of the directory's count.
 */
export function segmentFilter(filter: ContactFilter): ContactFilter {
  const asksBlocked = filter.conditions.some((c) => c.field === 'blocked' && c.op === 'is' && c.value?.trim() === 'true');
  return { match: 'all', conditions: [asksBlocked ? { ...NOT_BLOCKED, value: 'true' } : NOT_BLOCKED], expression: '' };
}

/** Whether condition `index` is only waiting for its value (the builder marks it; the query skips it). */
export function isIncomplete(condition: FilterCondition, fields: readonly FieldDef[]): boolean {
  return validateCondition(condition, fields) === 'missing-value';
}

/** The tree without the dropped conditions (`renumber` maps each kept 1-based number to its new one). */
function prune(node: ExpressionNode, renumber: ReadonlyMap<number, number>): ExpressionNode | undefined {
  if (node.type === 'condition') {
    const index = renumber.get(node.index);
    return index === undefined ? undefined : { type: 'condition', index };
  }
  const operands = node.operands.map((operand) => prune(operand, renumber)).filter((o): o is ExpressionNode => !!o);
  if (operands.length === 0) return undefined;
  return operands.length === 1 ? operands[0] : { type: node.type, operands };
}

/** The combination the filter stands for, or undefined when it has none (no conditions); `false` when its expression is invalid. */
function treeOf(filter: ContactFilter): ExpressionNode | undefined | false {
  const count = filter.conditions.length;
  if (filter.match !== 'expression') return combineAll(filter.match === 'all' ? 'and' : 'or', count);
  if (count === 0 && !filter.expression?.trim()) return undefined;
  const parsed = parseLogicExpression(filter.expression ?? '', count);
  return parsed.ok ? parsed.ast : false;
}

/** The filter to query with: incomplete conditions left out, blocked contacts out of the main list. */
export function queryFilter(filter: ContactFilter, fields: readonly FieldDef[] = []): ContactFilter {
  const tree = treeOf(filter);
  if (tree === false) return filter;
  const kept: FilterCondition[] = [];
  const renumber = new Map<number, number>();
  filter.conditions.forEach((condition, i) => {
    if (isIncomplete(condition, fields)) return;
    kept.push(condition);
    renumber.set(i + 1, kept.length);
  });
  let ast = tree && prune(tree, renumber);
  const hideBlocked = !filter.conditions.some((c) => c.field === 'blocked');
  if (hideBlocked) {
    kept.push(NOT_BLOCKED);
    const blocked: ExpressionNode = { type: 'condition', index: kept.length };
    ast = ast ? { type: 'and', operands: [ast, blocked] } : blocked;
  }
  if (!ast) return { match: 'all', conditions: [], expression: '' };
  // Meet all stays meet all (the simplest query for any source); anything else is spelled out.
  if (filter.match === 'all' || (kept.length === 1 && ast.type === 'condition')) return { match: 'all', conditions: kept, expression: '' };
  if (filter.match === 'any' && !hideBlocked) return { match: 'any', conditions: kept, expression: '' };
  return { match: 'expression', conditions: kept, expression: printExpression(ast) };
}
