import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/format.js';
import { customer360ForDisplay, profileForDisplay } from '../src/masking.js';
import { profileRows } from '../src/rows.js';

// As the engine's server-side masking sends a 360 view to a role that may not see personal data.
const SERVER_MASKED = {
  profile: {
    id: 'c-1', name: '张*', email: '***@example.com', phone: '138****5678', address: '北京市朝阳区***',
    birthday: '****-05-01', tier: 'GOLD',
  },
  messages: [{ channel: 'EMAIL', recipient: '***@example.com' }, { channel: 'SMS', recipient: '13800005678' }],
  complaints: [{ complaintId: 'k1', description: '订单***未送达' }, { complaintId: 'k2', description: 'my parcel is late' }],
};

describe('personal data already masked by the engine', () => {
  it('is shown exactly as sent, while values sent in clear are still masked', () => {
    const shown = customer360ForDisplay(SERVER_MASKED, false);
    expect(shown.profile).toEqual(SERVER_MASKED.profile);
    expect(shown.messages.map((m) => m.recipient)).toEqual(['***@example.com', '138****5678']);
    expect(shown.complaints.map((c) => c.description)).toEqual(['订单***未送达', '***']);
  });

  it('masks a clear profile as before and leaves it alone for roles that may see it', () => {
    const clear = { id: 'c-2', name: 'Ana Lima', email: 'ana@example.com', phone: '13812345678', address: 'Rua 1', birthday: '1990-05-01' };
    expect(profileForDisplay(clear, false)).toEqual({
      id: 'c-2', name: 'A*** L***', email: 'a***@example.com', phone: '138****5678', address: '***', birthday: '****-05-01',
    });
    expect(profileForDisplay(clear, true)).toBe(clear);
    expect(customer360ForDisplay(SERVER_MASKED, true)).toBe(SERVER_MASKED);
    expect(customer360ForDisplay(null, false)).toBeNull();
    expect(profileForDisplay({ id: 'c-3', email: 'z***@example.com' }, false)).toEqual({ id: 'c-3', email: 'z***@example.com' });
  });

  it('shows a birthday with a masked year as day and month in the locale, other masks as sent', () => {
    expect(formatDate('****-05-01', 'zh-CN')).toBe('5月1日');
    expect(formatDate('****-05-01', 'en')).toBe('May 1');
    expect(formatDate('****-02-29', 'en')).toBe('February 29');
    expect(formatDate('1990-**-**', 'en')).toBe('1990-**-**');
    const rows = profileRows(customer360ForDisplay(SERVER_MASKED, false).profile, 'en');
    expect(Object.fromEntries(rows.map((r) => [r.field, r.value]))).toMatchObject({
      name: '张*', email: '***@example.com', phone: '138****5678', birthday: 'May 1',
    });
  });
});
