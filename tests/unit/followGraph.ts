/** Follow graphs for the in-memory stored-list tests, from [follower, followee] pairs. */
import { DirectedGraph } from '../../src/analytics/graphology.js';
import { toCsr, type Csr } from '../../src/analytics/projection.js';

export function followCsr(edges: Array<[string, string]>): Csr {
  const g = new DirectedGraph();
  for (const [a, b] of edges) {
    g.mergeNode(a);
    g.mergeNode(b);
    g.mergeDirectedEdge(a, b);
  }
  return toCsr(g);
}
