/**
 * Freezes `value` and everything reachable from it, in place, and returns it. For values shared once built: the
 * configuration (config.ts) and validated look-up bodies handed to every request with the same bytes
 * (http/parseLookupBody.ts). Already frozen objects are not walked again.
 */
export function deepFreeze<T>(value: T): T {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) deepFreeze(v);
    }
    return value;
}
