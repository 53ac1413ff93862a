// What each role is offered. The engine enforces the same rules (SecurityConfiguration); the UI
// only leaves out what a role may not do, so nobody is offered a button that answers 403.

export const ROLES = ['ADMIN', 'MARKETER', 'SERVICE_MANAGER', 'BUSINESS', 'AGENT', 'VIEWER'];

// VIEWER reads and changes nothing: it is offered only the pages that gate every change by role
// (the rule pages ask canEditRuleSet; customers and dashboards only read). PII stays masked.
const READ_CUSTOMERS = ['ADMIN', 'MARKETER', 'SERVICE_MANAGER', 'BUSINESS', 'AGENT', 'VIEWER'];

/** The pages in menu order: id (= route), dictionary key, and the roles that see it. */
export const PAGES = [
  { id: 'customers', label: 'nav.customers', roles: READ_CUSTOMERS },
  { id: 'dashboards', label: 'nav.dashboards', roles: ['ADMIN', 'MARKETER', 'BUSINESS', 'SERVICE_MANAGER', 'VIEWER'] },
  { id: 'journeys', label: 'nav.journeys', roles: ['ADMIN', 'MARKETER'] },
  { id: 'templates', label: 'nav.templates', roles: ['ADMIN', 'MARKETER'] },
  { id: 'segments', label: 'nav.segments', roles: ['ADMIN', 'MARKETER'] },
  { id: 'rules', label: 'nav.rewards', roles: ['ADMIN', 'BUSINESS', 'VIEWER'] },
  { id: 'escalation', label: 'nav.escalation', roles: ['ADMIN', 'SERVICE_MANAGER', 'VIEWER'] },
  { id: 'complaints', label: 'nav.complaints', roles: ['ADMIN', 'SERVICE_MANAGER', 'AGENT'] },
  { id: 'outbox', label: 'nav.outbox', roles: ['ADMIN', 'MARKETER'] },
];

/** The reward rule sets business staff own; escalation belongs to service managers. */
export const REWARD_RULE_SETS = ['points', 'tiers', 'referral', 'activity', 'birthday'];

function rolesOf(me) {
  return new Set((me?.roles || []).map((r) => String(r).replace(/^ROLE_/, '')));
}

export function hasAnyRole(me, roles) {
  const mine = rolesOf(me);
  return roles.some((r) => mine.has(r));
}

/** The menu for a user: the pages any of their roles may open. */
export function menuFor(me) {
  return PAGES.filter((p) => hasAnyRole(me, p.roles));
}

export function canOpen(me, pageId) {
  const page = PAGES.find((p) => p.id === pageId);
  return Boolean(page && hasAnyRole(me, page.roles));
}

/** The page a user lands on: the first of their menu that fits their main job. */
export function homePage(me) {
  const order = hasAnyRole(me, ['MARKETER']) ? 'journeys'
    : hasAnyRole(me, ['BUSINESS']) ? 'rules'
      : hasAnyRole(me, ['SERVICE_MANAGER']) ? 'escalation'
        : 'customers';
  return canOpen(me, order) ? order : menuFor(me)[0]?.id ?? 'customers';
}

/** May this user author, activate and roll back this rule set (RuleSetOwners in the engine)? VIEWER never. */
export function canEditRuleSet(me, ruleSet) {
  return hasAnyRole(me, ['ADMIN', ruleSet === 'escalation' ? 'SERVICE_MANAGER' : 'BUSINESS']);
}

/**
 * Who may see personal data (name, email, phone, address, birthday) unmasked: the people who talk
 * to the customer (Role.seesPersonalData in the engine). Marketers, business staff and viewers work
 * with masked profiles.
 */
export function canSeePersonalData(me) {
  return hasAnyRole(me, ['ADMIN', 'SERVICE_MANAGER', 'AGENT']);
}
