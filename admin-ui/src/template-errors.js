// The engine's 422 for a template (TemplateStore): fields such as "variants[0].text" with the line
// and column of a Liquid syntax error. Pure functions, unit tested.

const VARIANT_PART = /^variants\[(\d+)\]\.(subject|text|html)$/;

/**
 * Splits the errors into those on a variant's part ({index, part, line, column, reason}) and the
 * rest ({field, reason}), e.g. a missing fallback locale.
 */
export function templateErrors(errors) {
  const parts = [];
  const other = [];
  for (const e of errors || []) {
    const m = VARIANT_PART.exec(String(e.field ?? ''));
    if (m) {
      parts.push({
        index: Number(m[1]), part: m[2], reason: String(e.reason ?? ''),
        line: Number.isInteger(e.line) ? e.line : null, column: Number.isInteger(e.column) ? e.column : null,
      });
    } else {
      other.push({ field: String(e.field ?? ''), reason: String(e.reason ?? '') });
    }
  }
  return { parts, other };
}

/** Line {@code line} (1-based) of a text, '' beyond its end. */
export function lineText(text, line) {
  return String(text ?? '').split(/\r?\n/)[line - 1] ?? '';
}

/** Where line {@code line} (1-based) starts and ends in the text, for selecting it in a textarea. */
export function lineRange(text, line) {
  const lines = String(text ?? '').split('\n');
  const at = Math.min(Math.max(line, 1), lines.length) - 1;
  const start = lines.slice(0, at).reduce((n, l) => n + l.length + 1, 0);
  return { start, end: start + lines[at].replace(/\r$/, '').length };
}
