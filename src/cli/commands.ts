/**
 * The list of sub-commands. Each sub-command lives in its own file and exports a function
 * that adds itself to the program; add one line here per sub-command.
 */
import type { Command } from 'commander';
import { addInspectCommand } from './inspect.ts';
import { addFeaturesCommand } from './features.ts';
import { addIbsiCommand } from './ibsi.ts';
import { addIbsiFiltersCommand } from './ibsi-filters.ts';
import { addSynthCommand } from './synth.ts';
import { addStudyCommand } from './study.ts';
import { addPredictCommand } from './predict.ts';
import { addExtractCommand } from './extract.ts';
import { addDemoCommand } from './demo.ts';
import { addRobustnessCommand } from './robustness.ts';
import { addServeCommand } from './serve.ts';

export const subcommands: Array<(program: Command) => void> = [
  addInspectCommand,
  addFeaturesCommand,
  addIbsiCommand,
  addIbsiFiltersCommand,
  addSynthCommand,
  addStudyCommand,
  addPredictCommand,
  addExtractCommand,
  addDemoCommand,
  addRobustnessCommand,
  addServeCommand,
];
