import type { CliCommand } from '../io';

// Replaced by the rubric tooling.
export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'validate (not built yet)',
  usage: 'loopdesk validate',
  run: async (_args, io) => {
    io.err('loopdesk validate: not built yet');
    return 2;
  },
};
