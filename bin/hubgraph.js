#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step between a clone and
// `npx hubgraph`.
import { register } from 'tsx/esm/api';

// `serve` and `start` run the GraphQL server. Under NODE_ENV=production graphql-js skips its
// development-only checks (its `instanceOf` looks up Symbol.toStringTag on every failed type test —
// measured at ~0.3 ms of CPU per 20-row answer); it reads NODE_ENV once, when it is first imported,
// so the default is set here, before anything imports it. An explicit NODE_ENV is kept. Apollo's
// production defaults do not apply: the server sets introspection, stack traces and the landing
// page itself (src/graphql/server.ts).
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if ((command === 'serve' || command === 'start') && process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
