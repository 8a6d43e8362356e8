import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli, tempDir } from '../helpers/run-built-cli.js';

/** A data folder as rampup init writes it: channels.csv with a group column (own, abroad). */
function initFolder(): string {
  const data = join(tempDir(), 'my-data');
  expect(runBuiltCli(['init', data]).status).toBe(0);
  return data;
}

/** The plan's figures, without the manifest (whose run name and settings say how it was asked). */
function planFiles(folder: string): Record<string, string> {
  return Object.fromEntries(['gaps.csv', 'money_flows.csv', 'budget_shares.csv', 'production.csv'].map((f) => [f, readFileSync(join(folder, f), 'utf8')]));
}

describe('issue 31.2: channels by pattern and by group', () => {
  it('a pattern (channel_share:*-*=0) and a group (channel_share:group:abroad=0) close the channels an id-by-id list closes', () => {
    const data = initFolder();
    expect(runBuiltCli(['plan', '--data', data, '--no-explain']).status).toBe(0);
    const byIds = runBuiltCli(['plan', '--data', data, '--no-explain', '--set', 'channel_share:de-shells-abroad=0', '--set', 'channel_share:pl-drones=0']);
    expect(byIds.status, byIds.stderr).toBe(0);
    const byGroup = runBuiltCli(['plan', '--data', data, '--no-explain', '--set', 'channel_share:group:abroad=0']);
    expect(byGroup.status, byGroup.stderr).toBe(0);
    const byPattern = runBuiltCli(['plan', '--data', data, '--no-explain', '--set', 'channel_share:*-*=0', '--set', 'channel_share:own=1']);
    expect(byPattern.status, byPattern.stderr).toBe(0);
    const reports = join(data, 'reports');
    const ids = planFiles(join(reports, 'baseline+channel_share:de-shells-abroad=0+channel_share:pl-drones=0'));
    expect(planFiles(join(reports, 'baseline+channel_share:group:abroad=0'))).toEqual(ids);
    expect(planFiles(join(reports, 'baseline+channel_share:all-all=0+channel_share:own=1'))).toEqual(ids);
    expect(ids['money_flows.csv']).not.toContain('de-shells-abroad');
    expect(readFileSync(join(data, 'reports', 'baseline', 'money_flows.csv'), 'utf8')).toContain('de-shells-abroad');
    // The money flows name each channel's group.
    expect(ids['money_flows.csv']!.split('\n')[0]!.endsWith(',channel_group')).toBe(true);
    const manifest = JSON.parse(readFileSync(join(reports, 'baseline+channel_share:group:abroad=0', 'manifest.json'), 'utf8'));
    expect(manifest.scenario.settings[0]).toMatchObject({ setting: 'channel_share', target: 'group:abroad', value: '0' });
  });

  it('a pattern that matches nothing, or a group no channel has, is an error that lists what there is; nothing is written', () => {
    const data = initFolder();
    const pattern = runBuiltCli(['plan', '--data', data, '--set', 'channel_share:purl-*=0']);
    expect(pattern.status).toBe(2);
    expect(pattern.stderr).toContain('--set channel_share:purl-*=0: UNKNOWN_TARGET channel_share: "purl-*" matches no channel of channels.csv');
    expect(pattern.stderr).toContain('the channels are de-shells-abroad, own, pl-drones');
    const group = runBuiltCli(['plan', '--data', data, '--set', 'channel_share:group:abrod=0']);
    expect(group.status).toBe(2);
    expect(group.stderr).toContain('no channel has group "abrod" (did you mean abroad?); the groups of channels.csv are abroad, own');
    expect(existsSync(join(data, 'reports'))).toBe(false);
  });

  it('rampup list channels shows each channel with its group', () => {
    const data = initFolder();
    const run = runBuiltCli(['list', 'channels', '--data', data]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^channel +group +payer +seller/m);
    expect(run.stdout).toMatch(/^de-shells-abroad +abroad +DE +FR +shell-155 +0\.3 +1\.02/m);
    expect(run.stdout).toContain('Channel groups: group:abroad group:own');
    expect(readdirSync(data)).not.toContain('reports');
  });
});
