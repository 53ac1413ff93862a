// The local outbox: what the embedded email and SMS sinks captured (demo and tests).

import * as api from '../api.js';
import { replaceContent } from '../dom.js';
import { renderOutbox } from '../views/outbox.js';

export function mount(container, { onUnauthorized }) {
  let state = { loading: true, error: null, email: null, sms: null };
  let alive = true;
  const draw = () => replaceContent(container, renderOutbox({ ...state, onRefresh: load }));
  async function load() {
    state = { ...state, loading: true, error: null };
    draw();
    try {
      const [email, sms] = await Promise.all([api.getSink('email'), api.getSink('sms')]);
      state = { loading: false, error: null, email, sms };
    } catch (error) {
      if (await onUnauthorized(error)) return;
      state = { loading: false, error, email: null, sms: null };
    }
    if (alive) draw();
  }
  load();
  return { unmount() { alive = false; } };
}
