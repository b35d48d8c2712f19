import { textBlockForDisplay } from '../core/canonical/displayText';
import { cliMain } from './index';

// `loopdesk schema | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// The last guard of output hygiene: whatever a command prints, no control character from its input
// (a terminal escape in a rater's name, say) reaches the terminal; line breaks and tabs pass.
const line = (text: string) => textBlockForDisplay(text.endsWith('\n') ? text : `${text}\n`);
const code = await cliMain(process.argv.slice(2), {
  out: (text) => process.stdout.write(line(text)),
  err: (text) => process.stderr.write(line(text)),
  cwd: process.cwd(),
});
process.exitCode = code;
