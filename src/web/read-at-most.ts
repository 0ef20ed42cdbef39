/**
 * A web stream (a fetch body) read whole, but never past `limit` bytes: past it, the stream is cancelled and
 * what was read is dropped, so memory stays bounded whatever the other side sends. Used by the client (a
 * response) and the MSW handlers (a request); a stream that errors rejects.
 */
export async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | "tooLarge"> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a body MSW mocked never settles its cancel (mswjs/interceptors#799); the stream is let go
      // either way, and what was read is dropped.
      reader.cancel().catch(() => undefined);
      return "tooLarge";
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
