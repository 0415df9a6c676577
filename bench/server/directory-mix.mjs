/**
 * What four agents do in the directory (`POST /contacts/query` bodies): list,
 * filter, page, search by name, phone and email. Shared by the load bench
 * (run.mjs) and the plan report (explain.mjs).
 */
const all = (...conditions) => ({ match: 'all', conditions });
const c = (field, op, value) => ({ field, op, value });

export const DIRECTORY_MIX = [
  { filter: all(), limit: 50 },
  { filter: all(c('tags', 'is', 'vip')), limit: 50 },
  { filter: all(c('tags', 'is', 'vip')), limit: 50, offset: 100 },
  { filter: all(c('leadStage', 'is', 'Customer'), c('owner', 'is', 'agent.ana')), limit: 50 },
  { filter: { match: 'expression', expression: '(1 or 2) and 3', conditions: [c('tags', 'is', 'premium'), c('tags', 'is', 'b2b'), c('blocked', 'is', 'false')] }, limit: 50 },
  { filter: all(c('budget', 'greater', '4000')), limit: 50 },
  { filter: all(), query: 'gonzalez', limit: 50 },
  { filter: all(), query: 'maria souza', limit: 50 },
  { filter: all(), query: 'Magalhães', limit: 50 },
  { filter: all(c('tags', 'is', 'b2b')), query: 'ana', limit: 50 },
  { filter: all(), query: '98765', limit: 50 },
  { filter: all(), query: 'maria.gonzalez', limit: 50 },
].map((body) => ({ query: '', offset: 0, ...body }));

/** A short label for a body of the mix. */
export function mixLabel(body) {
  const conditions = body.filter.conditions.map((x) => `${x.field} ${x.op} ${x.value}`).join(body.filter.match === 'any' ? ' | ' : ' & ');
  return [conditions && `[${body.filter.expression ?? ''} ${conditions}]`.replace('[ ', '['), body.query && `"${body.query}"`, body.offset && `offset ${body.offset}`]
    .filter(Boolean)
    .join(' ') || 'default list';
}
