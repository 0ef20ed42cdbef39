/** How each auth kind of the spec puts credentials in the Authorization header. */
import type { ProviderOperation } from "../contract/providers.js";

export interface Credentials {
  user?: string;
  secret: string;
}

/** Base64 of `text`'s UTF-8 bytes, with what every runtime has (no Node Buffer). */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export const authorization: Record<ProviderOperation["auth"], (credentials: Credentials) => string> = {
  basic: ({ user, secret }) => `Basic ${base64Utf8(`${user ?? ""}:${secret}`)}`,
  bearer: ({ secret }) => `Bearer ${secret}`,
};
