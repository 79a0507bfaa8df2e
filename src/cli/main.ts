/**
 * Entry point of the `sonomics` command: builds the commander program from the
 * sub-command files (one file per sub-command) and turns SonomicsError into a clear
 * message and a non-zero exit code.
 */
import { Command } from 'commander';
import { SonomicsError } from '../core/errors.ts';
import { subcommands } from './commands.ts';
import { describeSystemError } from './system-errors.ts';
import { version } from './version.ts';

export { version } from './version.ts';

export function buildProgram(): Command {
  const program = new Command('sonomics')
    .description('Ultrasound radiomics: images, masks and clinical tables to validated prediction models.')
    .version(version(), '-V, --version')
    .showHelpAfterError();
  for (const add of subcommands) add(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof SonomicsError) {
      console.error(`sonomics: ${err.message} [${err.code}]`);
      process.exitCode = 2;
      return;
    }
    const system = describeSystemError(err);
    if (system) {
      console.error(`sonomics: ${system}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}
