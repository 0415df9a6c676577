/**
 * The logic expression of a contact filter: `(1 or 2 or 3) and (4 and 5)`.
 *
 * Grammar (precedence `()` > `and` > `or`; operators case-insensitive and
 * surrounded by whitespace; half-width parentheses only):
 *
 *   expression := and-term ( ' or ' and-term )*
 *   and-term   := operand ( ' and ' operand )*
 *   operand    := condition-number | '(' expression ')'
 *
 * A hand-written tokenizer and recursive-descent parser, because the UI needs
 * precise, machine-readable errors (where and why) on every keystroke, which
 * a generic parser generator would not give us for a grammar this small.
 */

/** A parsed expression. Condition numbers are 1-based, as the user sees them. */
export type ExpressionNode =
  | { type: 'condition'; index: number }
  | { type: 'and' | 'or'; operands: ExpressionNode[] };

/** Why an expression was refused; the UI localizes these codes. */
export type ExpressionErrorReason =
  /** No conditions exist yet, so there is nothing to combine. */
  | 'no-conditions'
  /** The expression is blank. */
  | 'empty'
  /** A number that is not the number of an existing condition. */
  | 'unknown-condition'
  /** A `(` never closed, or a `)` never opened. */
  | 'unbalanced-parenthesis'
  /** A full-width `（` or `）`: only half-width parentheses are allowed. */
  | 'full-width-parenthesis'
  /** `and`/`or` not surrounded by spaces (`1and 2`). */
  | 'missing-space'
  /** A condition number or `(` was expected (`1 and`, `()`, `or 2`). */
  | 'missing-operand'
  /** `and`/`or` was expected between two operands (`1 2`, `1 (2)`). */
  | 'missing-operator'
  /** A word or character that is not part of the grammar (`xor`, `&&`, `#`). */
  | 'unexpected-token';

export const INVALID_EXPRESSION_MESSAGE = 'Invalid logical expression.';

export interface ExpressionError {
  message: typeof INVALID_EXPRESSION_MESSAGE;
  /** 0-based offset in the text where the problem is. */
  position: number;
  /** How many characters the problem spans (0 at the end of the text). */
  length: number;
  reason: ExpressionErrorReason;
  /** The offending text, when there is one (`6`, `xor`, `(`). */
  token?: string;
  /** English explanation for logs and developers; the UI localizes `reason`. */
  detail: string;
}

export type ParseResult = { ok: true; ast: ExpressionNode } | { ok: false; error: ExpressionError };

type TokenType = 'number' | 'and' | 'or' | 'open' | 'close' | 'word' | 'bad' | 'fullwidth' | 'end';

interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
const isDigit = (ch: string) => ch >= '0' && ch <= '9';
const isLetter = (ch: string) => /\p{L}/u.test(ch);

/** Splits the text; never fails (bad characters become `bad` tokens the parser reports in order). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const start = i;
    let type: TokenType;
    if (isDigit(ch)) {
      while (i < text.length && isDigit(text[i])) i++;
      type = 'number';
    } else if (isLetter(ch)) {
      while (i < text.length && isLetter(text[i])) i++;
      const word = text.slice(start, i).toLowerCase();
      type = word === 'and' ? 'and' : word === 'or' ? 'or' : 'word';
    } else {
      i++;
      type = ch === '(' ? 'open' : ch === ')' ? 'close' : ch === '（' || ch === '）' ? 'fullwidth' : 'bad';
    }
    tokens.push({ type, text: text.slice(start, i), start, end: i });
  }
  tokens.push({ type: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

class ExpressionSyntaxError extends Error {
  constructor(readonly error: ExpressionError) {
    super(error.detail);
  }
}

function fail(reason: ExpressionErrorReason, at: { start: number; end: number; text?: string }, detail: string): never {
  throw new ExpressionSyntaxError({
    message: INVALID_EXPRESSION_MESSAGE,
    position: at.start,
    length: at.end - at.start,
    reason,
    ...(at.text ? { token: at.text } : {}),
    detail,
  });
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly conditionCount: number,
  ) {}

  parse(): ExpressionNode {
    const node = this.orExpression();
    const next = this.peek();
    if (next.type === 'close') fail('unbalanced-parenthesis', next, `")" at ${next.start} closes no "(".`);
    if (next.type !== 'end') this.failUnexpected(next, 'operator');
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private orExpression(): ExpressionNode {
    const operands = [this.andExpression()];
    while (this.peek().type === 'or') {
      this.operator();
      operands.push(this.andExpression());
    }
    return operands.length === 1 ? operands[0] : { type: 'or', operands };
  }

  private andExpression(): ExpressionNode {
    const operands = [this.operand()];
    while (this.peek().type === 'and') {
      this.operator();
      operands.push(this.operand());
    }
    return operands.length === 1 ? operands[0] : { type: 'and', operands };
  }

  /** Consumes `and`/`or`, which must have whitespace on both sides. */
  private operator(): void {
    const token = this.tokens[this.pos++];
    const before = token.start > 0 && isSpace(this.text[token.start - 1]);
    // At the very end the missing operand is the real problem; operand() reports it.
    const after = token.end === this.text.length || isSpace(this.text[token.end]);
    if (!before || !after) {
      const where = !before && !after ? 'before and after' : !before ? 'before' : 'after';
      fail('missing-space', token, `"${token.text}" at ${token.start} needs a space ${where} it.`);
    }
  }

  private operand(): ExpressionNode {
    const token = this.peek();
    if (token.type === 'number') {
      this.pos++;
      const index = Number(token.text);
      if (index < 1 || index > this.conditionCount) {
        fail(
          'unknown-condition',
          token,
          `There is no condition ${token.text}: use a number from 1 to ${this.conditionCount}.`,
        );
      }
      return { type: 'condition', index };
    }
    if (token.type === 'open') {
      this.pos++;
      const inner = this.orExpression();
      const close = this.peek();
      if (close.type === 'close') {
        this.pos++;
        return inner;
      }
      if (close.type === 'end') fail('unbalanced-parenthesis', token, `"(" at ${token.start} is never closed.`);
      this.failUnexpected(close, 'operator');
    }
    this.failUnexpected(token, 'operand');
  }

  private failUnexpected(token: Token, expected: 'operand' | 'operator'): never {
    if (token.type === 'fullwidth') {
      fail('full-width-parenthesis', token, `"${token.text}" at ${token.start}: use half-width "(" and ")".`);
    }
    if (token.type === 'word' || token.type === 'bad') {
      fail(
        'unexpected-token',
        token,
        `"${token.text}" at ${token.start} is not a condition number, "and", "or" or a parenthesis.`,
      );
    }
    if (expected === 'operator') {
      fail('missing-operator', token, `"and" or "or" is expected at ${token.start}, before "${token.text}".`);
    }
    fail(
      'missing-operand',
      token,
      token.type === 'end'
        ? 'The expression ends where a condition number or "(" is expected.'
        : `A condition number or "(" is expected at ${token.start}, not "${token.text}".`,
    );
  }
}

