// Masks personal data for roles that may not see it. Keeps enough to recognise a record
// ("z***@example.com", "138****5678") without revealing it.

const PERSONAL_FIELDS = ['name', 'email', 'phone', 'address', 'birthday'];

export function maskEmail(email) {
  const s = String(email ?? '');
  const at = s.indexOf('@');
  if (at <= 0) return s ? '***' : '';
  return `${s[0]}***${s.slice(at)}`;
}

export function maskPhone(phone) {
  const digits = String(phone ?? '');
  if (!digits) return '';
  if (digits.length <= 4) return '****';
  const head = digits.length >= 11 ? 3 : 1;
  return `${digits.slice(0, head)}${'*'.repeat(digits.length - head - 4)}${digits.slice(-4)}`;
}

/** "张三丰" → "张**", "Ana Lima" → "A*** L***". */
export function maskName(name) {
  const s = String(name ?? '').trim();
  if (!s) return '';
  if (/\s/.test(s)) return s.split(/\s+/).map((w) => `${w[0]}***`).join(' ');
  return `${[...s][0]}${'*'.repeat(Math.max(1, [...s].length - 1))}`;
}

export function maskValue(field, value) {
  if (value == null || value === '') return value;
  switch (field) {
    case 'email': return maskEmail(value);
    case 'phone': return maskPhone(value);
    case 'name': return maskName(value);
    case 'birthday': return String(value).replace(/^\d{4}/, '****');
    default: return '***';
  }
}

/** A copy of a profile (or search result) with its personal fields masked. */
export function maskProfile(profile) {
  if (!profile) return profile;
  const copy = { ...profile };
  for (const field of PERSONAL_FIELDS) {
    if (copy[field] != null && copy[field] !== '') copy[field] = maskValue(field, copy[field]);
  }
  return copy;
}

/** A recipient address as messages show it: an email or a phone number, masked. */
export function maskRecipient(recipient) {
  const s = String(recipient ?? '');
  if (!s) return s;
  return s.includes('@') ? maskEmail(s) : maskPhone(s);
}

/** The 360 view with every personal field masked: profile, message recipients, complaint texts. */
export function maskCustomer360(data) {
  if (!data) return data;
  return {
    ...data,
    profile: maskProfile(data.profile),
    messages: (data.messages || []).map((m) => ({ ...m, recipient: maskRecipient(m.recipient) })),
    complaints: data.complaints?.map((c) => ({ ...c, description: c.description ? '***' : c.description })),
  };
}
