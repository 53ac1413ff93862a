import { describe, expect, it } from 'vitest';
import {
  consentRows, customerColumns, customerRows, journeyRows, journeySteps, ledgerColumns, ledgerRows, messageRows,
  normalizeJourneys, orderRows, pointsBalance, profileRows, sinkRows, tierRows,
} from '../src/rows.js';

const UTC = { timeZone: 'UTC' };

const points = {
  balance: 1360,
  ledger: [
    {
      id: 'p-1', kind: 'EARN', points: 240, sourceEventId: 'evt-1', orderId: 'o-1', ruleSet: 'points', ruleSetVersion: '1',
      explanation: '+240: base 120, GOLD x1.5 +60, books +60', rulesFired: ['Base points', 'Gold bonus', 'Books bonus'],
      createdAt: '2024-05-01T08:30:05Z',
    },
    {
      id: 'p-2', kind: 'REDEEM', points: -100, ruleSet: 'points', explanation: 'coupon',
      createdAt: '2024-05-02T09:00:00Z',
    },
  ],
};

describe('ledgerRows', () => {
  it('keeps the explanation and formats points, newest first', () => {
    const rows = ledgerRows(points, 'en', UTC);
    expect(rows.map((r) => r.key)).toEqual(['p-2', 'p-1']);
    expect(rows[1]).toMatchObject({
      createdAt: '05/01/2024, 08:30:05',
      kind: 'Earn',
      points: '+240',
      pointsValue: 240,
      explanation: '+240: base 120, GOLD x1.5 +60, books +60',
      rulesFired: 'Base points, Gold bonus, Books bonus',
      ruleSet: 'points v1',
      orderId: 'o-1',
      sourceEvent: 'evt-1',
    });
    expect(rows[0]).toMatchObject({ kind: 'Redeem', points: '-100', pointsValue: -100, ruleSet: 'points', orderId: '', rulesFired: '' });
  });

  it('takes the event id from eventId or sourceEventId', () => {
    const rows = ledgerRows({ ledger: [{ kind: 'EARN', points: 1, eventId: 'evt-9', createdAt: '2024-05-01T00:00:00Z' }] }, 'en', UTC);
    expect(rows[0].sourceEvent).toBe('evt-9');
  });

  it('translates the kind in zh-CN', () => {
    expect(ledgerRows(points, 'zh-CN', UTC)[1]).toMatchObject({ kind: '获得', createdAt: '2024/05/01 08:30:05' });
  });

  it('has an explanation column', () => {
    expect(ledgerColumns.map((c) => c.key)).toContain('explanation');
    expect(ledgerColumns.find((c) => c.key === 'explanation').label).toBe('field.explanation');
  });

  it('copes with missing points', () => {
    expect(ledgerRows(undefined, 'en')).toEqual([]);
    expect(ledgerRows({ balance: 0 }, 'en')).toEqual([]);
    expect(pointsBalance(undefined, 'en')).toBe('0');
    expect(pointsBalance(points, 'zh-CN')).toBe('1,360');
  });
});

