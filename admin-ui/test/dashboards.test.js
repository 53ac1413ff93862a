import { describe, expect, it } from 'vitest';
import {
  bucketLabel, isoDay, journeyConversion, messagesByChannel, pointsSeries,
} from '../src/dashboards.js';

describe('dashboards API data for the charts', () => {
  const flow = {
    from: '2019-03-01', to: '2019-04-30', bucket: 'month', zone: 'Asia/Shanghai',
    points: [
      { date: '2019-03-01', issued: 162, redeemed: 30, expired: 20, reversed: 10 },
      { date: '2019-04-01', issued: 9, redeemed: 0, expired: 0, reversed: 0 },
    ],
  };

  it('maps points flows to one series per flow with labels in the locale', () => {
    expect(pointsSeries(flow, 'en')).toEqual({
      labels: ['Mar 2019', 'Apr 2019'],
      series: [
        { key: 'issued', data: [162, 9] }, { key: 'redeemed', data: [30, 0] },
        { key: 'expired', data: [20, 0] }, { key: 'reversed', data: [10, 0] },
      ],
      empty: false,
    });
    expect(pointsSeries(flow, 'zh-CN').labels).toEqual(['2019年3月', '2019年4月']);
    expect(pointsSeries({ bucket: 'day', points: [{ date: '2019-03-04', issued: 0, redeemed: 0, expired: 0, reversed: 0 }] }, 'en').empty)
      .toBe(true);
  });

  it('labels days by calendar date, whatever the browser time zone', () => {
    expect(bucketLabel('2019-03-04', 'day', 'en')).toBe('03/04');
    expect(bucketLabel('2019-03-04', 'week', 'zh-CN')).toBe('03/04');
    expect(bucketLabel('2019-03-04', 'day', 'de')).toBe('04.03.');
    expect(bucketLabel('garbage', 'day', 'en')).toBe('garbage');
  });

  it('stacks message statuses per channel, counting missing pairs as zero', () => {
    expect(messagesByChannel({
      total: 5,
      counts: [
        { channel: 'SMS', status: 'SENT', messages: 1 },
        { channel: 'EMAIL', status: 'FAILED', messages: 1 },
        { channel: 'EMAIL', status: 'SENT', messages: 3 },
      ],
    })).toEqual({
      channels: ['EMAIL', 'SMS'],
      series: [{ status: 'FAILED', data: [1, 0] }, { status: 'SENT', data: [3, 1] }],
      total: 5,
    });
    expect(messagesByChannel(null)).toEqual({ channels: [], series: [], total: 0 });
  });

  it('gives one category per journey version with the conversion rate in percent', () => {
    expect(journeyConversion({
      journeys: [
        { journey: 'win-back', version: 1, entered: 4, exited: 4, converted: 1, conversionRate: 0.25 },
        { journey: 'onboarding', version: 2, entered: 2, exited: 1, converted: 0, conversionRate: 0 },
        { journey: 'onboarding', version: 1, entered: 3, exited: 2, converted: 2, conversionRate: 0.6666666666666666 },
      ],
    })).toEqual({
      labels: ['onboarding v1', 'onboarding v2', 'win-back v1'],
      entered: [3, 2, 4], exited: [2, 1, 4], converted: [2, 0, 1], rates: [66.7, 0, 25],
    });
  });

  it('writes a local date as the API wants it', () => {
    expect(isoDay(new Date(2019, 2, 4, 23, 59))).toBe('2019-03-04');
  });
});
