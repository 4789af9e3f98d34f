import { runCli } from './cli/commands.js';
import { describeError } from './server/logging.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error: unknown) => {
    const detail = (error as { fieldErrors?: unknown }).fieldErrors;
    // Sanitized: a failed query's parameters (personal data) do not end up in a terminal log or a CI transcript.
    console.error(describeError(error), detail ? JSON.stringify(detail) : '');
    process.exitCode = 1;
  },
);