describe('journeys', () => {
  const journeys = [
    {
      processInstanceKey: 2251799813685251, journey: 'onboarding', version: 1, status: 'COMPLETED',
      startedAt: '2024-05-01T08:00:00Z', endedAt: '2024-05-03T08:00:00Z',
      steps: [
        { elementId: 'SendReminder', occurredAt: '2024-05-02T08:00:00Z' },
        { elementId: 'SendWelcome', occurredAt: '2024-05-01T08:00:01Z' },
      ],
    },
    {
      processInstanceKey: 2251799813685999, journey: 'winback', version: 3, status: 'ACTIVE',
      startedAt: '2024-06-01T08:00:00Z',
    },
  ];

  it('lists steps in the order they happened', () => {
    const steps = journeySteps(journeys[0], 'en', UTC);
    expect(steps.map((s) => s.elementId)).toEqual(['SendWelcome', 'SendReminder']);
    expect(steps[0]).toEqual({
      elementId: 'SendWelcome',
      occurredAt: '05/01/2024, 08:00:01',
      text: 'SendWelcome · 05/01/2024, 08:00:01',
    });
    expect(journeySteps({}, 'en')).toEqual([]);
  });

  it('builds journey rows, newest first, with status and steps', () => {
    const rows = journeyRows(journeys, 'zh-CN', UTC);
    expect(rows.map((r) => r.journey)).toEqual(['winback v3', 'onboarding v1']);
    expect(rows[0]).toMatchObject({ status: '进行中', statusCode: 'ACTIVE', endedAt: '', steps: [], key: '2251799813685999' });
    expect(rows[1]).toMatchObject({ status: '已完成', startedAt: '2024/05/01 08:00:00', endedAt: '2024/05/03 08:00:00' });
    expect(rows[1].steps.map((s) => s.elementId)).toEqual(['SendWelcome', 'SendReminder']);
  });

  it('groups flat step rows by process instance', () => {
    const flat = [
      { journey: 'onboarding', processInstanceKey: 7, step: 'SendReminder', status: 'COMPLETED', at: '2024-05-02T08:00:00Z' },
      { journey: 'onboarding', processInstanceKey: 7, step: 'SendWelcome', status: 'ACTIVE', at: '2024-05-01T08:00:00Z' },
      { journey: 'birthday', processInstanceKey: 9, step: 'SendGreeting', status: 'ACTIVE', at: '2024-06-01T08:00:00Z' },
    ];
    expect(normalizeJourneys(flat)).toEqual([
      {
        processInstanceKey: 7, journey: 'onboarding', version: undefined, status: 'COMPLETED',
        startedAt: '2024-05-01T08:00:00Z', endedAt: undefined,
        steps: [
          { elementId: 'SendReminder', occurredAt: '2024-05-02T08:00:00Z' },
          { elementId: 'SendWelcome', occurredAt: '2024-05-01T08:00:00Z' },
        ],
      },
      {
        processInstanceKey: 9, journey: 'birthday', version: undefined, status: 'ACTIVE',
        startedAt: '2024-06-01T08:00:00Z', endedAt: undefined,
        steps: [{ elementId: 'SendGreeting', occurredAt: '2024-06-01T08:00:00Z' }],
      },
    ]);
    const rows = journeyRows(flat, 'en', UTC);
    expect(rows.map((r) => r.journey)).toEqual(['birthday', 'onboarding']);
    expect(rows[1]).toMatchObject({ key: '7', status: 'Completed', startedAt: '05/01/2024, 08:00:00', endedAt: '' });
    expect(rows[1].steps.map((s) => s.elementId)).toEqual(['SendWelcome', 'SendReminder']);
  });
});

