// Locale-aware formatting of amounts, numbers and timestamps with Intl.

function isBlank(v) {
  return v == null || v === '';
}

/** 120 + "CNY" → "¥120.00" (zh-CN) / "CN¥120.00" (en). */
export function formatAmount(amount, currency, locale) {
  if (isBlank(amount)) return '';
  const value = Number(amount);
  if (!Number.isFinite(value)) return String(amount);
  if (isBlank(currency)) {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    // unknown currency code
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** Integer with grouping: 12345 → "12,345". */
export function formatNumber(value, locale) {
  if (isBlank(value)) return '';
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale).format(n) : String(value);
}

/** Points delta with an explicit sign: 240 → "+240", -50 → "-50". */
export function formatPoints(value, locale) {
  if (isBlank(value)) return '';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(n);
}

/** ISO-8601 instant → medium date + time in the locale (and the given or the browser's time zone). */
export function formatDateTime(iso, locale, timeZone) {
  if (isBlank(iso)) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const options = {
    year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  };
  if (timeZone) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(locale, options).format(d);
}

/**
 * ISO-8601 date ("1990-05-01", a calendar date without time zone) → date in the locale. A date
 * whose year is masked ("****-05-01", as the engine sends a birthday to roles that may not see
 * it) → day and month in the locale, the year left out.
 */
export function formatDate(iso, locale) {
  if (isBlank(iso)) return '';
  const masked = /^\*{4}-(\d{2})-(\d{2})$/.exec(String(iso));
  if (masked) {
    return new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(2000, +masked[1] - 1, +masked[2])));
  }
  if (String(iso).includes('*')) return String(iso); // otherwise masked: shown as it is
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'long', day: 'numeric', timeZone: m ? 'UTC' : undefined,
  }).format(d);
}

/** A span of hours as days/hours/minutes in the locale: 31.5 → "1天 7小时 30分钟" / "1d 7h 30m". */
export function formatHours(hours, locale) {
  if (hours == null || !Number.isFinite(Number(hours))) return '';
  const total = Math.round(Math.abs(Number(hours)) * 60);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const unit = (value, u) => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(value);
  const parts = [];
  if (d) parts.push(unit(d, 'day'));
  if (h || (d && m)) parts.push(unit(h, 'hour'));
  if (m || !parts.length) parts.push(unit(m, 'minute'));
  return parts.join(' ');
}
