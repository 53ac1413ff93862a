// Small i18n dictionary: zh-CN is the default and the fallback; English is the alternative.

export const DEFAULT_LOCALE = 'zh-CN';
export const LOCALES = ['zh-CN', 'en'];
export const STORAGE_KEY = 'engage.locale';

import { en as workbenchEn, zhCN as workbenchZh } from './messages/workbench.js';

const messages = {
  'zh-CN': {
    'app.title': 'Engage 客户运营',
    'header.roles': '角色',
    'header.logout': '退出登录',
    'header.language': '语言',
    'login.title': '登录',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.failed': '用户名或密码错误',
    'common.loading': '加载中…',
    'common.empty': '暂无数据',
    'common.error': '出错了',
    'common.refresh': '刷新',
    'common.yes': '是',
    'common.no': '否',
    'search.title': '客户查询',
    'search.placeholder': '客户编号前缀或完整邮箱',
    'search.submit': '搜索',
    'search.noResults': '没有找到客户',
    'search.hint': '点击客户查看 360 视图',
    'customer.none': '请选择一个客户',
    'panel.profile': '基本资料',
    'panel.consents': '授权同意',
    'panel.tierHistory': '等级变更',
    'panel.points': '积分',
    'panel.orders': '订单',
    'panel.journeys': '旅程',
    'panel.messages': '消息',
    'panel.outbox': '本地消息箱',
    'points.balance': '当前积分',
    'outbox.email': '邮件',
    'outbox.sms': '短信',
    'outbox.unavailable': '当前未使用内置消息箱',
    'field.id': '编号',
    'field.name': '姓名',
    'field.email': '邮箱',
    'field.phone': '电话',
    'field.address': '地址',
    'field.birthday': '生日',
    'field.timeZone': '时区',
    'field.locale': '语言区域',
    'field.preferredChannel': '首选渠道',
    'field.tier': '等级',
    'field.referralCode': '推荐码',
    'field.referredBy': '推荐人',
    'field.registeredAt': '注册时间',
    'field.createdAt': '创建时间',
    'field.updatedAt': '更新时间',
    'field.channel': '渠道',
    'field.granted': '已同意',
    'field.source': '来源',
    'field.fromTier': '原等级',
    'field.toTier': '新等级',
    'field.reason': '原因',
    'field.ruleSet': '规则集',
    'field.sourceEvent': '来源事件',
    'field.changedAt': '变更时间',
    'field.kind': '类型',
    'field.points': '积分',
    'field.pointsBalance': '积分余额',
    'field.orderId': '订单号',
    'field.explanation': '计算说明',
    'field.rulesFired': '触发规则',
    'field.amount': '金额',
    'field.status': '状态',
    'field.placedAt': '下单时间',
    'field.journey': '旅程',
    'field.startedAt': '开始时间',
    'field.endedAt': '结束时间',
    'field.steps': '步骤',
    'field.template': '模板',
    'field.category': '类别',
    'field.recipient': '收件人',
    'field.subject': '主题',
    'field.sentAt': '发送时间',
    'field.text': '内容',
    'field.at': '时间',
    'status.ACTIVE': '进行中',
    'status.COMPLETED': '已完成',
    'status.SENT': '已发送',
    'status.SUPPRESSED': '已抑制',
    'status.FAILED': '失败',
    'status.QUEUED': '排队中',
    'kind.EARN': '获得',
    'kind.REDEEM': '兑换',
    'kind.EXPIRE': '过期',
    'kind.ADJUST': '调整',
  },
  en: {
    'app.title': 'Engage Customer Operations',
    'header.roles': 'Roles',
    'header.logout': 'Log out',
    'header.language': 'Language',
    'login.title': 'Sign in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.failed': 'Wrong username or password',
    'common.loading': 'Loading…',
    'common.empty': 'Nothing here yet',
    'common.error': 'Something went wrong',
    'common.refresh': 'Refresh',
    'common.yes': 'Yes',
    'common.no': 'No',
    'search.title': 'Customers',
    'search.placeholder': 'Customer id prefix or exact email',
    'search.submit': 'Search',
    'search.noResults': 'No customers found',
    'search.hint': 'Click a customer to open the 360 view',
    'customer.none': 'Select a customer',
    'panel.profile': 'Profile',
    'panel.consents': 'Consents',
    'panel.tierHistory': 'Tier history',
    'panel.points': 'Points',
    'panel.orders': 'Orders',
    'panel.journeys': 'Journeys',
    'panel.messages': 'Messages',
    'panel.outbox': 'Local outbox',
    'points.balance': 'Balance',
    'outbox.email': 'Email',
    'outbox.sms': 'SMS',
    'outbox.unavailable': 'The embedded outbox is not in use',
    'field.id': 'ID',
    'field.name': 'Name',
    'field.email': 'Email',
    'field.phone': 'Phone',
    'field.address': 'Address',
    'field.birthday': 'Birthday',
    'field.timeZone': 'Time zone',
    'field.locale': 'Locale',
    'field.preferredChannel': 'Preferred channel',
    'field.tier': 'Tier',
    'field.referralCode': 'Referral code',
    'field.referredBy': 'Referred by',
    'field.registeredAt': 'Registered',
    'field.createdAt': 'Created',
    'field.updatedAt': 'Updated',
    'field.channel': 'Channel',
    'field.granted': 'Granted',
    'field.source': 'Source',
    'field.fromTier': 'From',
    'field.toTier': 'To',
    'field.reason': 'Reason',
    'field.ruleSet': 'Rule set',
    'field.sourceEvent': 'Source event',
    'field.changedAt': 'Changed',
    'field.kind': 'Kind',
    'field.points': 'Points',
    'field.pointsBalance': 'Points balance',
    'field.orderId': 'Order',
    'field.explanation': 'Explanation',
    'field.rulesFired': 'Rules fired',
    'field.amount': 'Amount',
    'field.status': 'Status',
    'field.placedAt': 'Placed',
    'field.journey': 'Journey',
    'field.startedAt': 'Started',
    'field.endedAt': 'Ended',
    'field.steps': 'Steps',
    'field.template': 'Template',
    'field.category': 'Category',
    'field.recipient': 'Recipient',
    'field.subject': 'Subject',
    'field.sentAt': 'Sent',
    'field.text': 'Text',
    'field.at': 'Time',
    'status.ACTIVE': 'Active',
    'status.COMPLETED': 'Completed',
    'status.SENT': 'Sent',
    'status.SUPPRESSED': 'Suppressed',
    'status.FAILED': 'Failed',
    'status.QUEUED': 'Queued',
    'kind.EARN': 'Earn',
    'kind.REDEEM': 'Redeem',
    'kind.EXPIRE': 'Expire',
    'kind.ADJUST': 'Adjust',
  },
};

