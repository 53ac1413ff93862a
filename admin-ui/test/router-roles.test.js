import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../src/router.js';
import { canEditRuleSet, canOpen, canSeePersonalData, homePage, menuFor } from '../src/roles.js';
import { maskEmail, maskName, maskPhone, maskProfile } from '../src/pii.js';

const user = (...roles) => ({ username: 'u', roles });

describe('routes', () => {
  it('parses page, params and query', () => {
    expect(parseRoute('#/rules/points?edit=3')).toEqual({ page: 'rules', params: ['points'], query: { edit: '3' } });
    expect(parseRoute('')).toEqual({ page: '', params: [], query: {} });
    expect(parseRoute('#/customers/c%2F1')).toEqual({ page: 'customers', params: ['c/1'], query: {} });
  });

  it('builds hrefs that parse back', () => {
    const href = routeHref('journeys', ['onboarding', 'edit'], { v: 2, empty: '' });
    expect(href).toBe('#/journeys/onboarding/edit?v=2');
    expect(parseRoute(href)).toEqual({ page: 'journeys', params: ['onboarding', 'edit'], query: { v: '2' } });
  });
});

describe('role-based menus', () => {
  it('offers each role only its pages', () => {
    expect(menuFor(user('MARKETER')).map((p) => p.id)).toEqual(['customers', 'dashboards', 'journeys', 'templates', 'segments', 'outbox']);
    expect(menuFor(user('SERVICE_MANAGER')).map((p) => p.id)).toEqual(['customers', 'dashboards', 'escalation', 'complaints']);
    expect(menuFor(user('BUSINESS')).map((p) => p.id)).toEqual(['customers', 'dashboards', 'rules']);
    expect(menuFor(user('AGENT')).map((p) => p.id)).toEqual(['customers', 'complaints']);
    expect(menuFor(user('VIEWER')).map((p) => p.id)).toEqual(['customers', 'dashboards', 'rules', 'escalation']);
    expect(menuFor(user('ADMIN'))).toHaveLength(9);
    expect(menuFor(null)).toEqual([]);
  });

  it('refuses pages outside the menu and accepts ROLE_ prefixes', () => {
    expect(canOpen(user('BUSINESS'), 'journeys')).toBe(false);
    expect(canOpen(user('ROLE_MARKETER'), 'journeys')).toBe(true);
    expect(canOpen(user('ADMIN'), 'nope')).toBe(false);
  });

  it('lands each user on their main job', () => {
    expect(homePage(user('MARKETER'))).toBe('journeys');
    expect(homePage(user('BUSINESS'))).toBe('rules');
    expect(homePage(user('SERVICE_MANAGER'))).toBe('escalation');
    expect(homePage(user('AGENT'))).toBe('customers');
  });

  it('lets business staff edit the reward sets and service managers escalation', () => {
    expect(canEditRuleSet(user('BUSINESS'), 'points')).toBe(true);
    expect(canEditRuleSet(user('BUSINESS'), 'escalation')).toBe(false);
    expect(canEditRuleSet(user('SERVICE_MANAGER'), 'escalation')).toBe(true);
    expect(canEditRuleSet(user('SERVICE_MANAGER'), 'tiers')).toBe(false);
    expect(canEditRuleSet(user('ADMIN'), 'tiers')).toBe(true);
    expect(canEditRuleSet(user('VIEWER'), 'points')).toBe(false);
    expect(canEditRuleSet(user('VIEWER'), 'escalation')).toBe(false);
  });
});

describe('personal data', () => {
  it('is visible to the people who talk to customers only', () => {
    expect(canSeePersonalData(user('AGENT'))).toBe(true);
    expect(canSeePersonalData(user('SERVICE_MANAGER'))).toBe(true);
    expect(canSeePersonalData(user('MARKETER'))).toBe(false);
    expect(canSeePersonalData(user('BUSINESS'))).toBe(false);
    expect(canSeePersonalData(user('VIEWER'))).toBe(false);
  });

  it('is masked recognisably', () => {
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('Ana Lima')).toBe('A*** L***');
    const masked = maskProfile({ id: 'c-1', name: '刘明', email: 'a@b.cn', phone: '13800001111', address: '北京市', birthday: '1990-05-01', tier: 'GOLD' });
    expect(masked).toEqual({ id: 'c-1', name: '刘*', email: 'a***@b.cn', phone: '138****1111', address: '***', birthday: '****-05-01', tier: 'GOLD' });
  });
});
