/**
 * The filter builder of the contact directory: numbered conditions, the way
 * they combine, and the logic expression with its live error (what is wrong
 * and where, with the offending part marked). A render helper: the element
 * owns the state and receives every edit as a new `ContactFilter`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  operatorsFor,
  opNeedsValue,
  resolveFilterField,
  type ContactFilter,
  type ExpressionError,
  type FilterCondition,
  type FilterField,
  type FilterMatch,
  type FilterValidation,
  type SystemFieldKey,
} from '../../core/filters/index.js';
import type { FieldDef } from '../../core/types.js';
import type { directoryStrings } from '../../i18n/strings/directory.js';
import { controlAria, renderFieldError } from '../shared/field-aria.js';

type Strings = (typeof directoryStrings)['en'];

export interface FilterBuilderContext {
  strings: Strings;
  filter: ContactFilter;
  validation: FilterValidation;
  /** Every field a condition can use (system then custom). */
  fields: readonly FilterField[];
  customFields: readonly FieldDef[];
  onChange: (filter: ContactFilter) => void;
}

const fieldLabel = (field: FilterField, s: Strings) => (field.system ? s.field(field.key as SystemFieldKey) : field.label ?? field.key);

/** A condition moved to another field keeps what still makes sense and resets the rest. */
function changeField(condition: FilterCondition, key: string, customFields: readonly FieldDef[]): FilterCondition {
  const field = resolveFilterField(key, customFields);
  if (!field) return { ...condition, field: key };
  const ops = operatorsFor(field.type);
  const op = ops.includes(condition.op) ? condition.op : ops[0];
  return { field: key, op, value: field.type === 'boolean' ? 'true' : '' };
}

function valueInput(ctx: FilterBuilderContext, condition: FilterCondition, index: number, field?: FilterField) {
  const s = ctx.strings;
  const n = index + 1;
  if (!field || !opNeedsValue(condition.op)) return nothing;
  const update = (value: string) => ctx.onChange(replaceCondition(ctx.filter, index, { ...condition, value }));
  const problem = ctx.validation.conditions[index];
  const aria = controlAria(`condition-${n}`, { error: problem && s.problem(problem) });
  if (field.type === 'boolean') {
    return html`<select
      part="condition-value"
      aria-label=${s.valueLabel(n)}
      .value=${live(condition.value ?? 'true')}
      @change=${(e: Event) => update((e.target as HTMLSelectElement).value)}
    >
      <option value="true" ?selected=${condition.value !== 'false'}>${s.yes}</option>
      <option value="false" ?selected=${condition.value === 'false'}>${s.no}</option>
    </select>`;
  }
  const type = field.type === 'number' ? 'number' : field.type === 'date' || field.type === 'datetime' ? 'date' : 'text';
  const listId = field.options?.length ? `condition-${n}-options` : undefined;
  return html`<input
      part="condition-value"
      type=${type}
      aria-label=${s.valueLabel(n)}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      list=${listId ?? nothing}
      .value=${live(condition.value ?? '')}
      @input=${(e: Event) => update((e.target as HTMLInputElement).value)}
    />${listId
      ? html`<datalist id=${listId}>${field.options!.map((o) => html`<option value=${o}></option>`)}</datalist>`
      : nothing}`;
}

function replaceCondition(filter: ContactFilter, index: number, next: FilterCondition): ContactFilter {
  return { ...filter, conditions: filter.conditions.map((c, i) => (i === index ? next : c)) };
}

function renderCondition(ctx: FilterBuilderContext, condition: FilterCondition, index: number): TemplateResult {
  const s = ctx.strings;
  const n = index + 1;
  const field = resolveFilterField(condition.field, ctx.customFields);
  const problem = ctx.validation.conditions[index];
  // Waiting for its value: left out of the list's query until then (query-filter.ts), and marked so.
  const incomplete = problem === 'missing-value';
  return html`<li part="condition" data-incomplete=${incomplete ? 'true' : nothing} aria-label=${s.conditionLabel(n)}>
    <span part="condition-number" aria-hidden="true">${n}</span>
    <select
      part="condition-field"
      aria-label=${s.fieldLabel(n)}
      .value=${live(condition.field)}
      @change=${(e: Event) =>
        ctx.onChange(
          replaceCondition(ctx.filter, index, changeField(condition, (e.target as HTMLSelectElement).value, ctx.customFields)),
        )}
    >
      ${field ? nothing : html`<option value=${condition.field} selected>${condition.field}</option>`}
      ${ctx.fields.map(
        (f) => html`<option value=${f.key} ?selected=${f.key === field?.key && f.system === field?.system}>${fieldLabel(f, s)}</option>`,
      )}
    </select>
    <select
      part="condition-op"
      aria-label=${s.opLabel(n)}
      .value=${live(condition.op)}
      @change=${(e: Event) =>
        ctx.onChange(
          replaceCondition(ctx.filter, index, {
            ...condition,
            op: (e.target as HTMLSelectElement).value as FilterCondition['op'],
          }),
        )}
    >
      ${(field ? operatorsFor(field.type) : [condition.op]).map((op) => html`<option value=${op} ?selected=${op === condition.op}>${s.op(op)}</option>`)}
    </select>
    ${valueInput(ctx, condition, index, field)}
    <button
      type="button"
      part="condition-remove"
      aria-label=${s.removeCondition(n)}
      @click=${() => ctx.onChange({ ...ctx.filter, conditions: ctx.filter.conditions.filter((_, i) => i !== index) })}
    >
      ×
    </button>
    ${renderFieldError(`condition-${n}`, problem && s.problem(problem), { errorPart: 'condition-problem' })}
  </li>`;
}

