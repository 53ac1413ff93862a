// Engage's element templates, taken at build time from the bpmn module (the single source the
// journeys and the engine's workers share), and made friendlier for marketers at run time: the
// message template field becomes a picker of the engine's message templates when that API exists.

const modules = import.meta.glob('../../../bpmn/src/main/resources/io/engage/bpmn/element-templates/*.json', {
  eager: true, import: 'default',
});

/** Every Engage element template (the index file excluded), sorted by id. */
export function engageTemplates() {
  return Object.entries(modules)
    .filter(([path, value]) => !path.endsWith('/index.json') && value && !Array.isArray(value) && value.id)
    .map(([, value]) => value)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A copy of the templates with the send-message template field as a dropdown of the message
 * templates the engine knows (key and name, optionally per channel); unchanged without any.
 */
export function withTemplatePicker(templates, messageTemplates) {
  const choices = (messageTemplates || [])
    .filter((m) => m && m.key)
    .map((m) => {
      const label = m.name || m.description;
      return { name: label ? `${m.key} · ${label.length > 40 ? `${label.slice(0, 39)}…` : label}` : m.key, value: m.key };
    });
  if (!choices.length) return templates;
  return templates.map((tpl) => ({
    ...tpl,
    properties: (tpl.properties || []).map((p) => (p.binding?.type === 'zeebe:taskHeader' && p.binding.key === 'template' && p.type === 'String'
      ? {
        ...p, type: 'Dropdown', choices: uniqueBy(choices, 'value'), value: p.value ?? choices[0].value,
        constraints: { notEmpty: true },
      }
      : p)),
  }));
}

function uniqueBy(list, field) {
  const seen = new Set();
  return list.filter((x) => (seen.has(x[field]) ? false : seen.add(x[field])));
}
