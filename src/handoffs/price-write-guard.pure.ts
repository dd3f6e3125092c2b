/**
 * Harbor never edits a price or a deal amount: the renewal price is finance's decision (a hand-off), never a
 * write of Harbor's. These are the objects and properties that carry money in HubSpot; the gateway refuses any
 * create, update or upsert of them (src/handoffs/price-write-guard.ts), and a static walk of src/ proves no
 * code path tries (src/handoffs/no-price-writes.test.ts).
 */

/** Deals, line items, products and quotes, by name and by object type id (0-3, 0-8, 0-7, 0-14). */
const priceObjectTypes = new Map<string, 'deals' | 'line_items' | 'products' | 'quotes'>([
  ['deals', 'deals'],
  ['deal', 'deals'],
  ['0-3', 'deals'],
  ['line_items', 'line_items'],
  ['line_item', 'line_items'],
  ['0-8', 'line_items'],
  ['products', 'products'],
  ['product', 'products'],
  ['0-7', 'products'],
  ['quotes', 'quotes'],
  ['quote', 'quotes'],
  ['0-14', 'quotes'],
]);

// Deals: `amount`, the currency-converted amounts, and the revenue HubSpot derives from them (ACV, ARR, MRR,
// TCV). Line items, products, quotes: anything that sets what the customer pays.
const dealMoney = /amount|price|discount|^hs_(acv|arr|mrr|tcv)$/i;
const lineMoney = /amount|price|discount|quantity|margin|cost|hs_recurring_billing|hs_term/i;

export function priceObjectType(objectType: string): 'deals' | 'line_items' | 'products' | 'quotes' | null {
  return priceObjectTypes.get(objectType.toLowerCase()) ?? null;
}

/** The money properties among `properties` for a write of `objectType` (none for other objects). */
export function priceProperties(objectType: string, properties: Iterable<string>): string[] {
  const type = priceObjectType(objectType);
  if (type === null) return [];
  const pattern = type === 'deals' ? dealMoney : lineMoney;
  return [...properties].filter((name) => pattern.test(name));
}
