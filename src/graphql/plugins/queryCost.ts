/**
 * The cost of an operation, and the largest page size it asks for — computed from the document,
 * the schema and the request's variables, before anything executes.
 *
 * Cost: every field costs 1, times the number of items of the list it is in. A list field's size is
 * its own `first`/`limit` argument (given, from a variable, or the argument's default); a non-list
 * field with `first`/`limit` (a connection: `creator.models`, `feedCandidates`, `subgraph`) sizes
 * the lists beneath it (`edges`, `nodes`); any other list counts `listSize` items. So
 * `creator { models(first: 100) { edges { node { id } } } }` costs 1 + 1 + 1 + 100·(1 + 1) = 203,
 * and nesting a second page of 100 inside the first multiplies it by 100 again. An upper bound in
 * the spirit of Shopify's and GitHub's query cost, not a measurement: `@skip`/`@include` are
 * ignored, and introspection (`__schema`, `__type`) costs nothing.
 *
 * Reads the schema by duck typing (`getFields`, `ofType`, `toString`) rather than graphql's
 * `isListType`, whose `instanceof` fails when two copies of graphql are loaded (as under vitest).
 */
import { Kind, OperationTypeNode, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** The arguments that size a list. */
export const SIZE_ARGUMENTS = ['first', 'limit'] as const;

export interface CostOptions {
  /** Items assumed for a list field with no `first`/`limit` of its own or above it. */
  listSize: number;
  /** The request's variables (raw JSON values). */
  variables?: Record<string, unknown> | undefined;
}

export interface PageSize {
  /** `Type.field` the argument is on, e.g. `Creator.models`. */
  coordinate: string;
  argument: string;
  value: number;
}

export interface OperationCost {
  cost: number;
  /** The largest `first`/`limit` given anywhere in the operation (null when none is given). */
  largestPageSize: PageSize | null;
}

/** The parts of graphql's type objects this module reads. */
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, FieldLike>;
  toString(): string;
}
interface FieldLike {
  type: TypeLike;
  args: readonly { name: string; defaultValue?: unknown }[];
}

function namedType(type: TypeLike): TypeLike {
  let t = type;
  while (t.ofType) t = t.ofType;
  return t;
}

/** `[X]`, `[X]!`, `[X!]!` print with a leading bracket; nothing else does. */
function isList(type: TypeLike): boolean {
  return String(type).startsWith('[');
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  options: CostOptions,
): OperationCost {
  const variables = options.variables ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variableDefaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) variableDefaults.set(v.variable.name.value, v.defaultValue);

  let largest: PageSize | null = null;
  const memo = new Map<string, number>();
  const expanding = new Set<string>();

  const intOf = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) {
      const name = value.name.value;
      const given = variables[name];
      if (typeof given === 'number' && Number.isFinite(given)) return given;
      const fallback = variableDefaults.get(name);
      return fallback && fallback.kind === Kind.INT ? Number(fallback.value) : undefined;
    }
    return undefined;
  };

  /** The page size a field asks for: its `first`/`limit` argument, else that argument's default. */
  const sizeOf = (node: FieldNode, def: FieldLike | undefined, parentName: string): number | undefined => {
    for (const name of SIZE_ARGUMENTS) {
      const arg = node.arguments?.find((a) => a.name.value === name);
      const given = arg ? intOf(arg.value) : undefined;
      if (given !== undefined) {
        if (largest === null || given > largest.value) largest = { coordinate: `${parentName}.${node.name.value}`, argument: name, value: given };
        return Math.max(0, given);
      }
      const fallback = def?.args.find((a) => a.name === name)?.defaultValue;
      if (typeof fallback === 'number') return fallback;
    }
    return undefined;
  };

  const selectionCost = (set: SelectionSetNode, parent: TypeLike | undefined, pending: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, pending);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as TypeLike | undefined) : parent;
        total += selectionCost(selection.selectionSet, type, pending);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is a validation error already; an unknown fragment likewise.
        if (!fragment || expanding.has(name)) continue;
        const key = `${name}|${pending ?? ''}`;
        let cost = memo.get(key);
        if (cost === undefined) {
          expanding.add(name);
          cost = selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as TypeLike | undefined, pending);
          expanding.delete(name);
          memo.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: TypeLike | undefined, pending: number | undefined): number => {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return 0;
    if (name === '__typename') return 1;
    const def = parent?.getFields?.()[name];
    const size = sizeOf(node, def, parent?.name ?? '?');
    let factor = 1;
    let below = pending;
    if (def && isList(def.type)) {
      factor = size ?? pending ?? options.listSize;
      below = undefined;
    } else if (size !== undefined) {
      below = size;
    }
    if (!node.selectionSet) return 1;
    return 1 + factor * selectionCost(node.selectionSet, def ? namedType(def.type) : undefined, below);
  };

  const root =
    operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : operation.operation === OperationTypeNode.SUBSCRIPTION ? schema.getSubscriptionType() : schema.getQueryType();
  const cost = selectionCost(operation.selectionSet, (root ?? undefined) as TypeLike | undefined, undefined);
  return { cost, largestPageSize: largest };
}
