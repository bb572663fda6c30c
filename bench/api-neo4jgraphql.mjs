/**
 * The @neo4j/graphql comparison server of `npm run bench:api` (bench/api.ts): what a user would
 * pick instead of hand-written resolvers — the same Cypher behind `@cypher` fields, served by
 * Apollo Server's standalone server.
 *
 * Not a project dependency: bench/api.ts installs @neo4j/graphql (+ graphql 16, @apollo/server 5,
 * neo4j-driver 6) into a temp folder, copies this file there and runs it with node from that
 * folder, so these imports resolve against the temp node_modules. Environment:
 *   TYPEDEFS_FILE   the type definitions (written by bench/api.ts from cypher/recommend/*.cypher)
 *   NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD
 * Prints `READY <url>` on stdout once listening (127.0.0.1, a free port); stops on SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const typeDefs = readFileSync(process.env.TYPEDEFS_FILE ?? 'typedefs.graphql', 'utf8');
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
);
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
process.stdout.write(`READY ${url}\n`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    await driver.close();
    process.exit(0);
  }
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
