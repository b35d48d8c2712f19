/** `loopdesk schema [--out <file>]`: the JSON Schema of rubric pack files (what rubrics/rubric.schema.json holds). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rubricJsonSchemaText } from '../../core/rubric/jsonSchema';
import { cliParseArgs, type CliCommand } from '../io';

const usage = [
  'Usage: loopdesk schema [--out <file>]',
  '',
  '  --out <file>   write the schema to a file (e.g. <pack>/rubric.schema.json) instead of printing it',
  '',
  'Editors validate rubric files against it through a first line such as',
  '  # yaml-language-server: $schema=rubric.schema.json',
  '"npm run schema" writes it to rubrics/rubric.schema.json.',
].join('\n');

export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'print (or --out: write) the JSON Schema for rubric pack files',
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { values: ['out'] });
    if (parsed.unknown.length > 0 || parsed.positional.length > 0) {
      const got = [...parsed.unknown, ...parsed.positional.map((p) => `unexpected argument "${p}"`)];
      io.err(`loopdesk schema: ${got.join('; ')}\n${usage}`);
      return 2;
    }
    const out = parsed.values['out'];
    if (out === undefined) {
      io.out(rubricJsonSchemaText());
      return 0;
    }
    try {
      writeFileSync(resolve(io.cwd, out), rubricJsonSchemaText());
    } catch (error) {
      io.err(`loopdesk schema: cannot write "${out}" (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      return 1;
    }
    io.out(`Wrote the rubric JSON Schema to ${out}`);
    return 0;
  },
};
