/**
 * Request metrics, as an Apollo plugin: each request's latency and each error of its response,
 * per question (src/metrics.ts makes the instruments; docs/metrics.md says what to alert on).
 *
 * The question is the operation's top-level field (`followOfFollow`, `follow`, …), taken from the
 * schema's Query and Mutation fields only, so a client cannot mint label values: an unknown field,
 * or a request that never parsed, is `other`; several questions in one operation are `multiple`
 * (each error still names its own, by its path); only `__schema`/`__type`/`__typename` is
 * `introspection`. Error codes are the `extensions.code` the client got (after formatError).
 *
 * It times from requestDidStart to willSendResponse and adds no field hook: a willResolveField hook
 * makes Apollo wrap every resolver, which costs more than the whole plugin (see noStorePlugin).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { boundedLabel, type Metrics } from '../../metrics.js';

/** What the plugin records into. */
export type GraphqlMetrics = Pick<Metrics, 'graphql'>;

/** The operation a request ran: the one resolved, else the one its document names (or its only one). */
function operationOf(document: DocumentNode | undefined, operationName: string | undefined | null): OperationDefinitionNode | undefined {
  const operations = (document?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((o) => o.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

/**
 * Response key → field name of an operation's top-level fields, through fragments. graphql's Kind
 * values are plain strings, so they compare equal across the two copies of graphql that load under
 * vitest (unlike `instanceof`).
 */
export function topLevelFields(operation: OperationDefinitionNode | undefined, document: DocumentNode | undefined): Map<string, string> {
  const fields = new Map<string, string>();
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document?.definitions ?? []) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) fields.set(s.alias?.value ?? s.name.value, s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        // A fragment spread: once each (a cycle is a validation error, but this runs on invalid documents too).
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  if (operation) walk(operation.selectionSet);
  return fields;
}

/** The question label of an operation's top-level fields (see the header). */
export function questionOf(fields: Map<string, string>, known: ReadonlySet<string>): string {
  const names = new Set([...fields.values()].filter((n) => !n.startsWith('__')));
  if (names.size === 0) return fields.size > 0 ? 'introspection' : 'other';
  if (names.size > 1) return 'multiple';
  const [name] = names;
  return name !== undefined && known.has(name) ? name : 'other';
}

/** The Query and Mutation field names of a schema (duck-typed, like queryCost.ts). */
function rootFieldNames(schema: { getQueryType(): unknown; getMutationType(): unknown }): Set<string> {
  const names = new Set<string>();
  for (const type of [schema.getQueryType(), schema.getMutationType()] as Array<{ getFields?: () => Record<string, unknown> } | null | undefined>) {
    for (const name of Object.keys(type?.getFields?.() ?? {})) names.add(name);
  }
  return names;
}

export function metricsPlugin(metrics: GraphqlMetrics): ApolloServerPlugin {
  const { requestSeconds, errors } = metrics.graphql;
  let known: ReadonlySet<string> = new Set();
  return {
    serverWillStart({ schema }) {
      known = rootFieldNames(schema);
      return Promise.resolve();
    },
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        willSendResponse({ operation, document, request, response }) {
          const fields = topLevelFields(operation ?? operationOf(document, request.operationName), document);
          const question = questionOf(fields, known);
          requestSeconds.observe({ question }, (performance.now() - started) / 1000);
          const responseErrors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of responseErrors) {
            const key = error.path?.[0];
            const field = typeof key === 'string' ? fields.get(key) : undefined;
            errors.inc({
              question: field !== undefined && known.has(field) ? field : question,
              code: boundedLabel(error.extensions?.code, 'UNKNOWN', /^[A-Z][A-Z0-9_]{0,63}$/),
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
