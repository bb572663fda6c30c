/**
 * How many times one field is selected at one place of the answer, as a validation rule. graphql's
 * OverlappingFieldsCanBeMergedRule compares the selections that land on the same response key pair
 * by pair, within a fixed work budget; past it, validation stops with a bare "Validation aborted."
 * (1,000 `__typename` did, and so did 45 `health { status × 40 }`). This rule names a limit instead,
 * counting by response path (`health.status`) across repeated parents, inline fragments and
 * fragment spreads — and reports on entering the document, before that rule gives up.
 */
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ErrorCodes, HubgraphError } from '../../errors.js';

export interface RepeatedField {
  /** The response path, e.g. `health.status`; relative to the fragment for one never spread. */
  path: string;
  count: number;
}

/**
 * Work (path counts added) after which the count gives up: a document built to multiply paths
 * through nested fragments is refused by the depth limit and graphql's own budgets instead.
 */
const WORK_BUDGET = 100_000;
/** Thrown to stop counting, and caught below: never leaves mostRepeatedField. */
const OVER_BUDGET = new Error('over budget');

/** The most often selected response path of a document's operations and fragments, or null past the budget. */
export function mostRepeatedField(document: DocumentNode): RepeatedField | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Per fragment, how often it selects each path below itself.
  const fragmentCounts = new Map<string, Map<string, number>>();
  const expanding = new Set<string>();
  let work = 0;

  const add = (into: Map<string, number>, path: string, count: number) => {
    if (++work > WORK_BUDGET) throw OVER_BUDGET;
    into.set(path, (into.get(path) ?? 0) + count);
  };

  const countsOf = (name: string): Map<string, number> => {
    const known = fragmentCounts.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    const counts = new Map<string, number>();
    // A cycle or an unknown fragment is graphql's own validation error.
    if (!fragment || expanding.has(name)) return counts;
    expanding.add(name);
    collect(fragment.selectionSet, '', counts);
    expanding.delete(name);
    fragmentCounts.set(name, counts);
    return counts;
  };

  const collect = (set: SelectionSetNode, prefix: string, into: Map<string, number>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + (selection.alias ?? selection.name).value;
        add(into, path, 1);
        if (selection.selectionSet) collect(selection.selectionSet, `${path}.`, into);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, prefix, into);
      } else {
        for (const [path, count] of countsOf(selection.name.value)) add(into, prefix + path, count);
      }
    }
  };

  const roots: Map<string, number>[] = [];
  try {
    for (const d of document.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION) continue;
      const counts = new Map<string, number>();
      collect(d.selectionSet, '', counts);
      roots.push(counts);
    }
    for (const name of fragments.keys()) roots.push(countsOf(name));
  } catch (error) {
    if (error === OVER_BUDGET) return null;
    throw error;
  }
  let worst: RepeatedField | null = null;
  for (const counts of roots) for (const [path, count] of counts) if (worst === null || count > worst.count) worst = { path, count };
  return worst;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function maxFieldRepeatsRule(n: number): ValidationRule {
  return (context) => ({
    Document(node) {
      const found = mostRepeatedField(node);
      if (!found || found.count <= n) return;
      const refusal = new HubgraphError(ErrorCodes.BAD_USER_INPUT, `Field repetition limit of ${fmt(n)} exceeded, found \`${found.path}\` selected ${fmt(found.count)} times.`, {
        hint: 'select each field once where it appears',
      });
      context.reportError(new GraphQLError(refusal.message, { originalError: refusal }));
    },
  });
}
