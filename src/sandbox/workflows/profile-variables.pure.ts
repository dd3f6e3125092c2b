/** A profile's `variables` (hsprofile.<name>.json): HubSpot allows only these value types. */
export type ProfileVariables = Readonly<Record<string, string | number | boolean>>;

const placeholder = /\$\{(.*?)\}/g;
const wholePlaceholder = /^\$\{([^}]+)\}$/;

/** A `${name}` with no value in the profile; HubSpot's upload fails the same way. */
export class MissingProfileVariableError extends Error {
  override readonly name = 'MissingProfileVariableError';
  readonly variable: string;
  constructor(variable: string) {
    super(`profile variable \${${variable}} has no value in the sandbox's configuration`);
    this.variable = variable;
  }
}

/**
 * Substitutes `${name}` in every string of an hsmeta config the way @hubspot/project-parsing-lib does on upload
 * (src/lib/profiles.js): a string that is exactly one placeholder keeps the variable's type, any other string
 * gets the values as text.
 */
export function resolveProfileVariables(value: unknown, variables: ProfileVariables): unknown {
  if (typeof value === 'string') {
    const whole = wholePlaceholder.exec(value);
    if (whole !== null) return lookup(whole[1] ?? '', variables);
    return value.replace(placeholder, (_match, name: string) => String(lookup(name, variables)));
  }
  if (Array.isArray(value)) return value.map((item) => resolveProfileVariables(item, variables));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveProfileVariables(item, variables)]),
    );
  }
  return value;
}

function lookup(name: string, variables: ProfileVariables): string | number | boolean {
  const found = Object.hasOwn(variables, name) ? variables[name] : undefined;
  if (found === undefined) throw new MissingProfileVariableError(name);
  return found;
}
