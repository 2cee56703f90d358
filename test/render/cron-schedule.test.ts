import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatInZone, nextCronRuns, renderCronSchedules } from '../../src/render/cron-schedule.js';

// Winter (CET, UTC+1) until 2026-03-29, summer (CEST, UTC+2) after.
const winter = new Date('2026-03-01T00:30:00Z');
const summer = new Date('2026-07-01T00:30:00Z');

test('next runs are computed in Europe/Paris, where the platform runs the triggers', () => {
  assert.deepEqual(
    nextCronRuns('0 2 * * *', 2, winter).map((d) => d.toISOString()),
    ['2026-03-01T01:00:00.000Z', '2026-03-02T01:00:00.000Z'],
  );
  assert.deepEqual(
    nextCronRuns('0 2 * * *', 1, summer).map((d) => d.toISOString()),
    ['2026-07-02T00:00:00.000Z'],
    '02:00 CEST',
  );
  assert.deepEqual(
    nextCronRuns('@hourly', 1, winter).map((d) => d.toISOString()),
    ['2026-03-01T01:00:00.000Z'],
  );
});

test('the switch to summer time moves the UTC time of a daily run', () => {
  const runs = nextCronRuns('0 2 * * *', 3, new Date('2026-03-28T00:00:00Z'));
  // 29 March: 02:00 does not exist in Paris (clocks jump to 03:00); the runs around it keep the wall clock.
  assert.equal(runs[0]!.toISOString(), '2026-03-28T01:00:00.000Z');
  assert.equal(runs.at(-1)!.toISOString(), '2026-03-30T00:00:00.000Z');
});

test('times in a zone are printed as wall-clock time there', () => {
  assert.equal(formatInZone(new Date('2026-03-01T01:00:00Z'), 'Europe/Paris'), '2026-03-01 02:00');
  assert.equal(formatInZone(new Date('2026-07-01T00:00:00Z'), 'Europe/Paris'), '2026-07-01 02:00');
});

test('each trigger is listed with its next runs in Paris time and UTC; unnamed ones by index', () => {
  assert.deepEqual(
    renderCronSchedules(
      [
        { name: 'hourly-sync', schedule: '0 * * * *', args: '{}' },
        { schedule: '0 2 * * *', args: '{}' },
      ],
      winter,
      2,
    ),
    [
      '  cron triggers, next runs (Europe/Paris time, as the platform runs them):',
      '    hourly-sync "0 * * * *": 2026-03-01 02:00 (01:00 UTC), 2026-03-01 03:00 (02:00 UTC)',
      '    #1 "0 2 * * *": 2026-03-01 02:00 (01:00 UTC), 2026-03-02 02:00 (01:00 UTC)',
    ],
  );
  assert.deepEqual(renderCronSchedules([], winter), []);
});
