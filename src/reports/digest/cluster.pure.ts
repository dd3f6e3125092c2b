import { addInto, dot, unit, type TermVector } from './tfidf.pure.ts';

export interface ClusterOptions {
  /** The cosine a document needs with a cluster's centroid to belong to it. */
  threshold: number;
  /** Reassignment passes after the first; they stop early once nothing moves. */
  maxPasses: number;
}

/** Tuned on the sandbox's bilingual comments and tickets: 0.3 keeps "export" and "SSO" requests apart. */
export const defaultClusterOptions: ClusterOptions = { threshold: 0.3, maxPasses: 10 };

/**
 * Groups unit vectors by cosine similarity, deterministically (the same vectors in the same order always
 * give the same groups). A leader pass puts each document in the most similar cluster so far when the
 * cosine with its centroid reaches the threshold, else starts a cluster; then, k-means style, every document
 * moves to its most similar centroid until nothing moves. Returns each document's cluster, numbered in order
 * of first appearance; an empty vector is a cluster of its own.
 */
export function clusterVectors(vectors: readonly TermVector[], options = defaultClusterOptions): number[] {
  const sums: Map<string, number>[] = [];
  // Kept beside the sums so each document costs one centroid update, not a rebuild of all of them.
  const leaders: TermVector[] = [];
  const assignment: number[] = [];
  for (const vector of vectors) {
    const best = vector.size === 0 ? undefined : mostSimilar(leaders, vector, options.threshold);
    if (best === undefined) {
      sums.push(new Map(vector));
      leaders.push(vector);
      assignment.push(sums.length - 1);
    } else {
      const sum = sums[best] ?? new Map<string, number>();
      addInto(sum, vector);
      leaders[best] = unit(sum);
      assignment.push(best);
    }
  }
  for (let pass = 0; pass < options.maxPasses; pass += 1) {
    const centroids = sums.map(unit);
    let moved = 0;
    vectors.forEach((vector, index) => {
      if (vector.size === 0) return;
      const current = assignment[index] ?? 0;
      const best = mostSimilar(centroids, vector, -1) ?? current;
      const empty = new Map<string, number>();
      // Only a strictly better centroid moves a document, so ties never make it oscillate.
      if (best === current) return;
      if (dot(centroids[best] ?? empty, vector) <= dot(centroids[current] ?? empty, vector)) return;
      addInto(sums[current] ?? new Map<string, number>(), vector, -1);
      addInto(sums[best] ?? new Map<string, number>(), vector);
      assignment[index] = best;
      moved += 1;
    });
    if (moved === 0) break;
  }
  return renumber(assignment);
}

/** The first centroid with the highest cosine at or above `threshold`. */
export function mostSimilar(
  centroids: readonly TermVector[],
  vector: TermVector,
  threshold: number,
): number | undefined {
  let best: number | undefined;
  let bestScore = threshold;
  centroids.forEach((centroid, index) => {
    if (centroid.size === 0) return;
    const score = dot(centroid, vector);
    if (score > bestScore || (best === undefined && score >= bestScore)) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function renumber(assignment: readonly number[]): number[] {
  const numbers = new Map<number, number>();
  return assignment.map((cluster) => {
    const known = numbers.get(cluster);
    if (known !== undefined) return known;
    numbers.set(cluster, numbers.size);
    return numbers.size - 1;
  });
}
