/**
 * The one CLI, `hubgraph`. Each area registers its commands; a HubgraphError ends the program with
 * one line (message and hint) and exit code 1, never a stack trace. Anything else is a bug: its
 * stack is printed.
 */
import { Command } from 'commander';
import { isHubgraphError } from '../errors.js';
import { createCliContext, type CliContext } from './context.js';
import { registerAnalyticsCommands } from './analytics.js';
import { registerDbCommands } from './db.js';
import { registerEvalCommands } from './eval.js';
import { registerIngestCommands } from './ingest.js';
import { registerNeo4jCommands } from './neo4j.js';
import { registerReportCommands } from './report.js';
import { registerStartCommands } from './start.js';
import { registerStoredCommands } from './stored.js';

export function buildProgram(): Command {
  let ctx: CliContext | undefined;
  // Config is validated when a command runs, not at import, so `--help` works with a bad env.
  const context = () => (ctx ??= createCliContext());
  const program = new Command('hubgraph')
    .description('The Hugging Face ecosystem as a heterogeneous information network in Neo4j, with a GraphQL API')
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true });
  registerStartCommands(program, context);
  registerNeo4jCommands(program, context);
  registerDbCommands(program, context);
  registerIngestCommands(program, context);
  registerAnalyticsCommands(program, context);
  registerReportCommands(program, context);
  registerEvalCommands(program, context);
  registerStoredCommands(program, context);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (isHubgraphError(error)) {
      process.stderr.write(`hubgraph: ${error.toLine()} [${error.code}]\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`hubgraph: unexpected error (a bug — please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
}
