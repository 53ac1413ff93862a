// The rule audit's line diff ("- removed", "+ added") as typed lines for display.

/** Parses an audit entry's detail JSON; unknown or broken detail gives {}. */
export function auditDetail(entry) {
  if (!entry?.detail) return {};
  if (typeof entry.detail === 'object') return entry.detail;
  try {
    const parsed = JSON.parse(entry.detail);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

/** ["- a", "+ b", "  c"] → [{type: 'del', text: 'a'}, {type: 'add', text: 'b'}, {type: 'same', text: 'c'}]. */
export function diffLines(diff) {
  return (Array.isArray(diff) ? diff : []).map((line) => {
    const s = String(line);
    if (s.startsWith('+ ') || s === '+') return { type: 'add', text: s.slice(2) };
    if (s.startsWith('- ') || s === '-') return { type: 'del', text: s.slice(2) };
    return { type: 'same', text: s.startsWith('  ') ? s.slice(2) : s };
  });
}

/** Counts of added and removed lines: {added, removed}. */
export function diffStats(diff) {
  const lines = diffLines(diff);
  return { added: lines.filter((l) => l.type === 'add').length, removed: lines.filter((l) => l.type === 'del').length };
}
