import { describe, expect, it } from 'vitest';
import { auditDetail, diffLines, diffStats } from '../src/diff.js';
import { formatHours } from '../src/format.js';
import { defaultMappings, deployErrors, detailText, durationParts, elementCounts, journeyListRows, lintJourney } from '../src/journeys/model.js';
import { withTemplatePicker } from '../src/journeys/templates.js';
import { definitionToRows, rowsToDefinition } from '../src/segments.js';
import { lifecycleFunnel, rfmHeatmap } from '../src/dashboards.js';
import { queueRows } from '../src/pages/complaints.js';

describe('audit diffs', () => {
  const entry = { detail: JSON.stringify({ from: 1, to: 2, diff: ['- old line', '+ new line', '+ another'] }) };
  it('parse into typed lines with counts', () => {
    expect(auditDetail(entry).to).toBe(2);
    expect(diffLines(auditDetail(entry).diff)).toEqual([
      { type: 'del', text: 'old line' }, { type: 'add', text: 'new line' }, { type: 'add', text: 'another' }]);
    expect(diffStats(auditDetail(entry).diff)).toEqual({ added: 2, removed: 1 });
    expect(auditDetail({ detail: 'not json' })).toEqual({});
  });
});

describe('formatting', () => {
  it('formats spans of hours in the locale', () => {
    expect(formatHours(7.5, 'en')).toBe('7h 30m');
    expect(formatHours(26, 'en')).toBe('1d 2h');
    expect(formatHours(0.25, 'zh-CN')).toBe('15分钟');
  });

  it('shows the time left in the queue, and how overdue', () => {
    const rows = queueRows([
      { complaintId: 'A', status: 'OPEN', level: 1, maxLevel: 3, timeLeft: 'PT4H59M', overdue: false },
      { complaintId: 'B', status: 'ESCALATED', level: 2, maxLevel: 3, timeLeft: 'PT-2H', overdue: true },
      { complaintId: 'C', status: 'OPEN' },
    ], 'en');
    expect(rows.map((r) => r.level)).toEqual(['1 / 3', '2 / 3', '']);
    expect(rows[0].timeLeft).toBe('4h 59m');
    expect(rows[2].overdue).toBe(false);
  });
});

