import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_LOCALE, STORAGE_KEY, dictionaries, getLocale, initLocale, loadLocale, normalizeLocale, setLocale, t,
  translate, translateEnum,
} from '../src/i18n.js';

function memoryStorage(initial = {}) {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => { data[k] = String(v); },
  };
}

describe('translate', () => {
  it('looks keys up in the chosen locale', () => {
    expect(translate('zh-CN', 'app.title')).toBe('Engage 客户运营');
    expect(translate('en', 'login.failed')).toBe('Wrong username or password');
    expect(translate('zh-CN', 'login.failed')).toBe('用户名或密码错误');
    expect(translate('zh-CN', 'panel.outbox')).toBe('本地消息箱');
    expect(translate('en', 'panel.outbox')).toBe('Local outbox');
  });

  it('falls back to zh-CN, then to the key itself', () => {
    dictionaries['zh-CN']['test.onlyZh'] = '仅中文';
    try {
      expect(translate('en', 'test.onlyZh')).toBe('仅中文');
    } finally {
      delete dictionaries['zh-CN']['test.onlyZh'];
    }
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(translate('zh-CN', 'no.such.key')).toBe('no.such.key');
  });

  it('maps unsupported and regional locales', () => {
    expect(normalizeLocale('en-US')).toBe('en');
    expect(normalizeLocale('en_GB')).toBe('en');
    expect(normalizeLocale('zh')).toBe('zh-CN');
    expect(normalizeLocale('fr-FR')).toBe(DEFAULT_LOCALE);
    expect(normalizeLocale(undefined)).toBe(DEFAULT_LOCALE);
    expect(translate('en-US', 'search.submit')).toBe('Search');
    expect(translate('de', 'search.submit')).toBe('搜索');
  });

  it('replaces placeholders', () => {
    dictionaries.en['test.hello'] = 'Hello {name}, {missing}';
    try {
      expect(translate('en', 'test.hello', { name: 'Ana' })).toBe('Hello Ana, {missing}');
    } finally {
      delete dictionaries.en['test.hello'];
    }
  });

  it('translates enum values and keeps unknown ones raw', () => {
    expect(translateEnum('zh-CN', 'status', 'SENT')).toBe('已发送');
    expect(translateEnum('en', 'status', 'SUPPRESSED')).toBe('Suppressed');
    expect(translateEnum('en', 'status', 'BOUNCED')).toBe('BOUNCED');
    expect(translateEnum('en', 'status', undefined)).toBe('');
  });

  it('has the same keys in both dictionaries', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries['zh-CN']).sort());
  });
});

describe('locale choice', () => {
  afterEach(() => setLocale(DEFAULT_LOCALE, memoryStorage()));

  it('defaults to zh-CN', () => {
    expect(loadLocale(memoryStorage())).toBe('zh-CN');
    expect(initLocale(memoryStorage())).toBe('zh-CN');
    expect(t('search.submit')).toBe('搜索');
  });

  it('is remembered in storage', () => {
    const storage = memoryStorage();
    setLocale('en', storage);
    expect(storage.data[STORAGE_KEY]).toBe('en');
    expect(getLocale()).toBe('en');
    expect(t('search.submit')).toBe('Search');
    expect(initLocale(storage)).toBe('en');
  });

  it('ignores garbage and failing storage', () => {
    expect(loadLocale(memoryStorage({ [STORAGE_KEY]: 'xx' }))).toBe('zh-CN');
    const broken = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
    expect(loadLocale(broken)).toBe('zh-CN');
    expect(() => setLocale('en', broken)).not.toThrow();
    expect(getLocale()).toBe('en');
  });
});
