/**
 * The smallest `Reflect` metadata API that `tsyringe` (a dependency of `@peculiar/x509`) checks for
 * and calls when it is loaded: `getMetadata`, `getOwnMetadata`, `defineMetadata`. No polyfill package
 * is installed, and `@peculiar/x509` refuses to load without one. Installed only when absent, so a
 * real polyfill loaded elsewhere wins.
 */

type Target = object;
type MetadataMap = Map<unknown, unknown>;

const store = new WeakMap<Target, Map<string | symbol | undefined, MetadataMap>>();

function ownMap(
  target: Target,
  property: string | symbol | undefined,
  create: boolean,
): MetadataMap | undefined {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let map = byProperty.get(property);
  if (!map && create) {
    map = new Map();
    byProperty.set(property, map);
  }
  return map;
}

function getOwnMetadata(key: unknown, target: Target, property?: string | symbol): unknown {
  return ownMap(target, property, false)?.get(key);
}

function getMetadata(key: unknown, target: Target, property?: string | symbol): unknown {
  // Walk the prototype chain, bounded (prototype chains are short; the bound guards against cycles).
  let current: Target | null = target;
  for (let depth = 0; current !== null && depth < 64; depth += 1) {
    const map = ownMap(current, property, false);
    if (map?.has(key)) return map.get(key);
    current = Object.getPrototypeOf(current) as Target | null;
  }
  return undefined;
}

function defineMetadata(key: unknown, value: unknown, target: Target, property?: string | symbol): void {
  ownMap(target, property, true)?.set(key, value);
}

interface ReflectWithMetadata {
  getMetadata?: typeof getMetadata;
  getOwnMetadata?: typeof getOwnMetadata;
  defineMetadata?: typeof defineMetadata;
}

/** Installs the three functions on the global `Reflect` unless a metadata polyfill is already there. */
export function installReflectMetadata(): void {
  const reflect = Reflect as unknown as ReflectWithMetadata;
  if (typeof reflect.getMetadata === 'function') return;
  Object.assign(reflect, { getMetadata, getOwnMetadata, defineMetadata });
}
