// Reading and rewriting a wasm module's sections, for the release build's post-build steps
// (unused-exports.mjs, short-names.mjs): just the binary format's framing, no dependency.

/** The unsigned LEB128 number at `pos` in `buf`, and the position after it. */
export function readLeb(buf, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

/** `value` as unsigned LEB128. */
export function leb(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    bytes.push(byte);
  } while (value);
  return Buffer.from(bytes);
}

/** A name (a length, then UTF-8) at `pos`: the text and the position after it. */
export function readName(buf, pos) {
  const [length, at] = readLeb(buf, pos);
  return [buf.subarray(at, at + length).toString('utf8'), at + length];
}

/** `text` as a wasm name. */
export function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
}

/**
 * `wasm` with the body of each section whose id `rewrite` maps replaced by what that function
 * returns for the old body (a Buffer); other sections are kept byte for byte.
 */
export function rewriteSections(wasm, rewrite) {
  const parts = [wasm.subarray(0, 8)];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, body] = readLeb(wasm, pos + 1);
    const end = body + size;
    if (rewrite[id]) {
      const section = rewrite[id](wasm.subarray(body, end));
      parts.push(Buffer.from([id]), leb(section.length), section);
    } else {
      parts.push(wasm.subarray(pos, end));
    }
    pos = end;
  }
  return Buffer.concat(parts);
}

/** The entries of a vector section (a count, then entries) as Buffers, each from its start to
 *  where `skip(body, at)` says it ends. */
export function entries(body, skip) {
  let [count, at] = readLeb(body, 0);
  const out = [];
  for (; count > 0; count--) {
    const end = skip(body, at);
    out.push(body.subarray(at, end));
    at = end;
  }
  return out;
}

/** Where the export entry at `at` ends: its name, a kind byte, an index. */
export const skipExport = (body, at) => readLeb(body, readName(body, at)[1] + 1)[1];

/** A vector section again from its entries. */
export const vector = (items) => Buffer.concat([leb(items.length), ...items]);

export const IMPORT_SECTION = 2;
export const EXPORT_SECTION = 7;
