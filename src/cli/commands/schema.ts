/** `loopdesk schema`: prints the JSON Schema of rubric pack files (what rubrics/rubric.schema.json holds). */
import { rubricJsonSchemaText } from '../../core/rubric/jsonSchema';
import type { CliCommand } from '../io';

export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'print the JSON Schema for rubric pack files',
  usage: ['Usage: loopdesk schema', '', 'Prints the JSON Schema for rubric files; "npm run schema" writes it to rubrics/rubric.schema.json.'].join('\n'),
  run: async (args, io) => {
    if (args.length > 0) {
      io.err(`loopdesk schema: takes no arguments (got ${args.join(' ')})`);
      return 2;
    }
    io.out(rubricJsonSchemaText());
    return 0;
  },
};
