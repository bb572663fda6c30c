/**
 * How deep introspection nests `ofType`, as a validation rule. graphql's own
 * MaxIntrospectionDepthRule (in its specified rules) bounds the list fields of `__Type` (`fields`,
 * `interfaces`, …), and graphql-armor's depth rule skips `__schema` whole; `ofType` was left
 * unbounded, and 30 nested levels were answered. A type reference needs one level per wrapper
 * (`[Model!]!` is three); graphql's getIntrospectionQuery() asks for 9 (older versions 7).
 */
import { GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';
import { ErrorCodes, HubgraphError } from '../../errors.js';

export function maxOfTypeDepthRule(n: number): ValidationRule {
  return (context) => {
    // The deepest `ofType` chain inside each fragment (TypeRef is one), computed once.
    const fragmentDepths = new Map<string, number>();
    const expanding = new Set<string>();

    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      // A cycle or an unknown fragment is graphql's own validation error.
      if (!fragment || expanding.has(name)) return 0;
      expanding.add(name);
      const depth = deepest(fragment.selectionSet);
      expanding.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };

    const deepest = (set: SelectionSetNode | undefined): number => {
      let max = 0;
      for (const selection of set?.selections ?? []) {
        const depth =
          selection.kind === Kind.FIELD
            ? (selection.name.value === 'ofType' ? 1 : 0) + deepest(selection.selectionSet)
            : selection.kind === Kind.INLINE_FRAGMENT
              ? deepest(selection.selectionSet)
              : fragmentDepth(selection.name.value);
        max = Math.max(max, depth);
      }
      return max;
    };

    return {
      Field(node) {
        if (node.name.value !== '__schema' && node.name.value !== '__type') return;
        const found = deepest(node.selectionSet);
        if (found <= n) return;
        const refusal = new HubgraphError(ErrorCodes.BAD_USER_INPUT, `Introspection depth limit of ${n} nested \`ofType\` exceeded, found ${found}.`, {
          hint: 'the standard introspection query asks for 9',
        });
        context.reportError(new GraphQLError(refusal.message, { nodes: [node], originalError: refusal }));
      },
    };
  };
}
