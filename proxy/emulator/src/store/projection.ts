import type { XdmObject } from './dataset';

/**
 * `fields=` projection of the Profile Access API: keep only the listed XDM paths and their parents.
 * A path that reaches an array applies the rest of the path to every element (e.g. `productListItems.SKU`).
 */
export function projectFields(entity: XdmObject, fields: readonly string[]): XdmObject {
    const result: XdmObject = {};
    for (const field of fields) {
        const path = field.split('.');
        mergeInto(result, pick(entity, path));
    }
    return result;
}

function pick(value: unknown, path: readonly string[]): XdmObject | undefined {
    if (path.length === 0 || !isObject(value)) return undefined;
    const [head, ...rest] = path as [string, ...string[]];
    if (!(head in value)) return undefined;
    const child = value[head];
    if (rest.length === 0) return { [head]: structuredClone(child) };
    if (Array.isArray(child)) {
        const items = child.map((item) => pick(item, rest)).filter((item): item is XdmObject => item !== undefined);
        return items.length > 0 ? { [head]: items } : undefined;
    }
    const inner = pick(child, rest);
    return inner === undefined ? undefined : { [head]: inner };
}

function mergeInto(target: XdmObject, source: XdmObject | undefined): void {
    if (!source) return;
    for (const [key, value] of Object.entries(source)) {
        const existing = target[key];
        if (isObject(existing) && isObject(value)) mergeInto(existing, value);
        else if (Array.isArray(existing) && Array.isArray(value)) {
            value.forEach((item, i) => {
                const slot = existing[i];
                if (isObject(slot) && isObject(item)) mergeInto(slot, item);
                else existing[i] = item;
            });
        } else target[key] = value;
    }
}

/** Computed attributes appear only with withCA=true (https://experienceleague.adobe.com/en/docs/experience-platform/profile/api/entities). */
export function withoutComputedAttributes(entity: XdmObject, tenant: string): XdmObject {
    const tenantBlock = entity[tenant];
    if (!isObject(tenantBlock) || !('SystemComputedAttributes' in tenantBlock)) return entity;
    const { SystemComputedAttributes: _removed, ...rest } = tenantBlock;
    return { ...entity, [tenant]: rest };
}

export function isObject(value: unknown): value is XdmObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a dotted path (used by event property filters). */
export function readPath(value: unknown, path: string): unknown {
    let current: unknown = value;
    for (const part of path.split('.')) {
        if (!isObject(current)) return undefined;
        current = current[part];
    }
    return current;
}
