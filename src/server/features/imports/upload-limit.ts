import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

export class TooLargeError extends Error {}

/**
 * The body, failing with `TooLargeError` once more than `limit` bytes have come: a body taken as a stream is not
 * held to the route's body limit, and a file must not fill the database or the disk before it is refused.
 */
export function atMost(body: NodeJS.ReadableStream, limit: number): NodeJS.ReadableStream {
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > limit ? new TooLargeError(`more than ${limit} bytes`) : null, chunk);
    },
  });
  // The sender going away fails the counted stream too, so whoever reads it is never left waiting.
  pipeline(body, counted).catch(() => {});
  return counted;
}