describe('other tables', () => {
  it('customer search rows', () => {
    expect(customerRows([{ id: 'c-000001', name: '王芳', email: 'wang@example.com', tier: 'GOLD', pointsBalance: 1234 }, { id: 'c-2' }], 'zh-CN'))
      .toEqual([
        { key: 'c-000001', id: 'c-000001', name: '王芳', email: 'wang@example.com', tier: 'GOLD', pointsBalance: '1,234' },
        { key: 'c-2', id: 'c-2', name: '', email: '', tier: '', pointsBalance: '' },
      ]);
    expect(customerRows(null)).toEqual([]);
  });

  it('shows the points column only when results carry a balance', () => {
    expect(customerColumns([{ id: 'c-1', pointsBalance: 0 }]).map((c) => c.key)).toEqual(['id', 'name', 'email', 'tier', 'pointsBalance']);
    expect(customerColumns([{ id: 'c-1' }]).map((c) => c.key)).toEqual(['id', 'name', 'email', 'tier']);
  });

  it('profile rows skip omitted fields and format dates', () => {
    const rows = profileRows({
      id: 'c-000001', name: '王芳', birthday: '1990-05-01', tier: 'GOLD', registeredAt: '2024-05-01T08:30:05Z',
    }, 'en', UTC);
    expect(rows.map((r) => r.field)).toEqual(['id', 'name', 'birthday', 'tier', 'registeredAt']);
    expect(rows.find((r) => r.field === 'birthday')).toMatchObject({ label: 'Birthday', value: 'May 1, 1990' });
    expect(rows.find((r) => r.field === 'registeredAt').value).toBe('05/01/2024, 08:30:05');
    expect(profileRows({ id: 'c-1' }, 'zh-CN')[0]).toMatchObject({ label: '编号', value: 'c-1' });
    expect(profileRows(undefined, 'en')).toEqual([]);
  });

  it('consent rows say yes/no in the locale', () => {
    const rows = consentRows([
      { customerId: 'c-1', channel: 'EMAIL', granted: true, source: 'signup', updatedAt: '2024-05-01T08:30:05Z' },
      { customerId: 'c-1', channel: 'SMS', granted: false },
    ], 'zh-CN', UTC);
    expect(rows[0]).toMatchObject({ channel: 'EMAIL', granted: '是', grantedFlag: true, updatedAt: '2024/05/01 08:30:05' });
    expect(rows[1]).toMatchObject({ channel: 'SMS', granted: '否', grantedFlag: false, source: '', updatedAt: '' });
  });

  it('tier rows, newest first, with the rule set version', () => {
    const rows = tierRows([
      { toTier: 'SILVER', reason: 'registered', changedAt: '2024-01-01T00:00:00Z' },
      { fromTier: 'SILVER', toTier: 'GOLD', reason: 'spend', ruleSet: 'tiers', ruleSetVersion: '2', sourceEventId: 'e-9', changedAt: '2024-05-01T00:00:00Z' },
    ], 'en', UTC);
    expect(rows[0]).toMatchObject({ fromTier: 'SILVER', toTier: 'GOLD', ruleSet: 'tiers v2', sourceEvent: 'e-9' });
    expect(rows[1]).toMatchObject({ fromTier: '—', toTier: 'SILVER', ruleSet: '' });
    expect(tierRows([{ fromTier: 'SILVER', toTier: 'GOLD', ruleSetVersion: '3', eventId: 'e-1' }], 'en')[0])
      .toMatchObject({ ruleSet: 'v3', sourceEvent: 'e-1' });
  });

  it('order rows format the amount in the locale', () => {
    const orders = [{ orderId: 'o-1', amount: 120.0, currency: 'CNY', channel: 'WEB', status: 'PAID', placedAt: '2024-05-01T08:30:05Z' }];
    expect(orderRows(orders, 'zh-CN', UTC)[0]).toMatchObject({ amount: '¥120.00', placedAt: '2024/05/01 08:30:05' });
    expect(orderRows(orders, 'en', UTC)[0]).toMatchObject({ amount: 'CN¥120.00', orderId: 'o-1', status: 'PAID' });
  });

  it('message rows carry status and reason', () => {
    const rows = messageRows([
      { channel: 'EMAIL', template: 'welcome', recipient: 'a@example.com', status: 'SENT', idempotencyKey: 'k1', createdAt: '2024-05-01T08:00:00Z', sentAt: '2024-05-01T08:00:02Z' },
      { channel: 'SMS', template: 'promo', status: 'SUPPRESSED', reason: 'no consent', idempotencyKey: 'k2', journey: 'winback', createdAt: '2024-05-02T08:00:00Z' },
    ], 'en', UTC);
    expect(rows.map((r) => r.key)).toEqual(['k2', 'k1']);
    expect(rows[0]).toMatchObject({ status: 'Suppressed', statusCode: 'SUPPRESSED', reason: 'no consent', journey: 'winback', sentAt: '' });
    expect(rows[1]).toMatchObject({ status: 'Sent', sentAt: '05/01/2024, 08:00:02' });
    expect(messageRows([{ status: 'FAILED', reason: 'smtp down' }], 'zh-CN')[0]).toMatchObject({ status: '失败', reason: 'smtp down' });
  });

  it('sink rows, newest first', () => {
    const rows = sinkRows([
      { recipient: 'a@example.com', subject: 'Hi', text: 'one', at: '2024-05-01T08:00:00Z' },
      { recipient: '+8613800000000', text: 'two', at: '2024-05-02T08:00:00Z' },
    ], 'zh-CN', UTC);
    expect(rows.map((r) => r.text)).toEqual(['two', 'one']);
    expect(rows[0]).toMatchObject({ subject: '', at: '2024/05/02 08:00:00' });
    expect(sinkRows(null, 'en')).toEqual([]);
  });
});

describe('engagement rows', () => {
  it('show lifecycle, RFM, tags and segments when the 360 carries them', async () => {
    const { engagementRows, stageRows } = await import('../src/rows.js');
    const rows = engagementRows({
      lifecycle: { stage: 'loyal', since: '2026-11-01T00:00:00Z' },
      rfm: { rScore: 5, fScore: 4, mScore: 3, segment: 'champions', monetary: '1200.50', clv: '3000' },
      tags: [{ tag: 'vip' }, { tag: 'nurture' }],
      segments: ['gold-ui'],
    }, 'en', { timeZone: 'UTC' });
    expect(rows.map((r) => [r.field, r.value])).toEqual([
      ['lifecycleStage', 'loyal · 11/01/2026, 00:00:00'], ['rfm', 'R5 F4 M3 · champions'], ['monetary', 'CN¥1,200.50'],
      ['clv', 'CN¥3,000.00'], ['tags', 'vip, nurture'], ['segments', 'gold-ui']]);
    expect(engagementRows({}, 'en')).toEqual([]);
    expect(stageRows([{ fromStage: null, toStage: 'new', changedAt: '2026-01-01T00:00:00Z' }], 'en', { timeZone: 'UTC' })[0].fromStage).toBe('—');
  });
});

describe('masked profiles', () => {
  it('show a masked birthday as day and month in the locale, never with an invented year', async () => {
    const { profileRows } = await import('../src/rows.js');
    const { maskProfile } = await import('../src/pii.js');
    const rows = profileRows(maskProfile({ id: 'c-1', birthday: '1990-08-08', phone: '+8613800000004' }), 'zh-CN');
    expect(rows.find((r) => r.field === 'birthday').value).toBe('8月8日');
    expect(rows.find((r) => r.field === 'phone').value).toBe('+86*******0004');
  });
});
