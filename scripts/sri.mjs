// The subresource-integrity hash trunk writes in index.html, for the post-build hooks that
// replace a file trunk hashed (split-wasm.mjs, minify-glue.mjs).
import { createHash } from 'node:crypto';

/** `sha384-…` of `body`, as in an `integrity` attribute. */
export const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