/**
 * Parses a logic expression over conditions 1..`conditionCount`. Reports the
 * first problem from the left, with its position, so the UI can point at it
 * as the user types.
 */
export function parseLogicExpression(text: string, conditionCount: number): ParseResult {
  try {
    if (conditionCount < 1) {
      fail('no-conditions', { start: 0, end: text.length }, 'Add conditions before typing an expression.');
    }
    const tokens = tokenize(text);
    if (tokens.length === 1) fail('empty', { start: 0, end: text.length }, 'The expression is empty.');
    return { ok: true, ast: new Parser(text, tokens, conditionCount).parse() };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

/**
 * Canonical text: lower-case operators, single spaces, parentheses only
 * where precedence needs them (an `or` inside an `and`). Nested operators of
 * the same kind print flat, since `and`/`or` are associative.
 */
export function printExpression(node: ExpressionNode): string {
  if (node.type === 'condition') return String(node.index);
  return node.operands
    .map((operand) => {
      const text = printExpression(operand);
      return node.type === 'and' && operand.type === 'or' ? `(${text})` : text;
    })
    .join(` ${node.type} `);
}

/**
 * Evaluates with short-circuit. `results[n - 1]` is the outcome of condition
 * `n`; a missing entry counts as false.
 */
export function evaluate(node: ExpressionNode, results: readonly boolean[]): boolean {
  switch (node.type) {
    case 'condition':
      return results[node.index - 1] === true;
    case 'and':
      for (const operand of node.operands) if (!evaluate(operand, results)) return false;
      return true;
    case 'or':
      for (const operand of node.operands) if (evaluate(operand, results)) return true;
      return false;
  }
}

/** The expression `meet all` (`1 and 2 and …`) or `meet any` (`1 or 2 or …`) stands for. */
export function combineAll(kind: 'and' | 'or', conditionCount: number): ExpressionNode | undefined {
  if (conditionCount < 1) return undefined;
  const operands: ExpressionNode[] = Array.from({ length: conditionCount }, (_, i) => ({
    type: 'condition',
    index: i + 1,
  }));
  return operands.length === 1 ? operands[0] : { type: kind, operands };
}

/** Compiles the tree once into nested closures, so a filter runs with no tree walk per contact. */
export function compileExpression<T>(
  node: ExpressionNode,
  conditions: readonly ((item: T) => boolean)[],
): (item: T) => boolean {
  if (node.type === 'condition') return conditions[node.index - 1];
  const parts = node.operands.map((operand) => compileExpression(operand, conditions));
  const n = parts.length;
  if (node.type === 'and') {
    return (item) => {
      for (let i = 0; i < n; i++) if (!parts[i](item)) return false;
      return true;
    };
  }
  return (item) => {
    for (let i = 0; i < n; i++) if (parts[i](item)) return true;
    return false;
  };
}
