/** A document as weights per stem, of unit length (so a dot product is the cosine). */
export type TermVector = ReadonlyMap<string, number>;

/**
 * TF-IDF vectors of tokenised documents: raw term counts times the smoothed inverse document frequency
 * ln((1 + n) / (1 + df)) + 1, scaled to unit length. A document with no terms gets an empty vector.
 */
export function tfidfVectors(documents: readonly (readonly string[])[]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  return documents.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const weighted = new Map<string, number>();
    for (const [term, count] of counts) {
      const idf = Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
      weighted.set(term, count * idf);
    }
    return unit(weighted);
  });
}

export function unit(vector: ReadonlyMap<string, number>): Map<string, number> {
  let squares = 0;
  for (const weight of vector.values()) squares += weight * weight;
  const length = Math.sqrt(squares);
  const scaled = new Map<string, number>();
  if (length === 0) return scaled;
  for (const [term, weight] of vector) scaled.set(term, weight / length);
  return scaled;
}

/** Dot product; the cosine when both are unit vectors. */
export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}

/** Adds `vector` into `into` (a centroid's running sum). */
export function addInto(into: Map<string, number>, vector: TermVector, sign = 1): void {
  for (const [term, weight] of vector) {
    const next = (into.get(term) ?? 0) + sign * weight;
    if (Math.abs(next) < 1e-12) into.delete(term);
    else into.set(term, next);
  }
}
