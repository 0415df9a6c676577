/**
 * What changed between two workspace states, as the changes watchers get.
 * The reducer replaces exactly what it changes, so comparing references is
 * enough (and cheap with hundreds of open interactions).
 */
import type { InteractionChange, WorkspaceState } from '../../core/interactions/index.js';

export function changesBetween(before: WorkspaceState, after: WorkspaceState): InteractionChange[] {
  if (before === after) return [];
  const changes: InteractionChange[] = [];
  if (before.interactions !== after.interactions) {
    for (const [id, interaction] of [...after.interactions.entries()]) {
      if (before.interactions.get(id) !== interaction) changes.push({ type: 'interaction', interaction });
    }
    for (const id of [...before.interactions.keys()]) {
      if (!after.interactions.has(id)) changes.push({ type: 'removed', id });
    }
  }
  if (before.messages !== after.messages) {
    for (const [id, list] of [...after.messages.entries()]) {
      const old = before.messages.get(id);
      if (old === list) continue;
      list.forEach((message, index) => {
        if (old?.[index] !== message) changes.push({ type: 'message', message });
      });
    }
  }
  if (before.agents !== after.agents) {
    for (const [id, agent] of Object.entries(after.agents)) {
      const old = before.agents[id];
      if (old?.presence === agent.presence && old.wrapUpUntil === agent.wrapUpUntil) continue;
      changes.push({
        type: 'presence',
        agentId: id,
        presence: agent.presence,
        ...(agent.presence === 'wrap-up' && agent.wrapUpUntil !== undefined ? { until: new Date(agent.wrapUpUntil).toISOString() } : {}),
      });
    }
  }
  return changes;
}
