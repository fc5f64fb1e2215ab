/**
 * Document order across shadow trees: a shadow tree's content sits where its host stands.
 */
import type { Occurrence } from './occurrences';

/** Whether `a` starts before `b` in shadow-including document order. */
export function comesBefore(a: Occurrence, b: Occurrence): boolean {
  const nodeA = a.range.startContainer;
  const nodeB = b.range.startContainer;
  if (nodeA === nodeB) return a.range.startOffset < b.range.startOffset;
  // Nodes in different trees (document and shadow root) are "disconnected" for compareDocumentPosition,
  // whose order for them is implementation-specific: Chrome gives the shadow-including order, Firefox
  // puts shadow content before the whole document. Compare the nodes (or hosts) of the first tree where
  // the two differ instead.
  const chainA = treeChain(nodeA);
  const chainB = treeChain(nodeB);
  let level = 0;
  while (level < chainA.length - 1 && level < chainB.length - 1 && chainA[level] === chainB[level]) level++;
  const [x, y] = [chainA[level]!, chainB[level]!];
  if (x === y) return chainA.length < chainB.length; // a host comes before its shadow tree's content
  return (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** The node's shadow hosts, outermost first, then the node itself. */
function treeChain(node: Node): Node[] {
  const chain = [node];
  for (let root = node.getRootNode(); root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && (root as ShadowRoot).host; root = chain[0]!.getRootNode()) {
    chain.unshift((root as ShadowRoot).host);
  }
  return chain;
}
