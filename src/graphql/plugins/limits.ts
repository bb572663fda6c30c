/**
 * Query limits, as an Apollo plugin and validation rules: no resolver carries limit code, and a
 * refused operation never executes. Each limit is a setting (HUBGRAPH_MAX_*, see config.ts) with a
 * documented default, or a fixed limit (FIXED_LIMITS). docs/errors.md lists them all.
 *
 * - The query text (plugin, `didResolveSource`): its length, then its token count (lexed up to the
 *   limit, never further). Apollo lets no plugin answer before parsing, so the parse itself is
 *   bounded by graphql's own `maxTokens` parse option (it stops at the first token past the limit)
 *   and the refusal replaces whatever the pipeline answers (`willSendResponse`); nothing executes.
 * - Validation rules: depth, aliases, directives (graphql-armor), nested `ofType` in introspection
 *   (./introspectionDepth.ts), one field selected many times (./repeatedFields.ts) — on the parsed
 *   document, once per distinct query (Apollo caches validated documents).
 * - Before execution (plugin, `didResolveOperation`, where the variables are known): an operation
 *   that cannot be chosen, a variable past 2^53 (./bigIntegers.ts), the largest `first`/`limit`
 *   argument anywhere (a backstop behind each field's own range, which a variable could otherwise
 *   carry past validation) and the operation's cost (./queryCost.ts).
 *
 * Every refusal is a catalogue error, BAD_USER_INPUT with HTTP status 400 (the rule: refused before
 * execution is 4xx, an error while a field executes is 200 — docs/errors.md), whose message names
 * the limit and the value found, e.g. "Query depth limit of 10 exceeded, found 14." No stack trace.
 */
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '../../config.js';
import { ErrorCodes, HubgraphError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { rawVariablesText, unsafeIntegerRefusal, unsafeIntegerVariable } from './bigIntegers.js';
import { maxOfTypeDepthRule } from './introspectionDepth.js';
import { operationCost } from './queryCost.js';
import { maxFieldRepeatsRule } from './repeatedFields.js';

export type QueryLimits = Config['limits'];

/**
 * Limits that are not settings: no client needs more, and no operator tunes them. `maxOfTypeDepth`:
 * nested `ofType` in introspection (getIntrospectionQuery() asks for 9). `maxFieldRepeats`: times
 * one response path may be selected (a fragment-heavy client selects `id` a few times; graphql's
 * own check gave up near 900).
 */
export const FIXED_LIMITS = { maxOfTypeDepth: 10, maxFieldRepeats: 100 };

const fmt = (n: number) => n.toLocaleString('en-US');

function refusal(message: string, hint?: string): HubgraphError {
  return new HubgraphError(ErrorCodes.BAD_USER_INPUT, message, hint === undefined ? {} : { hint });
}

/**
 * A refusal thrown from a plugin hook: a GraphQLError carrying HTTP 400, wrapping the catalogue
 * error that formatError turns into the client's message and code. (If Apollo's copy of graphql is
 * not ours and it re-wraps the error, graphql copies `extensions` over, so the status survives.)
 */
function hookRefusal(error: HubgraphError): GraphQLError {
  return new GraphQLError(error.toLine(), { originalError: error, extensions: { http: { status: 400 } } });
}

/**
 * Non-comment tokens of a query, counting no further than `stopAfter + 1`. A lexing error stops
 * the count: the parser reports it.
 */
export function countTokens(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (count <= stopAfter && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // Invalid syntax: left to the parser.
  }
  return count;
}

/** The limits checked on the query text, before it is parsed; null when it passes. */
export function checkSource(text: string, limits: QueryLimits): HubgraphError | null {
  if (text.length > limits.maxQueryLength) {
    return refusal(
      `Query text limit of ${fmt(limits.maxQueryLength)} characters exceeded, found ${fmt(text.length)}.`,
      'send a shorter query; pass long values as variables',
    );
  }
  const tokens = countTokens(text, limits.maxTokens);
  if (tokens > limits.maxTokens) {
    return refusal(`Token limit of ${fmt(limits.maxTokens)} exceeded.`, 'send a smaller query');
  }
  return null;
}

/**
 * graphql-armor reports "Syntax Error: Query depth limit of 10 exceeded, found 14."; the limit and
 * the value are what matter, "Syntax Error" is not (the query parsed).
 */
function reportArmorRejection(context: ValidationContext | null, error: GraphQLError): void {
  const message = error.message.replace(/^Syntax Error: /, '');
  context?.reportError(new GraphQLError(message, { originalError: refusal(message, 'send a smaller query') }));
}

/** Depth, aliases, directives, nested `ofType` and repeated fields, as validation rules. */
export function queryLimitRules(limits: QueryLimits, fixed = FIXED_LIMITS): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [reportArmorRejection] };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth }),
    maxAliasesRule({ ...common, n: limits.maxAliases }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives }),
    maxOfTypeDepthRule(fixed.maxOfTypeDepth),
    maxFieldRepeatsRule(fixed.maxFieldRepeats),
  ];
}

