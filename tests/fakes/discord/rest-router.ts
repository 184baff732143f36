// A tiny method + path-pattern router. Patterns use `:name` segments; literal segments such as `@me` and
// `@original` must be registered before the `:param` route they would otherwise fall into.

export type RouteParams = Record<string, string>;

interface Route<Handler> {
  method: string;
  segments: string[];
  pattern: string;
  handler: Handler;
}

export class Router<Handler> {
  readonly #routes: Route<Handler>[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.#routes.push({ method: method.toUpperCase(), segments: pattern.split("/").filter(Boolean), pattern, handler });
    return this;
  }

  /** The first route matching method and path, with its parameters; `methodNotAllowed` if only the path matched. */
  match(method: string, path: string): { handler: Handler; params: RouteParams; pattern: string } | { methodNotAllowed: boolean } {
    const segments = path.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method !== method.toUpperCase()) {
        pathMatched = true;
        continue;
      }
      return { handler: route.handler, params, pattern: route.pattern };
    }
    return { methodNotAllowed: pathMatched };
  }
}

function matchSegments(pattern: string[], actual: string[]): RouteParams | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: RouteParams = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? "";
    const value = actual[i] ?? "";
    if (expected.startsWith(":")) params[expected.slice(1)] = value;
    else if (expected !== value) return undefined;
  }
  return params;
}
