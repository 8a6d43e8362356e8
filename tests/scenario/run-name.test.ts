import { describe, expect, it } from 'vitest';
import { RUN_NAME_LIMIT, WINDOWS_COLON, runFolder, runName, safeFolderName, scenarioSetName, sweepName } from '../../src/scenario/run-name.js';

describe('names that say what a run is', () => {
  it('are the scenario and its --set flags as written, usable as one folder name', () => {
    expect(runName('baseline', [])).toBe('baseline');
    expect(runName('baseline', ['budget_scale=2', 'exclude=US'])).toBe('baseline+budget_scale=2+exclude=US');
    expect(runName('pooled', ['budget_scale:group:core=2', 'need_scale:*=1.5'])).toBe('pooled+budget_scale:group:core=2+need_scale:all=1.5');
    expect(runName('baseline', ['guarantee:a/b c=1'])).toBe('baseline+guarantee:a_b_c=1');
    expect(runName('baseline', ['channel_share:purl-*=0'])).toBe('baseline+channel_share:purl-all=0');
    for (const name of [runName('x', ['budget_scale:group:core=2']), sweepName('baseline', 'budget_scale', { from: 0.5, to: 3, step: 0.25 }, [])]) {
      expect(runFolder(name)).toEqual({ folder: name });
    }
  });

  it('keep : in folder names, except where the file system refuses it: there a reversible spelling', () => {
    const name = runName('baseline', ['budget_scale:DE=2', 'budget_scale:FR=2']);
    expect(runFolder(name).folder).toBe('baseline+budget_scale:DE=2+budget_scale:FR=2');
    const windows = runFolder(name, WINDOWS_COLON).folder;
    expect(windows).toBe(`baseline+budget_scale${WINDOWS_COLON}DE=2+budget_scale${WINDOWS_COLON}FR=2`);
    expect(windows.replaceAll(WINDOWS_COLON, ':')).toBe(name);
  });

  it('name sweeps and sets that are not every scenario as it stands', () => {
    expect(sweepName('baseline', 'budget_scale', { from: 0.5, to: 3, step: 0.25 }, ['financing=pooled'])).toBe('sweep+baseline+budget_scale=0.5to3by0.25+financing=pooled');
    expect(scenarioSetName(undefined, [])).toBeUndefined();
    expect(scenarioSetName(['baseline', 'pooled'], ['budget_scale=2'])).toBe('scenarios+only=baseline,pooled+budget_scale=2');
  });

  it('shorten a long name to something a person can read, its settings in settings.txt, and keep two long names apart', () => {
    const purl = ['BE', 'CA', 'DE', 'DK', 'FI', 'LT', 'NL'].map((c) => `channel_share:purl-${c}=0`);
    const name = runName('baseline', purl);
    expect(name.length).toBeGreaterThan(RUN_NAME_LIMIT);
    const { folder, settingsText } = runFolder(name);
    expect(folder).toMatch(/^baseline\+7-settings-[0-9a-f]{8}$/);
    expect(settingsText).toContain(`run: ${name}\n`);
    for (const flag of purl) expect(settingsText).toContain(`\n  ${flag}\n`);
    expect(runFolder(runName('baseline', [...purl.slice(1), 'channel_share:purl-SE=0'])).folder).not.toBe(folder);
    const sweep = runFolder(sweepName('baseline', 'budget_scale', { from: 0.5, to: 3, step: 0.25 }, purl)).folder;
    expect(sweep).toMatch(/^sweep\+baseline\+8-settings-[0-9a-f]{8}$/);
  });

  it('never turn names into paths', () => {
    expect(safeFolderName('../../etc')).toBe('__.._etc');
    expect(safeFolderName('a/b\\c d')).toBe('a_b_c_d');
    expect(safeFolderName('')).toBe('_');
  });
});
