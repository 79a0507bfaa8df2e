/**
 * The list of sub-commands. Each sub-command lives in its own file and exports a function
 * that adds itself to the program; add one line here per sub-command.
 */
import type { Command } from 'commander';
import { addIbsiFiltersCommand } from './ibsi-filters.ts';
import { addSynthCommand } from './synth.ts';

export const subcommands: Array<(program: Command) => void> = [
  addIbsiFiltersCommand,
  addSynthCommand,
];