/** Maps any requested locale ("en-US", "zh", ...) to a supported one. */
export function normalizeLocale(locale) {
  if (typeof locale !== 'string' || locale === '') return DEFAULT_LOCALE;
  if (LOCALES.includes(locale)) return locale;
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'en') return 'en';
  return DEFAULT_LOCALE;
}

/**
 * Looks a key up in the locale's dictionary, falling back to zh-CN and then to the key itself.
 * `{name}` placeholders are replaced from params.
 */
export function translate(locale, key, params) {
  const dict = messages[normalizeLocale(locale)];
  let text = dict[key] ?? messages[DEFAULT_LOCALE][key] ?? key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }
  return text;
}

/** Translates an enum value with a prefix ("status.SENT"), showing the raw value when unknown. */
export function translateEnum(locale, prefix, value) {
  if (value == null || value === '') return '';
  const key = `${prefix}.${value}`;
  const text = translate(locale, key);
  return text === key ? String(value) : text;
}

function safeStorage(storage) {
  if (storage) return storage;
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The remembered locale, or zh-CN. */
export function loadLocale(storage) {
  const s = safeStorage(storage);
  try {
    const stored = s?.getItem(STORAGE_KEY);
    return stored ? normalizeLocale(stored) : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function saveLocale(locale, storage) {
  const s = safeStorage(storage);
  try {
    s?.setItem(STORAGE_KEY, normalizeLocale(locale));
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
}

// The page's current locale.
let current = DEFAULT_LOCALE;

export function getLocale() {
  return current;
}

export function setLocale(locale, storage) {
  current = normalizeLocale(locale);
  saveLocale(current, storage);
  return current;
}

export function initLocale(storage) {
  current = loadLocale(storage);
  return current;
}

/** Translates with the current locale. */
export function t(key, params) {
  return translate(current, key, params);
}

Object.assign(messages['zh-CN'], workbenchZh);
Object.assign(messages.en, workbenchEn);

export const dictionaries = messages;