/** Only conditions waiting for a value: they are skipped, the rest applies; any other problem keeps the last valid list. */
function filterStatus(ctx: FilterBuilderContext): string {
  const problems = ctx.validation.conditions;
  const onlyIncomplete = !ctx.validation.expression && problems.every((p) => p === undefined || p === 'missing-value');
  if (!onlyIncomplete) return ctx.strings.filterNotApplied;
  const numbers = problems.flatMap((p, i) => (p === 'missing-value' ? [i + 1] : []));
  return ctx.strings.conditionsIgnored(numbers.join(', '), numbers.length);
}

/** The expression with the part the error is about marked, so "where" is visible, not only counted. */
function renderExpressionError(s: Strings, text: string, error: ExpressionError, count: number): TemplateResult {
  const start = Math.min(error.position, text.length);
  const end = Math.min(start + Math.max(error.length, 1), text.length);
  const marked = text.slice(start, end) || ' ';
  return html`<div part="expression-error" id="expression-error" role="alert">
    <p part="expression-error-title">${s.invalidExpression}</p>
    <p part="expression-error-reason">${s.expressionReason(error.reason, error.token ?? '', count)}</p>
    ${text.trim()
      ? html`<p part="expression-error-where">
          ${s.atCharacter(start + 1)}
          <code part="expression-preview">${text.slice(0, start)}<mark part="expression-mark">${marked}</mark>${text.slice(end)}</code>
        </p>`
      : nothing}
  </div>`;
}

function renderMatch(ctx: FilterBuilderContext): TemplateResult {
  const s = ctx.strings;
  const options: [FilterMatch, string][] = [
    ['all', s.matchAll],
    ['any', s.matchAny],
    ['expression', s.matchExpression],
  ];
  return html`<div part="match" role="radiogroup" aria-label=${s.matchLabel}>
    ${options.map(
      ([value, label]) =>
        html`<label part="match-option"
          ><input
            type="radio"
            name="match"
            .value=${value}
            .checked=${live(ctx.filter.match === value)}
            @change=${() => ctx.onChange({ ...ctx.filter, match: value })}
          />${label}</label
        >`,
    )}
  </div>`;
}

function renderExpression(ctx: FilterBuilderContext): TemplateResult {
  const s = ctx.strings;
  const count = ctx.filter.conditions.length;
  const text = ctx.filter.expression ?? '';
  const error = ctx.validation.expression;
  // An expression can only be typed once conditions exist; one already typed stays editable.
  const disabled = count === 0 && !text;
  // The error block (expression-error) says what is wrong and where; the hint stays.
  const aria = controlAria('expression', { hint: true, invalid: !!error, describedBy: error ? 'expression-error' : undefined });
  return html`<div part="expression">
    <label part="expression-label" for="expression">${s.expressionLabel}</label>
    <input
      id="expression"
      part="expression-input"
      autocomplete="off"
      spellcheck="false"
      placeholder="(1 or 2) and 3"
      ?disabled=${disabled}
      aria-invalid=${ifDefined(aria.invalid)}
      aria-describedby=${ifDefined(aria.describedBy)}
      .value=${live(text)}
      @input=${(e: Event) => ctx.onChange({ ...ctx.filter, expression: (e.target as HTMLInputElement).value })}
    />
    <p part="expression-hint" id="expression-hint">${disabled ? s.expressionNeedsConditions : s.expressionHint}</p>
    ${error ? renderExpressionError(s, text, error, count) : nothing}
  </div>`;
}

export function renderFilterBuilder(ctx: FilterBuilderContext): TemplateResult {
  const s = ctx.strings;
  const addCondition = () => {
    const first = ctx.fields[0];
    ctx.onChange({
      ...ctx.filter,
      conditions: [...ctx.filter.conditions, { field: first.key, op: operatorsFor(first.type)[0], value: '' }],
    });
  };
  return html`<fieldset part="filter">
    <legend part="filter-legend">${s.filterLegend}</legend>
    ${renderMatch(ctx)}
    ${ctx.filter.conditions.length
      ? html`<ol part="conditions">${ctx.filter.conditions.map((c, i) => renderCondition(ctx, c, i))}</ol>`
      : nothing}
    <button type="button" part="add-condition" @click=${addCondition}>${s.addCondition}</button>
    ${ctx.filter.match === 'expression' ? renderExpression(ctx) : nothing}
    ${ctx.validation.ok ? nothing : html`<p part="filter-status">${filterStatus(ctx)}</p>`}
  </fieldset>`;
}
