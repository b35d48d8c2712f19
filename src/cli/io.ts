/** What a CLI command may touch: arguments in, text out, files through node:fs in the command. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line for `loopdesk --help`. */
  summary: string;
  /** Usage line(s) for `loopdesk <name> --help`. */
  usage: string;
  /** Returns the process exit code. Bad input is reported through `io.err`, never thrown. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** Splits `--flag value` / `--flag=value` / `--switch` options from positional arguments. */
export function cliParseArgs(
  args: string[],
  spec: { values?: string[]; switches?: string[] },
): { positional: string[]; values: Record<string, string>; switches: Set<string>; unknown: string[] } {
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  const positional: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.switches?.includes(flag)) switches.add(flag);
    else if (spec.values?.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) unknown.push(`--${flag} needs a value`);
      else values[flag] = value;
    } else unknown.push(`unknown option --${flag}`);
  }
  return { positional, values, switches, unknown };
}