/**
 * graphql's message when its validation gives up on a work budget of its own (comparing repeated
 * fields, following fragments): repeatedFields.ts refuses the usual cause by name first.
 */
const VALIDATION_ABORTED = 'Validation aborted.';

const validationGaveUp = refusal(
  "Query too repetitive to validate: graphql's validation stopped at its work budget.",
  'select each field once where it appears, and spread each fragment once',
);

/**
 * The refusal of an operation graphql cannot choose (an unknown name, or several and no name), in
 * graphql's words. Refused here, before execution, so it is a 400 like every request error; left
 * to the pipeline, the API-key plugin met an operation that was not there and answered 500.
 */
function operationNotFound(operationName: string | undefined | null): GraphQLError {
  const message = operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.';
  return new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
}

/** The client form of a refusal, as formatError would render it. */
function clientError(error: HubgraphError) {
  return { message: error.toLine(), extensions: { code: error.code } };
}

/**
 * willSendResponse's work: whatever the pipeline answered for a refused text (graphql's own
 * token-limit parse error, a validation error, …), the client gets the refusal.
 */
function answerRefusals(response: GraphQLResponse, refusedSource: HubgraphError | null): void {
  if (refusedSource) {
    response.http.status = 400;
    response.body = { kind: 'single', singleResult: { errors: [clientError(refusedSource)] } };
    return;
  }
  // "Validation aborted." names no limit: dropped after a refusal that names one, else
  // replaced by one that says what gave up.
  if (response.body.kind !== 'single') return;
  const errors = response.body.singleResult.errors;
  if (!errors?.some((e) => e.message === VALIDATION_ABORTED)) return;
  const named = errors.some((e) => e.extensions?.code === ErrorCodes.BAD_USER_INPUT);
  response.body.singleResult.errors = named
    ? errors.filter((e) => e.message !== VALIDATION_ABORTED)
    : errors.map((e) => (e.message === VALIDATION_ABORTED ? clientError(validationGaveUp) : e));
}

/** The query text's limits, the page-size backstop and the cost. */
export function queryLimitsPlugin(limits: QueryLimits, log?: Logger): ApolloServerPlugin {
  const refuse = (error: HubgraphError): never => {
    log?.info({ refused: error.message }, 'query refused by a limit');
    throw hookRefusal(error);
  };
  return {
    requestDidStart() {
      let refusedSource: HubgraphError | null = null;
      return Promise.resolve({
        didResolveSource({ source }) {
          refusedSource = checkSource(source, limits);
          if (refusedSource) log?.info({ refused: refusedSource.message }, 'query refused by a limit');
          return Promise.resolve();
        },
        // eslint-disable-next-line @typescript-eslint/require-await -- async so that the refusals thrown here reject the hook's promise
        async didResolveOperation({ schema, document, operation, request }) {
          // The text was refused but parsed and validated (too long, few tokens): do not execute.
          if (refusedSource) throw hookRefusal(refusedSource);
          if (!operation) throw operationNotFound(request.operationName);
          const unsafe = unsafeIntegerVariable(operation, request.variables);
          if (unsafe) refuse(unsafeIntegerRefusal(unsafe, rawVariablesText(request.http)));
          const { cost, largestPageSize: page } = operationCost(schema, document, operation, {
            listSize: limits.costListSize,
            variables: request.variables,
          });
          if (page && page.value > limits.maxFirst) {
            refuse(
              refusal(
                `Argument limit of ${fmt(limits.maxFirst)} for \`first\`/\`limit\` exceeded, found ${page.argument}: ${page.value} on ${page.coordinate}.`,
                'ask for fewer items and page with `after`',
              ),
            );
          }
          if (cost > limits.maxCost) {
            refuse(
              refusal(
                `Query cost limit of ${fmt(limits.maxCost)} exceeded, found ${fmt(cost)}.`,
                `each field costs 1 times the \`first\`/\`limit\` of the lists it is in (${limits.costListSize} for a list without one): ask for fewer items or fewer nested lists`,
              ),
            );
          }
        },
        willSendResponse({ response }) {
          answerRefusals(response, refusedSource);
          return Promise.resolve();
        },
      });
    },
  };
}

/** Everything createApollo needs: the plugin, the validation rules, the parse options. */
export function queryLimits(limits: QueryLimits, log?: Logger, fixed = FIXED_LIMITS) {
  return {
    plugin: queryLimitsPlugin(limits, log),
    validationRules: queryLimitRules(limits, fixed),
    // graphql's parser stops at the first token past the limit: the parse stays bounded.
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
