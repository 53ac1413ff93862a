import { el } from '../dom.js';
import { t } from '../i18n.js';

/**
 * Login form. onSubmit(username, password) resolves to an error message to show in place
 * (the typed username stays), or to nothing when the page moves on.
 */
export function renderLogin({ onSubmit }) {
  const username = el('input', {
    id: 'login-username', name: 'username', type: 'text', autocomplete: 'username', required: true,
    dataset: { testid: 'login-username' },
  });
  const password = el('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    dataset: { testid: 'login-password' },
  });
  const submit = el('button', { type: 'submit', id: 'login-submit', dataset: { testid: 'login-submit' } }, t('login.submit'));
  const message = el('div', { className: 'login-error', role: 'alert', dataset: { testid: 'login-error' }, hidden: true });

  const form = el('form', {
    id: 'login-form', className: 'login-form', dataset: { testid: 'login-form' },
    onsubmit: async (e) => {
      e.preventDefault();
      submit.disabled = true;
      message.hidden = true;
      try {
        const failure = await onSubmit(username.value, password.value);
        if (failure) {
          message.textContent = failure;
          message.hidden = false;
          password.value = '';
          password.focus();
        }
      } finally {
        submit.disabled = false;
      }
    },
  },
  el('h2', {}, t('login.title')),
  el('label', { for: 'login-username' }, t('login.username')), username,
  el('label', { for: 'login-password' }, t('login.password')), password,
  message,
  submit);

  queueMicrotask(() => username.focus());
  return el('main', { className: 'login-page' }, form);
}
