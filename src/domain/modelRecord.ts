/**
 * The Model (and Creator) fields the model-side questions return (the GraphQL `Model` type's own fields). Cypher
 * projects exactly these (`m {.id, .name, …}`) so a result never drags tagText or provenance along.
 */
export type { ModelNode as ModelRecord } from './entities.js';

/** The Creator fields the model-side questions return (the GraphQL `Creator` type's own fields). */
export interface CreatorRecord {
  id: string;
  name: string | null;
  kind: string | null;
  source: string | null;
}
