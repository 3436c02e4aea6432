/**
 * Find where a JSON text first goes wrong. JSON.parse's own messages differ between engines and
 * V8 often leaves out the position, so the codec locates the error itself. Iterative (an explicit
 * stack), so a payload of a million '[' cannot overflow the call stack. Returns -1 for valid JSON.
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const n = text.length;
  // Stack of open containers: '{' or '['.
  const stack: string[] = [];
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 1;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i += 1;
          return false;
        }
      } else i++;
    }
    return false;
  };
  const num = (): boolean => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') return str();
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    return false;
  };
  // An object key and its colon; the value follows in the main loop.
  const key = (): boolean => {
    ws();
    if (!str()) return false;
    ws();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  let needValue = true;
  for (;;) {
    ws();
    if (needValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          needValue = false;
        } else if (c === '{' && !key()) return Math.min(i, n);
        continue;
      }
      if (!scalar()) return Math.min(i, n);
      needValue = false;
      continue;
    }
    if (stack.length === 0) return i < n ? i : -1;
    const top = stack[stack.length - 1];
    if (text[i] === ',') {
      i++;
      if (top === '{' && !key()) return Math.min(i, n);
      needValue = true;
    } else if (text[i] === (top === '{' ? '}' : ']')) {
      stack.pop();
      i++;
    } else return Math.min(i, n);
  }
}
