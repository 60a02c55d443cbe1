import { createHash } from 'node:crypto';

/**
 * AEP's XIDs are opaque base64url-ish strings (real ones look like `A28iM3aJBJRbEQpOnUh5HOM9`).
 * We derive them deterministically from the namespace and the identity value so that the same
 * identity always gets the same XID across runs.
 * The namespace part is lower-cased because namespace codes are compared case-insensitively.
 */
export function deriveXid(namespaceCode: string, id: string): string {
    const digest = createHash('sha1').update(`${namespaceCode.toLowerCase()}:${id}`).digest('base64url');
    return `A${digest.slice(0, 23)}`;
}
