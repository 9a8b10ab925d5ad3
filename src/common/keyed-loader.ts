import DataLoader from 'dataloader';

/**
 * A DataLoader over a batch function that answers with a Map keyed by string: every key of one
 * tick goes to the database in one call, and keys the map lacks get `missing` (null or []).
 */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<Map<string, V>>,
  missing: V,
  cacheKey: (key: K) => string = String,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const found = await fetch(keys);
      return keys.map((key) => found.get(cacheKey(key)) ?? missing);
    },
    { cacheKeyFn: cacheKey },
  );
}
