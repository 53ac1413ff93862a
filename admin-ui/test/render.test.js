// @vitest-environment jsdom
// DOM rendering: data always ends up as text (escaped), never as markup.

import { afterEach, describe, expect, it } from 'vitest';
import { el, errorBox, table } from '../src/dom.js';
import { formatDateTime } from '../src/format.js';
import { DEFAULT_LOCALE, setLocale } from '../src/i18n.js';
import { pointsPanel, renderCustomer } from '../src/views/customer.js';
import { renderOutbox } from '../src/views/outbox.js';

const HOSTILE = '<img src=x onerror="alert(1)">&amp;<script>alert(2)</script>';

const memory = () => ({ getItem: () => null, setItem: () => {} });

function cells(row) {
  return Object.fromEntries([...row.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent]));
}

function expectNoMarkup(node) {
  expect(node.querySelector('img, script, [onerror]')).toBeNull();
}

afterEach(() => setLocale(DEFAULT_LOCALE, memory()));

describe('escaping', () => {
  it('el() puts strings in as text, in children and attributes', () => {
    const node = el('p', { title: HOSTILE, dataset: { x: HOSTILE } }, HOSTILE, ' ', 42);
    expect(node.textContent).toBe(`${HOSTILE} 42`);
    expect(node.getAttribute('title')).toBe(HOSTILE);
    expect(node.dataset.x).toBe(HOSTILE);
    expectNoMarkup(node);
    expect(node.innerHTML).toMatch(/^&lt;img src=x onerror="alert\(1\)"&gt;&amp;amp;&lt;script&gt;alert\(2\)&lt;\/script&gt; 42$/);
  });

  it('table cells are text', () => {
    const node = table([{ key: 'a', label: HOSTILE }], [{ key: '1', a: HOSTILE }]);
    expect(node.querySelector('th').textContent).toBe(HOSTILE);
    expect(node.querySelector('td').textContent).toBe(HOSTILE);
    expectNoMarkup(node);
  });

  it('problem details are shown as text', () => {
    const node = errorBox({ title: HOSTILE, detail: HOSTILE, errors: [{ field: HOSTILE, reason: 'x' }] });
    expect(node.querySelector('strong').textContent).toBe(HOSTILE);
    expect(node.querySelector('.error-detail').textContent).toBe(` ${HOSTILE}`);
    expect(node.querySelector('li').textContent).toBe(`${HOSTILE}: x`);
    expectNoMarkup(node);
  });

  it('a hostile customer and outbox render as text', () => {
    const view = renderCustomer({
      data: {
        profile: { id: 'c-1', name: HOSTILE, email: HOSTILE },
        points: { balance: 1, ledger: [{ kind: 'EARN', points: 1, explanation: HOSTILE, createdAt: '2024-05-01T08:30:05Z' }] },
        messages: [{ channel: 'EMAIL', template: HOSTILE, status: 'FAILED', reason: HOSTILE }],
        journeys: [{ journey: HOSTILE, processInstanceKey: 1, step: HOSTILE, status: 'ACTIVE', at: '2024-05-01T08:30:05Z' }],
      },
    });
    expect(view.querySelector('[data-testid="customer-name"]').textContent).toContain(HOSTILE);
    expect(view.querySelector('[data-testid="ledger-row"] td[data-col="explanation"]').textContent).toBe(HOSTILE);
    expect(view.querySelector('[data-testid="journey-steps"] code').textContent).toBe(HOSTILE);
    expectNoMarkup(view);

    const outbox = renderOutbox({ email: [{ recipient: HOSTILE, subject: HOSTILE, text: HOSTILE, at: null }], sms: null });
    expect(outbox.querySelector('[data-testid="outbox-email-row"] td[data-col="text"]').textContent).toBe(HOSTILE);
    expectNoMarkup(outbox);
  });
});

describe('points ledger rendering', () => {
  const points = {
    balance: 1234,
    ledger: [
      {
        points: 240, kind: 'EARN', explanation: '+240: base 120, GOLD x1.5 +60, books +60', ruleSet: 'points',
        ruleSetVersion: '1', eventId: 'evt-1', orderId: 'o-1', createdAt: '2024-05-01T08:30:05Z',
      },
      { points: -100, kind: 'REDEEM', explanation: '兑换优惠券', ruleSet: 'points', createdAt: '2024-05-02T09:00:00Z' },
    ],
  };

  it('shows the balance and one row per entry with the explanation, newest first (zh-CN)', () => {
    const node = pointsPanel(points, 'zh-CN');
    expect(node.dataset.testid).toBe('panel-points');
    expect(node.querySelector('.panel-title').textContent).toBe('积分');
    expect(node.querySelector('[data-testid="points-balance"]').textContent).toBe('1,234');
    expect([...node.querySelectorAll('th')].map((th) => th.textContent)).toContain('计算说明');

    const rows = [...node.querySelectorAll('[data-testid="ledger-row"]')];
    expect(rows).toHaveLength(2);
    expect(cells(rows[0])).toMatchObject({ kind: '兑换', points: '-100', explanation: '兑换优惠券', ruleSet: 'points' });
    expect(cells(rows[1])).toEqual({
      createdAt: formatDateTime('2024-05-01T08:30:05Z', 'zh-CN'),
      kind: '获得',
      points: '+240',
      explanation: '+240: base 120, GOLD x1.5 +60, books +60',
      rulesFired: '',
      ruleSet: 'points v1',
      orderId: 'o-1',
      sourceEvent: 'evt-1',
    });
    expect(rows[1].querySelector('td[data-col="points"] span').className).toBe('pos');
    expect(rows[0].querySelector('td[data-col="points"] span').className).toBe('neg');
  });

  it('uses the English labels after switching', () => {
    setLocale('en', memory());
    const node = pointsPanel(points, 'en');
    expect(node.querySelector('.panel-title').textContent).toBe('Points');
    expect([...node.querySelectorAll('th')].map((th) => th.textContent)).toContain('Explanation');
    expect(cells(node.querySelector('[data-testid="ledger-row"]')).kind).toBe('Redeem');
  });

  it('says so when the ledger is empty', () => {
    const node = pointsPanel({ balance: 0, ledger: [] }, 'zh-CN');
    expect(node.querySelector('[data-testid="points-balance"]').textContent).toBe('0');
    expect(node.querySelector('[data-testid="ledger-row"]')).toBeNull();
    expect(node.querySelector('.empty').textContent).toBe('暂无数据');
  });
});

describe('BPMN elements for migrations', () => {
  it('mark the elements that hold subscriptions, event sub-process starts included', async () => {
    const { bpmnElements } = await import('../src/journeys/model.js');
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">
      <bpmn:startEvent id="Start"/><bpmn:serviceTask id="Send"/><bpmn:intermediateCatchEvent id="Wait"/>
      <bpmn:subProcess id="Exit" triggeredByEvent="true"><bpmn:startEvent id="Ordered"/><bpmn:endEvent id="Done"/></bpmn:subProcess>
      <bpmn:sequenceFlow id="Flow" sourceRef="Start" targetRef="Send"/></bpmn:process></bpmn:definitions>`;
    expect(bpmnElements(xml)).toEqual([
      { id: 'Start', type: 'startEvent', subscribes: false }, { id: 'Send', type: 'serviceTask', subscribes: false },
      { id: 'Wait', type: 'intermediateCatchEvent', subscribes: true }, { id: 'Exit', type: 'subProcess', subscribes: false },
      { id: 'Ordered', type: 'startEvent', subscribes: true }, { id: 'Done', type: 'endEvent', subscribes: false }]);
  });
});
