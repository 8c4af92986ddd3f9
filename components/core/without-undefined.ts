/**
 * Plain objects (and the plain objects inside them) without the keys set to `undefined`: a key
 * written as `{ instanceType: undefined }` then counts as absent, as a reader expects, instead of
 * replacing a default in a `{ ...defaults, ...overrides }` merge with the default of the part the
 * value is passed to. An object with no such key is returned itself, so identities other
 * components know it by (a Kubernetes target, a connection) hold; anything that is not a plain
 * object or an array (an Output, a component, a provider) is kept as it is.
 */
export function withoutUndefined<T>(value: T): T {
    if (Array.isArray(value)) {
        const items = value.map((item: unknown) => withoutUndefined(item));
        return (items.every((item, i) => item === value[i]) ? value : items) as T;
    }
    if (value === null || typeof value !== "object") return value;
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
        if (item === undefined) {
            changed = true;
            continue;
        }
        const kept = withoutUndefined(item);
        if (kept !== item) changed = true;
        copy[key] = kept;
    }
    return (changed ? copy : value) as T;
}
