import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextCronRuns, renderCronSchedules } from '../../src/render/cron-schedule.js';

const from = new Date('2026-03-01T01:30:00Z');

test('next runs are computed in UTC', () => {
  assert.deepEqual(nextCronRuns('0 2 * * *', 2, from).map((d) => d.toISOString()), ['2026-03-01T02:00:00.000Z', '2026-03-02T02:00:00.000Z']);
  assert.deepEqual(nextCronRuns('@hourly', 1, from).map((d) => d.toISOString()), ['2026-03-01T02:00:00.000Z']);
});

test('each trigger is listed with its next runs; unnamed ones by index', () => {
  assert.deepEqual(renderCronSchedules([{ name: 'hourly-sync', schedule: '0 * * * *', args: '{}' }, { schedule: '0 2 * * *', args: '{}' }], from, 2), [
    '  cron triggers, next runs (UTC):',
    '    hourly-sync "0 * * * *": 2026-03-01 02:00, 2026-03-01 03:00',
    '    #1 "0 2 * * *": 2026-03-01 02:00, 2026-03-02 02:00',
  ]);
  assert.deepEqual(renderCronSchedules([], from), []);
});
