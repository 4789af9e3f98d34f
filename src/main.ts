import { runCli } from './cli/commands.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error: unknown) => {
    const detail = (error as { fieldErrors?: unknown }).fieldErrors;
    console.error(error instanceof Error ? error.message : String(error), detail ? JSON.stringify(detail) : '');
    process.exitCode = 1;
  },
);
