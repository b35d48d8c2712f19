/**
 * `loopdesk`: the command line for rubric authors and automation, built on `core`.
 * Each command lives in `commands/<name>.ts`; this file only dispatches.
 */
import type { CliCommand, CliIo } from './io';
import { validateCommand } from './commands/validate';
import { schemaCommand } from './commands/schema';
import { agreementCommand } from './commands/agreement';
import { calibrateCommand } from './commands/calibrate';
import { simulateCommand } from './commands/simulate';
import { verifyCommand } from './commands/verify';
import { reportCommand } from './commands/report';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { practiceCommand } from './commands/practice';

declare const __LOOPDESK_VERSION__: string;

const commands: CliCommand[] = [
  initCommand,
  validateCommand,
  schemaCommand,
  agreementCommand,
  calibrateCommand,
  simulateCommand,
  verifyCommand,
  reportCommand,
  demoCommand,
  practiceCommand,
];

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'loopdesk — structured technical interviews, on the command line',
    '',
    'Usage: loopdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help       show help (also: loopdesk <command> --help)',
    '  --version    print the version',
  ].join('\n');
}

export async function cliMain(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText());
    return first === undefined ? 1 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(__LOOPDESK_VERSION__);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.err(`loopdesk: unknown command "${first}". Run "loopdesk --help" for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A bug, not bad input: say so in one line rather than a stack trace.
    io.err(`loopdesk ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 70;
  }
}
