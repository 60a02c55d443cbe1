/**
 * Reading the merged XDM profile defensively, with the governance denylist applied on every read.
 */

export interface XdmReader {
    /** The value at a dotted path, or undefined when absent, not reachable or denied. */
    get(path: string): unknown;
    /** A child map at the path (e.g. identityMap), own keys only, denied children removed. */
    entries(path: string): Array<[string, unknown]>;
    isDenied(path: string): boolean;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** At most `max` items: AEP arrays can be huge and the card never needs more than its cap. */
export function asArray(value: unknown, max: number): unknown[] {
    return Array.isArray(value) ? value.slice(0, max) : [];
}

/** Keys read from one object; a junk profile with a million keys is not walked whole. */
const MAX_KEYS = 2000;

export function createXdmReader(root: unknown, denylist: readonly string[]): XdmReader {
    const denied = denylist.map((d) => d.toLowerCase());
    const isDenied = (path: string) => {
        const p = path.toLowerCase();
        return denied.some((d) => p === d || p.startsWith(`${d}.`));
    };
    const get = (path: string): unknown => {
        if (isDenied(path)) return undefined;
        let node: unknown = root;
        for (const key of path.split('.')) {
            const rec = asRecord(node);
            if (rec === null || !Object.hasOwn(rec, key)) return undefined;
            node = rec[key];
        }
        return node;
    };
    const entries = (path: string): Array<[string, unknown]> => {
        const rec = asRecord(get(path));
        if (rec === null) return [];
        const out: Array<[string, unknown]> = [];
        for (const key in rec) {
            if (!Object.hasOwn(rec, key)) continue;
            if (out.length >= MAX_KEYS) break;
            if (!isDenied(`${path}.${key}`)) out.push([key, rec[key]]);
        }
        return out;
    };
    return { get, entries, isDenied };
}