describe('journeys', () => {
  const overview = { journey: 'onboarding', name: '新客欢迎', status: 'ACTIVE', latestVersion: 2, liveInstances: 5, versions: [
    { version: 1, liveInstances: 3, elements: [{ elementId: 'NoOrderIn3Days', instances: 2 }, { elementId: 'Old', instances: 1 }] },
    { version: 2, liveInstances: 2, elements: [{ elementId: '(starting)', instances: 2 }] }] };

  it('list versions and live customers per version', () => {
    expect(journeyListRows([overview])[0]).toEqual({ key: 'onboarding', journey: 'onboarding', name: '新客欢迎', status: 'ACTIVE',
      latestVersion: 2, liveInstances: 5, versions: 2, perVersion: 'v1: 3 · v2: 2' });
    expect(elementCounts(overview.versions[0])).toEqual({ NoOrderIn3Days: 2, Old: 1 });
  });

  it('map waiting elements to the same id in the target version', () => {
    const source = [{ id: 'NoOrderIn3Days', subscribes: true }, { id: 'Old' }, { id: 'FirstOrderPlaced', subscribes: true }, { id: 'Gone', subscribes: true }];
    const target = [{ id: 'NoOrderIn3Days' }, { id: 'SendWelcome' }, { id: 'FirstOrderPlaced' }];
    expect(defaultMappings(overview.versions[0], source, target)).toEqual([
      { sourceElementId: 'NoOrderIn3Days', targetElementId: 'NoOrderIn3Days' }, { sourceElementId: 'Old', targetElementId: '' },
      { sourceElementId: 'FirstOrderPlaced', targetElementId: 'FirstOrderPlaced' }]);
    expect(defaultMappings(overview.versions[1], [], [])).toEqual([]);
  });

  it('lint the diagram before a deploy', () => {
    expect(lintJourney([
      { id: 'Start', type: 'bpmn:StartEvent', messageRequired: true, messageName: 'customer.registered' },
      { id: 'Wait', type: 'bpmn:IntermediateCatchEvent', timer: { kind: 'timeDuration', value: '3 days' } },
      { id: 'Wait2', type: 'bpmn:IntermediateCatchEvent', timer: { kind: 'timeDuration', value: '=slaDuration' } },
      { id: 'Task', type: 'bpmn:ServiceTask' },
      { id: 'Send', type: 'bpmn:ServiceTask', taskType: 'engage:send-message', missing: ['Template'] },
    ])).toEqual([
      { elementId: 'Wait', reason: 'lint.timerDuration', params: { value: '3 days' } },
      { elementId: 'Task', reason: 'lint.noTaskType' },
      { elementId: 'Send', reason: 'lint.missingField', params: { field: 'Template' } },
    ]);
    expect(lintJourney([])).toEqual([{ elementId: '', reason: 'lint.noStart' }]);
  });

  it("turn the engine's refusal into element problems", () => {
    expect(deployErrors({ errors: [{ field: 'SendWelcome', reason: 'unknown template' }] }))
      .toEqual([{ elementId: 'SendWelcome', reason: 'unknown template', raw: true }]);
    expect(deployErrors({ detail: 'not XML' })).toEqual([{ elementId: '', reason: 'not XML', raw: true }]);
  });

  it('read preview entries', () => {
    expect(durationParts('P3DT2H5M')).toEqual({ days: 3, hours: 2, minutes: 5 });
    expect(durationParts('PT0S')).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(detailText({ channel: 'sms', template: 'first-order', empty: '' })).toBe('channel=sms · template=first-order');
  });

  it('offer the message templates as a picker', () => {
    const tpl = { id: 'io.engage.send-message', properties: [
      { id: 'template', type: 'String', binding: { type: 'zeebe:taskHeader', key: 'template' } },
      { id: 'channel', type: 'Dropdown', binding: { type: 'zeebe:taskHeader', key: 'channel' } }] };
    const [picked] = withTemplatePicker([tpl], [{ key: 'welcome', description: 'Onboarding: the welcome message' }, { key: 'welcome' }, { key: 'reminder' }]);
    expect(picked.properties[0]).toMatchObject({ type: 'Dropdown', choices: [
      { name: 'welcome · Onboarding: the welcome message', value: 'welcome' }, { name: 'reminder', value: 'reminder' }] });
    expect(picked.properties[1]).toBe(tpl.properties[1]);
    expect(withTemplatePicker([tpl], null)[0]).toBe(tpl);
  });
});

describe('segments and dashboards', () => {
  it('convert flat definitions both ways', () => {
    const def = { all: [{ field: 'tier', op: 'in', value: ['GOLD', 'PLUS'] }, { field: 'rfm.r', op: 'gte', value: 4 }] };
    const rows = definitionToRows(def);
    expect(rows).toEqual({ combine: 'all', advanced: false, rows: [{ field: 'tier', op: 'in', value: 'GOLD, PLUS' }, { field: 'rfm.r', op: 'gte', value: '4' }] });
    expect(rowsToDefinition(rows)).toEqual(def);
    expect(definitionToRows({ all: [{ spent: { atLeast: '500' } }] }).advanced).toBe(true);
  });

  it('shape RFM and lifecycle data for the charts', () => {
    expect(rfmHeatmap({ grid: [{ r: 2, f: 1, customers: 5 }, { r: 1, f: 1, customers: 3 }] }))
      .toEqual({ rs: [1, 2], fs: [1], data: [[1, 0, 5], [0, 0, 3]], max: 5 });
    expect(lifecycleFunnel([{ stage: 'churned', customers: 1 }, { stage: 'new', customers: 9 }, { stage: 'odd', customers: 2 }]))
      .toEqual([{ name: 'new', value: 9 }, { name: 'churned', value: 1 }, { name: 'odd', value: 2 }]);
  });
});
