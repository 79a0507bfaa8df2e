// `sonomics ibsi --json` and `sonomics features`: output shape on the digital phantom.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { HAS_SHARED, sharedPath } from '../helpers/shared.ts';
import { addIbsiCommand } from '../../src/cli/ibsi.ts';
import { addFeaturesCommand } from '../../src/cli/features.ts';

async function run(add: (p: Command) => void, args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { lines.push(a.join(' ')); });
  const program = new Command('sonomics').exitOverride();
  add(program);
  await program.parseAsync(['node', 'sonomics', ...args]);
  spy.mockRestore();
  return lines;
}

describe.skipIf(!HAS_SHARED)('ibsi and features commands', () => {
  afterEach(() => vi.restoreAllMocks());
  const dir = sharedPath('refdata', 'ibsi', 'ibsi1');

  it('ibsi --json prints one object per reference row with the agreed keys', async () => {
    const lines = await run(addIbsiCommand, ['ibsi', '--json', '--config', 'digital_phantom', '--dir', dir]);
    expect(lines.length).toBe(482);
    const row = JSON.parse(lines[0]!);
    expect(Object.keys(row)).toEqual(['config', 'family', 'aggregation', 'feature', 'ibsi_code', 'reference', 'tolerance', 'value', 'pass']);
    expect(lines.every((l) => JSON.parse(l).pass === true)).toBe(true);
  });

  it('features --format json gives `{family}_{feature}` values', async () => {
    const lines = await run(addFeaturesCommand, ['features', `${dir}/digital_phantom/image.nii.gz`, `${dir}/digital_phantom/mask.nii.gz`, '--format', 'json']);
    const values = JSON.parse(lines.join('\n')) as Record<string, number>;
    expect(values.intensity_statistics_mean).toBeCloseTo(2.1486, 3);
    expect(values.morphology_volume).toBeCloseTo(556.3, 1);
  });
});
