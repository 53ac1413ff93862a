// Message templates (Liquid), per locale and channel: list, edit, create, preview for a real
// customer. Built on /api/templates (engine-messaging).

import * as api from '../api.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { formatDateTime } from '../format.js';
import { getLocale, t } from '../i18n.js';
import { busy, statusLine } from '../views/common.js';
import { lineRange, lineText, templateErrors } from '../template-errors.js';

const CHANNELS = ['ANY', 'EMAIL', 'SMS', 'PUSH', 'WECHAT'];

export function mount(container, { route, navigate, onUnauthorized }) {
  const status = statusLine();
  const listBox = el('div', {}, loadingNote());
  const editBox = el('div');
  replaceContent(container, el('h2', {}, t('templates.title'), ' ',
    el('button', { type: 'button', dataset: { testid: 'template-new' }, onclick: () => edit(null) }, `+ ${t('templates.new')}`)),
  status.element, panel('template-list', 'templates.title', listBox), editBox);

  async function load() {
    try {
      const list = await api.templates.list();
      if (list == null) {
        replaceContent(listBox, el('p', { className: 'empty' }, t('common.notAvailable')));
        return;
      }
      const locale = getLocale();
      replaceContent(listBox, table([
        { key: 'key', label: 'templates.key' }, { key: 'description', label: 'templates.description' },
        { key: 'locales', label: 'field.locale' }, { key: 'channels', label: 'templates.channel' },
        { key: 'version', label: 'common.version' }, { key: 'updatedAt', label: 'field.updatedAt' },
      ], list.map((x) => ({
        key: x.key, description: x.description ?? '', locales: (x.locales || []).join(', '),
        channels: (x.channels || []).join(', '), version: `v${x.version}`, updatedAt: formatDateTime(x.updatedAt, locale),
      })), { testid: 'template-table', rowTestid: 'template-row', onRowClick: (row) => navigate('templates', [row.key]) }));
    } catch (error) {
      if (!(await onUnauthorized(error))) replaceContent(listBox, errorBox(error));
    }
  }

  async function edit(key) {
    let template = { key: '', description: '', fallbackLocale: 'zh-CN', version: null, variants: [{ locale: 'zh-CN', channel: 'ANY', subject: '', text: '' }] };
    if (key) {
      try {
        template = await api.templates.get(key);
      } catch (error) {
        replaceContent(editBox, errorBox(error));
        return;
      }
    }
    const keyInput = el('input', { type: 'text', value: template.key, disabled: Boolean(key), dataset: { testid: 'template-key' } });
    const description = el('input', { type: 'text', value: template.description ?? '', dataset: { testid: 'template-description' } });
    const fallback = el('input', { type: 'text', value: template.fallbackLocale ?? 'zh-CN', className: 'narrow' });
    const variants = (template.variants || []).map((v) => ({ ...v }));
    const variantsBox = el('div');
    // The Liquid errors of the last save, shown under the part at fault with the line quoted.
    let errors = { parts: [], other: [] };
    const otherErrors = el('ul', { className: 'field-errors' });
    const drawVariants = () => replaceContent(variantsBox, variants.map((v, i) => {
      const field = (name, multi) => {
        const node = el(multi ? 'textarea' : 'input', { value: v[name] ?? '', rows: multi ? 5 : undefined, dataset: { testid: `variant-${name}`, index: String(i) } });
        if (multi) node.value = v[name] ?? '';
        node.addEventListener('input', () => { v[name] = node.value; });
        const mine = errors.parts.filter((e) => e.index === i && e.part === name);
        if (!mine.length) return node;
        node.classList.add('has-error');
        node.setAttribute('aria-invalid', 'true');
        return [node, el('ul', { className: 'field-errors' }, mine.map((e) => el('li', {
          className: 'error', dataset: { testid: 'template-error', index: String(i), part: name, line: e.line == null ? null : String(e.line) },
        }, e.line == null ? e.reason : t('templates.errorAt', { line: e.line, column: e.column ?? '?', reason: e.reason }),
        e.line == null ? null : el('code', { className: 'error-line' }, lineText(v[name], e.line)))))];
      };
      const channel = el('select', { onchange: (e) => { v.channel = e.target.value; } },
        CHANNELS.map((c) => el('option', { value: c, selected: (v.channel || 'ANY') === c }, c)));
      return el('fieldset', { className: 'variant' },
        el('legend', {}, `${v.locale} · ${v.channel || 'ANY'}`),
        el('div', { className: 'toolbar' }, el('label', {}, t('field.locale'), ' ', field('locale')), el('label', {}, t('templates.channel'), ' ', channel),
          el('button', { type: 'button', className: 'link', onclick: () => { variants.splice(i, 1); drawVariants(); } }, '×')),
        el('label', {}, t('templates.subject')), field('subject'),
        el('label', {}, t('templates.body')), field('text', true),
        el('label', {}, t('templates.html')), field('html', true));
    }));
    drawVariants();
    function showErrors(found) {
      errors = found;
      drawVariants();
      replaceContent(otherErrors, found.other.map((e) => el('li', { className: 'error', dataset: { testid: 'template-error' } },
        `${e.field}: ${e.reason}`)));
      // Put the cursor on the first line at fault.
      const first = found.parts.find((e) => e.line != null);
      const node = first && variantsBox.querySelector(`[data-testid="variant-${first.part}"][data-index="${first.index}"]`);
      if (node?.setSelectionRange) {
        const range = lineRange(node.value, first.line);
        node.focus();
        node.setSelectionRange(range.start, range.end);
      }
    }
    const previewCustomer = el('input', { type: 'text', placeholder: 'c-000001', dataset: { testid: 'template-preview-customer' } });
    const previewBox = el('div', { dataset: { testid: 'template-preview' } });
    const save = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'template-save' },
      onclick: () => busy(save, status, async () => {
        const body = { description: description.value, fallbackLocale: fallback.value.trim(), variants };
        try {
          const saved = key
            ? await api.templates.update(key, { ...body, version: template.version })
            : await api.templates.create({ ...body, key: keyInput.value.trim() });
          showErrors({ parts: [], other: [] });
          status.ok(`${t('common.saved')}: ${saved.key} v${saved.version}`);
          template = saved;
          if (!key) keyInput.disabled = true;
          key = saved.key;
          load();
        } catch (error) {
          if (error.status === 422) showErrors(templateErrors(error.errors));
          throw error;
        }
      }),
    }, t('templates.save'));
    const preview = el('button', {
      type: 'button', dataset: { testid: 'template-preview-run' },
      onclick: () => busy(preview, status, async () => {
        const p = await api.templates.preview(key || keyInput.value.trim(), { customerId: previewCustomer.value.trim() });
        replaceContent(previewBox, el('div', { className: 'preview' },
          el('p', { className: 'muted' }, `${p.template} v${p.version} · ${p.locale} · ${p.channel}`),
          p.subject ? el('h4', {}, p.subject) : null, el('pre', { dataset: { testid: 'template-preview-text' } }, p.text ?? '')));
      }),
    }, t('templates.preview'));
    replaceContent(editBox, panel('template-editor', key ? 'templates.title' : 'templates.new',
      el('div', { className: 'toolbar' }, el('label', {}, t('templates.key'), ' ', keyInput),
        el('label', {}, t('templates.description'), ' ', description), el('label', {}, t('field.locale'), ' ', fallback)),
      variantsBox, otherErrors,
      el('button', { type: 'button', dataset: { testid: 'template-variant-add' }, onclick: () => { variants.push({ locale: 'en', channel: 'ANY', subject: '', text: '' }); drawVariants(); } }, '+'),
      el('div', { className: 'toolbar' }, save, previewCustomer, preview), previewBox));
  }

  load();
  if (route.params[0]) edit(route.params[0]);
  return null;
}
