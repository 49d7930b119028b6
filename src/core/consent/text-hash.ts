/**
 * SHA-256 of a text, hex. The ledger records it for the exact consent text shown, so a changed
 * text is recognised as not consented to (SPEC 3.5, 3.7). Uses Web Crypto, available in browsers
 * (secure contexts, which includes localhost) and in Node.
 */
export async function hashText(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
