/**
 * The plain-data shape of an SDK model: string enums become their string literals, nested models and
 * arrays likewise. Methods never appear (the models have only static ones).
 */
export type Plain<T> = T extends string
  ? `${T}`
  : T extends Date
    ? T
    : T extends readonly (infer Item)[]
      ? Plain<Item>[]
      : T extends object
        ? { [Key in keyof T]: Plain<T[Key]> }
        : T;

/**
 * SDK 14 declares request bodies as classes with string enums, but they are plain data: its
 * ObjectSerializer reads fields by name and never needs an instance. This says so once, with the fields
 * still type-checked against the model, instead of constructing empty instances field by field.
 */
export function sdkModel<Model>(value: Plain<Model>): Model {
  return value as unknown as Model;
}
