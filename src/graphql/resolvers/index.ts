/**
 * All resolvers, one map per area, merged. A resolver is thin: it validates nothing the schema
 * already guarantees, calls one domain function with the context's dependencies, and returns.
 */
import { analyticsResolvers } from './analytics.js';
import { coreResolvers } from './core.js';
import { creatorResolvers } from './creators.js';
import { entityResolvers } from './entities.js';
import { modelResolvers } from './models.js';
import { mutationResolvers } from './mutations.js';

type ResolverMap = Record<string, Record<string, unknown>>;

export function mergeResolvers(...maps: ResolverMap[]): ResolverMap {
  const out: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const existing = out[type] ?? {};
      for (const field of Object.keys(fields)) {
        if (field in existing) throw new Error(`resolver ${type}.${field} is defined twice`);
      }
      out[type] = { ...existing, ...fields };
    }
  }
  return out;
}

export const resolvers = mergeResolvers(coreResolvers, creatorResolvers, entityResolvers, modelResolvers, mutationResolvers, analyticsResolvers);
