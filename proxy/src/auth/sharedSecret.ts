import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time check of the `X-Proxy-Key` header (External Credential "Custom" protocol).
 * Both sides are hashed first so the comparison runs on equal-length buffers whatever the caller sends;
 * timingSafeEqual would otherwise throw on a length mismatch and leak the secret's length.
 */
export function createSharedSecretCheck(secret: string): (presented: string) => boolean {
    const expected = createHash('sha256').update(secret, 'utf8').digest();
    return (presented) => timingSafeEqual(createHash('sha256').update(presented, 'utf8').digest(), expected);
}
