import { hash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time check of the `X-Proxy-Key` header (External Credential "Custom" protocol).
 * Both sides are hashed first so the comparison runs on equal-length buffers whatever the caller sends;
 * timingSafeEqual would otherwise throw on a length mismatch and leak the secret's length. One-shot
 * `hash` rather than a Hash object per request: this runs on every look-up, cache hits included.
 */
export function createSharedSecretCheck(secret: string): (presented: string) => boolean {
    const expected = hash('sha256', secret, 'buffer');
    return (presented) => timingSafeEqual(hash('sha256', presented, 'buffer'), expected);
}
