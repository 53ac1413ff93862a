// What a user sees of personal data. The engine may already mask it for the caller's role
// ("z***@example.com"): a value with an asterisk is shown exactly as sent, never masked again,
// so the server's mask (whatever its shape) stays the one users see. Values the engine sends in
// clear are masked here for roles that may not see them (pii.js).

import { maskCustomer360, maskProfile } from './pii.js';

export function isMasked(value) {
  return typeof value === 'string' && value.includes('*');
}

/** The masked copy, with every value the server had already masked put back as sent. */
function keepServerMasks(original, masked) {
  if (!original || !masked) return masked;
  const copy = { ...masked };
  for (const [field, value] of Object.entries(original)) {
    if (isMasked(value)) copy[field] = value;
  }
  return copy;
}

/** A search result or profile as the user may see it. */
export function profileForDisplay(profile, seePersonalData) {
  return seePersonalData ? profile : keepServerMasks(profile, maskProfile(profile));
}

/** The 360 view as the user may see it: profile, message recipients, complaint texts. */
export function customer360ForDisplay(data, seePersonalData) {
  if (seePersonalData || !data) return data;
  const masked = maskCustomer360(data);
  const each = (originals, shown) => shown && shown.map((item, i) => keepServerMasks(originals?.[i], item));
  return {
    ...masked,
    profile: keepServerMasks(data.profile, masked.profile),
    messages: each(data.messages, masked.messages),
    complaints: each(data.complaints, masked.complaints),
  };
}
