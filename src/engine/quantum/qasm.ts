/**
 * OpenQASM 2.0 import/export.
 *
 * Supported: `OPENQASM 2.0;`, `include "qelib1.inc";`, several qreg/creg (flattened in
 * declaration order), every gate in the registry under its qelib1 name plus the built-ins
 * `U` and `CX`, parameter expressions (pi, + − * / ^, unary minus, sin cos tan exp ln sqrt),
 * measure, reset, barrier, register broadcasting (`h q;`, `cx a,b;`), and user
 * `gate name(params) qargs { … }` definitions, expanded inline. `opaque` and `if` are refused
 * with a clear QasmError (the simulator has no classical control yet).
 */
import type { Circuit, Op } from './circuit.ts';
import { MAX_CIRCUIT_QUBITS, MAX_CLBITS, createCircuit, validateOp, withOps } from './circuit.ts';
import { GATES, resolveGateId } from './gates.ts';

export class QasmError extends Error {
  readonly line: number;
  readonly column: number;
  /** The message without the position prefix. */
  readonly detail: string;
  /**
   * The offending QASM line with a caret under the column, set by parseQasm (which has the text):
   * "3 | cx q[0] q[1];\n  |         ^". Cells show it instead of the JavaScript line that called the parser.
   */
  frame?: string;
  constructor(detail: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${detail}`);
    this.name = 'QasmError';
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/** The source line `line` (1-based) of `text` with a caret under `column` (1-based; tabs kept so the caret lines up). */
export function qasmErrorFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const src = lines[line - 1] ?? '';
  const gutter = String(line);
  const pad = src.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return `${gutter} | ${src}\n${' '.repeat(gutter.length)} | ${pad}^`;
}

type TokKind = 'id' | 'num' | 'str' | 'sym' | 'eof';
interface Token { kind: TokKind; text: string; line: number; column: number }

const SYMBOLS = ['->', '==', ';', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '^'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0, line = 1, col = 1;
  const adv = (k: number): void => {
    for (let j = 0; j < k; j++) {
      if (src[i] === '\n') { line++; col = 1; } else col++;
      i++;
    }
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') { adv(1); continue; }
    if (ch === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') adv(1); continue; }
    if (ch === '/' && src[i + 1] === '*') {
      const l0 = line, c0 = col;
      adv(2);
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) adv(1);
      if (i >= src.length) throw new QasmError('unterminated comment', l0, c0);
      adv(2);
      continue;
    }
    const start = { line, column: col };
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j])) j++;
      out.push({ kind: 'id', text: src.slice(i, j), ...start });
      adv(j - i);
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
      if (!m) throw new QasmError(`unexpected character '${ch}'`, line, col);
      out.push({ kind: 'num', text: m[0], ...start });
      adv(m[0].length);
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"' && src[j] !== '\n') j++;
      if (src[j] !== '"') throw new QasmError('unterminated string', line, col);
      out.push({ kind: 'str', text: src.slice(i + 1, j), ...start });
      adv(j + 1 - i);
      continue;
    }
    const sym = SYMBOLS.find((s) => src.startsWith(s, i));
    if (sym === undefined) throw new QasmError(`unexpected character '${ch}'`, line, col);
    out.push({ kind: 'sym', text: sym, ...start });
    adv(sym.length);
  }
  out.push({ kind: 'eof', text: '', line, column: col });
  return out;
}

/** Parameter expression AST (evaluated at expansion time with a parameter environment). */
type Expr =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string; tok: Token }
  | { t: 'neg'; e: Expr }
  | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'fn'; name: string; e: Expr };

const FUNCS: Record<string, (x: number) => number> = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, exp: Math.exp, ln: Math.log, sqrt: Math.sqrt,
};

/** An argument: a whole register or one indexed bit. */
interface Arg { name: string; index: number | null; tok: Token }

/** A gate call inside a `gate` body or at top level. */
interface Call { name: string; tok: Token; params: Expr[]; args: Arg[] }

interface GateDefUser { name: string; params: string[]; qargs: string[]; body: (Call | { barrier: Arg[] })[] }

interface Register { name: string; size: number; offset: number }

const MAX_EXPANSION_OPS = 1_000_000; // guards against exponential user-gate blow-up

class Parser {
  private pos = 0;
  private readonly qregs = new Map<string, Register>();
  private readonly cregs = new Map<string, Register>();
  private nQubits = 0;
  private nClbits = 0;
  private readonly userGates = new Map<string, GateDefUser>();
  private readonly ops: { op: Op; tok: Token }[] = [];

  constructor(private readonly toks: Token[]) {}

  private peek(k = 0): Token { return this.toks[Math.min(this.pos + k, this.toks.length - 1)]; }
  private next(): Token { const t = this.peek(); if (this.pos < this.toks.length - 1) this.pos++; return t; }
  private err(tok: Token, msg: string): never { throw new QasmError(msg, tok.line, tok.column); }
  private describe(t: Token): string { return t.kind === 'eof' ? 'end of input' : `'${t.text}'`; }
  private expectSym(s: string): Token {
    const t = this.next();
    if (t.kind !== 'sym' || t.text !== s) this.err(t, `expected '${s}', found ${this.describe(t)}`);
    return t;
  }
  private isSym(s: string): boolean { const t = this.peek(); return t.kind === 'sym' && t.text === s; }
  private expectId(what: string): Token {
    const t = this.next();
    if (t.kind !== 'id') this.err(t, `expected ${what}, found ${this.describe(t)}`);
    return t;
  }
  private expectInt(what: string): number {
    const t = this.next();
    if (t.kind !== 'num' || !/^\d+$/.test(t.text)) this.err(t, `expected ${what} (a non-negative integer), found ${this.describe(t)}`);
    const v = Number(t.text);
    if (!Number.isSafeInteger(v)) this.err(t, `${what} ${t.text} is too large`);
    return v;
  }

  parse(): Circuit {
    if (this.peek().kind === 'id' && this.peek().text === 'OPENQASM') {
      this.next();
      const v = this.next();
      if (v.kind !== 'num') this.err(v, `expected a version number after OPENQASM, found ${this.describe(v)}`);
      if (v.text !== '2.0' && v.text !== '2') this.err(v, `unsupported OpenQASM version ${v.text} (expected 2.0)`);
      this.expectSym(';');
    }
    while (this.peek().kind !== 'eof') this.statement();
    if (this.nQubits === 0) this.err(this.peek(), 'no qubits declared (add a qreg, e.g. qreg q[2];)');
    const base = createCircuit(this.nQubits, this.nClbits);
    const ops: Op[] = [];
    for (const { op, tok } of this.ops) {
      try { ops.push(validateOp(base, op)); } catch (e) { this.err(tok, (e as Error).message); }
    }
    return withOps(base, ops);
  }

  private statement(): void {
    const t = this.peek();
    if (t.kind !== 'id') this.err(t, `expected a statement, found ${this.describe(t)}`);
    switch (t.text) {
      case 'OPENQASM': this.err(t, 'OPENQASM must be the first statement');
      // falls through (err never returns)
      case 'include': {
        this.next();
        const s = this.next();
        if (s.kind !== 'str') this.err(s, `expected a file name string after include, found ${this.describe(s)}`);
        if (s.text !== 'qelib1.inc') this.err(s, `cannot include '${s.text}' (only "qelib1.inc" is built in)`);
        this.expectSym(';');
        return;
      }
      case 'qreg': case 'creg': {
        this.next();
        const name = this.expectId('a register name');
        this.expectSym('[');
        const size = this.expectInt('register size');
        this.expectSym(']');
        this.expectSym(';');
        if (this.qregs.has(name.text) || this.cregs.has(name.text)) this.err(name, `register '${name.text}' is already declared`);
        if (size < 1) this.err(name, `register '${name.text}' has size 0 (expected ≥ 1)`);
        if (t.text === 'qreg') {
          if (this.nQubits + size > MAX_CIRCUIT_QUBITS) this.err(name, `too many qubits: ${this.nQubits + size} (expected at most ${MAX_CIRCUIT_QUBITS})`);
          this.qregs.set(name.text, { name: name.text, size, offset: this.nQubits });
          this.nQubits += size;
        } else {
          if (this.nClbits + size > MAX_CLBITS) this.err(name, `too many classical bits: ${this.nClbits + size} (expected at most ${MAX_CLBITS})`);
          this.cregs.set(name.text, { name: name.text, size, offset: this.nClbits });
          this.nClbits += size;
        }
        return;
      }
      case 'gate': this.gateDecl(); return;
      case 'opaque': this.err(t, 'opaque gates are not supported (they have no definition to simulate)');
      // falls through
      case 'if': this.err(t, "'if' (classically controlled gates) is not supported");
      // falls through
      case 'measure': {
        this.next();
        const q = this.arg();
        this.expectSym('->');
        const c = this.arg();
        this.expectSym(';');
        const qs = this.resolve(q, this.qregs, 'quantum');
        const cs = this.resolve(c, this.cregs, 'classical');
        if (qs.length !== cs.length) this.err(t, `measure sizes differ: ${qs.length} qubits -> ${cs.length} classical bits`);
        qs.forEach((qubit, i) => this.push({ kind: 'measure', qubit, clbit: cs[i] }, t));
        return;
      }
      case 'reset': {
        this.next();
        const q = this.arg();
        this.expectSym(';');
        for (const qubit of this.resolve(q, this.qregs, 'quantum')) this.push({ kind: 'reset', qubit }, t);
        return;
      }
      case 'barrier': {
        this.next();
        const args = this.argList();
        this.expectSym(';');
        const qubits = args.flatMap((a) => this.resolve(a, this.qregs, 'quantum'));
        this.push({ kind: 'barrier', qubits }, t);
        return;
      }
      default: {
        const call = this.call();
        this.expandTop(call);
      }
    }
  }

  private push(op: Op, tok: Token): void {
    if (this.ops.length >= MAX_EXPANSION_OPS) this.err(tok, `too many operations (more than ${MAX_EXPANSION_OPS} after expansion)`);
    this.ops.push({ op, tok });
  }

  private arg(): Arg {
    const name = this.expectId('a register name');
    if (this.isSym('[')) {
      this.next();
      const index = this.expectInt('an index');
      this.expectSym(']');
      return { name: name.text, index, tok: name };
    }
    return { name: name.text, index: null, tok: name };
  }

  private argList(): Arg[] {
    const args = [this.arg()];
    while (this.isSym(',')) { this.next(); args.push(this.arg()); }
    return args;
  }

  private resolve(a: Arg, regs: Map<string, Register>, kind: string): number[] {
    const r = regs.get(a.name);
    if (r === undefined) this.err(a.tok, `unknown ${kind} register '${a.name}'`);
    if (a.index === null) return Array.from({ length: r.size }, (_, i) => r.offset + i);
    if (a.index >= r.size) this.err(a.tok, `index ${a.index} out of range for register '${a.name}' of size ${r.size}`);
    return [r.offset + a.index];
  }

  private call(): Call {
    const name = this.expectId('a gate name');
    const params: Expr[] = [];
    if (this.isSym('(')) {
      this.next();
      if (!this.isSym(')')) {
        params.push(this.expr());
        while (this.isSym(',')) { this.next(); params.push(this.expr()); }
      }
      this.expectSym(')');
    }
    const args = this.argList();
    this.expectSym(';');
    return { name: name.text, tok: name, params, args };
  }

  private gateDecl(): void {
    this.next();
    const name = this.expectId('a gate name');
    if (this.userGates.has(name.text) || resolveBuiltin(name.text) !== undefined) this.err(name, `gate '${name.text}' is already defined`);
    const params: string[] = [];
    if (this.isSym('(')) {
      this.next();
      if (!this.isSym(')')) {
        params.push(this.expectId('a parameter name').text);
        while (this.isSym(',')) { this.next(); params.push(this.expectId('a parameter name').text); }
      }
      this.expectSym(')');
    }
    const qargs = [this.expectId('a qubit argument name').text];
    while (this.isSym(',')) { this.next(); qargs.push(this.expectId('a qubit argument name').text); }
    if (new Set(qargs).size !== qargs.length) this.err(name, `gate '${name.text}' repeats a qubit argument`);
    this.expectSym('{');
    const body: GateDefUser['body'] = [];
    while (!this.isSym('}')) {
      const t = this.peek();
      if (t.kind === 'eof') this.err(t, `unterminated body of gate '${name.text}' (missing '}')`);
      if (t.kind === 'id' && t.text === 'barrier') {
        this.next();
        const args = this.argList();
        this.expectSym(';');
        body.push({ barrier: args });
        continue;
      }
      const c = this.call();
      for (const a of c.args) {
        if (a.index !== null) this.err(a.tok, `indexed argument '${a.name}[${a.index}]' inside a gate body (use the qubit argument names)`);
        if (!qargs.includes(a.name)) this.err(a.tok, `unknown qubit argument '${a.name}' in gate '${name.text}'`);
      }
      this.checkVars(c.params, params);
      if (this.userGates.get(c.name) === undefined && resolveBuiltin(c.name) === undefined) this.err(c.tok, `unknown gate '${c.name}'`);
      body.push(c);
    }
    this.next();
    this.userGates.set(name.text, { name: name.text, params, qargs, body });
  }

  private checkVars(es: Expr[], allowed: string[]): void {
    const walk = (e: Expr): void => {
      if (e.t === 'var' && !allowed.includes(e.name)) this.err(e.tok, `unknown parameter '${e.name}'`);
      if (e.t === 'neg' || e.t === 'fn') walk(e.e);
      if (e.t === 'bin') { walk(e.a); walk(e.b); }
    };
    es.forEach(walk);
  }

  // expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ;
  // unary := '-' unary | '+' unary | power ; power := primary ('^' unary)?   (right-assoc, -2^2 = -4)
  private expr(): Expr {
    let a = this.term();
    while (this.isSym('+') || this.isSym('-')) { const op = this.next().text; a = { t: 'bin', op, a, b: this.term() }; }
    return a;
  }
  private term(): Expr {
    let a = this.unary();
    while (this.isSym('*') || this.isSym('/')) { const op = this.next().text; a = { t: 'bin', op, a, b: this.unary() }; }
    return a;
  }
  private unary(): Expr {
    if (this.isSym('-')) { this.next(); return { t: 'neg', e: this.unary() }; }
    if (this.isSym('+')) { this.next(); return this.unary(); }
    return this.power();
  }
  private power(): Expr {
    const base = this.primary();
    if (this.isSym('^')) { this.next(); return { t: 'bin', op: '^', a: base, b: this.unary() }; }
    return base;
  }
  private primary(): Expr {
    const t = this.next();
    if (t.kind === 'num') return { t: 'num', v: Number(t.text) };
    if (t.kind === 'sym' && t.text === '(') { const e = this.expr(); this.expectSym(')'); return e; }
    if (t.kind === 'id') {
      if (t.text === 'pi') return { t: 'num', v: Math.PI };
      if (Object.hasOwn(FUNCS, t.text)) {
        this.expectSym('(');
        const e = this.expr();
        this.expectSym(')');
        return { t: 'fn', name: t.text, e };
      }
      return { t: 'var', name: t.text, tok: t };
    }
    this.err(t, `expected an expression, found ${this.describe(t)}`);
  }

  private evalExpr(e: Expr, env: Map<string, number>, tok: Token): number {
    const ev = (x: Expr): number => {
      switch (x.t) {
        case 'num': return x.v;
        case 'var': {
          const v = env.get(x.name);
          if (v === undefined) this.err(x.tok, `unknown parameter '${x.name}'`);
          return v;
        }
        case 'neg': return -ev(x.e);
        case 'fn': return FUNCS[x.name](ev(x.e));
        case 'bin': {
          const a = ev(x.a), b = ev(x.b);
          return x.op === '+' ? a + b : x.op === '-' ? a - b : x.op === '*' ? a * b : x.op === '/' ? a / b : a ** b;
        }
      }
    };
    const v = ev(e);
    if (!Number.isFinite(v)) this.err(tok, `parameter evaluates to ${v} (expected a finite number)`);
    return v;
  }

  /** Top-level call: resolve registers, broadcast, expand. */
  private expandTop(call: Call): void {
    const def = this.lookup(call);
    const lists = call.args.map((a) => this.resolve(a, this.qregs, 'quantum'));
    let width = 1;
    for (let i = 0; i < lists.length; i++) {
      if (call.args[i].index !== null) continue;
      if (width !== 1 && lists[i].length !== width) this.err(call.args[i].tok, `register sizes differ in broadcast: ${width} and ${lists[i].length}`);
      width = Math.max(width, lists[i].length);
    }
    const values = call.params.map((p) => this.evalExpr(p, new Map(), call.tok));
    for (let k = 0; k < width; k++) {
      const qubits = lists.map((l) => (l.length === 1 ? l[0] : l[k]));
      this.apply(def, call, values, qubits, 0);
    }
  }

  private lookup(call: Call): { builtin: string } | { user: GateDefUser } {
    const user = this.userGates.get(call.name);
    const builtin = user ? undefined : resolveBuiltin(call.name);
    if (!user && builtin === undefined) this.err(call.tok, `unknown gate '${call.name}'`);
    const nParams = user ? user.params.length : GATES[builtin as string].params.length;
    const nArgs = user ? user.qargs.length : GATES[builtin as string].arity;
    if (call.params.length !== nParams) this.err(call.tok, `gate '${call.name}' takes ${nParams} parameter${nParams === 1 ? '' : 's'}, got ${call.params.length}`);
    if (call.args.length !== nArgs) this.err(call.tok, `gate '${call.name}' takes ${nArgs} qubit argument${nArgs === 1 ? '' : 's'}, got ${call.args.length}`);
    return user ? { user } : { builtin: builtin as string };
  }

  private apply(def: { builtin: string } | { user: GateDefUser }, call: Call, values: number[], qubits: number[], depth: number): void {
    if (new Set(qubits).size !== qubits.length) this.err(call.tok, `gate '${call.name}' applied to repeated qubits [${qubits.join(', ')}]`);
    if ('builtin' in def) {
      this.push({ kind: 'gate', gate: def.builtin, qubits, params: values }, call.tok);
      return;
    }
    const g = def.user;
    const env = new Map(g.params.map((p, i) => [p, values[i]] as const));
    const qmap = new Map(g.qargs.map((q, i) => [q, qubits[i]] as const));
    for (const st of g.body) {
      if ('barrier' in st) {
        this.push({ kind: 'barrier', qubits: st.barrier.map((a) => qmap.get(a.name) as number) }, call.tok);
        continue;
      }
      const inner = this.lookup(st);
      const vs = st.params.map((p) => this.evalExpr(p, env, st.tok));
      this.apply(inner, st, vs, st.args.map((a) => qmap.get(a.name) as number), depth + 1);
    }
  }
}

/** Built-in names: the registry (qelib1 names and aliases) plus OpenQASM's `U` and `CX`. */
function resolveBuiltin(name: string): string | undefined {
  if (name === 'U') return 'u';
  if (name === 'CX') return 'cx';
  // qelib1 names are lowercase; keep QASM case-sensitive for everything else.
  if (name !== name.toLowerCase()) return undefined;
  return resolveGateId(name);
}

/** Parse OpenQASM 2.0 text into a validated Circuit. Throws only QasmError. */
export function parseQasm(text: string): Circuit {
  if (typeof text !== 'string') throw new QasmError(`expected QASM text, got ${typeof text}`, 1, 1);
  try {
    return new Parser(tokenize(text)).parse();
  } catch (e) {
    // e.g. stack overflow on absurdly nested parentheses: still report a position.
    const err = e instanceof QasmError ? e : new QasmError(`cannot parse: ${(e as Error).message}`, 1, 1);
    err.frame ??= qasmErrorFrame(text, err.line, err.column);
    throw err;
  }
}

/** Shortest text that parses back to exactly x (as a multiple of pi when that is exact). */
export function formatAngle(x: number): string {
  if (x === 0) return '0';
  for (let q = 1; q <= 64; q++) {
    const p = Math.round((x * q) / Math.PI);
    if (p === 0 || Math.abs(p) > 64 * q) continue;
    let s: string | null = null;
    const ap = Math.abs(p);
    // The candidate text must evaluate to x exactly, in the parser's left-to-right order.
    const val = ap === 1 ? (q === 1 ? Math.PI : Math.PI / q) : q === 1 ? ap * Math.PI : (ap * Math.PI) / q;
    if (val === Math.abs(x)) s = `${ap === 1 ? '' : `${ap}*`}pi${q === 1 ? '' : `/${q}`}`;
    if (s !== null) return (x < 0 ? '-' : '') + s;
  }
  return String(x);
}

/** Serialise to OpenQASM 2.0 with one register `q` (and `c`). parseQasm(toQasm(c)) equals c. */
export function toQasm(circuit: Circuit): string {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${circuit.nQubits}];`];
  if (circuit.nClbits > 0) lines.push(`creg c[${circuit.nClbits}];`);
  for (const op of circuit.ops) {
    switch (op.kind) {
      case 'gate': {
        const ps = op.params.length ? `(${op.params.map(formatAngle).join(',')})` : '';
        lines.push(`${op.gate}${ps} ${op.qubits.map((q) => `q[${q}]`).join(',')};`);
        break;
      }
      case 'measure': lines.push(`measure q[${op.qubit}] -> c[${op.clbit}];`); break;
      case 'reset': lines.push(`reset q[${op.qubit}];`); break;
      case 'barrier': if (op.qubits.length) lines.push(`barrier ${op.qubits.map((q) => `q[${q}]`).join(',')};`); break;
    }
  }
  return lines.join('\n') + '\n';
}
