import type { CliCommand } from '../io';

// Replaced by the rubric tooling.
export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'schema (not built yet)',
  usage: 'loopdesk schema',
  run: async (_args, io) => {
    io.err('loopdesk schema: not built yet');
    return 2;
  },
};
