// Gives the release build's imports from the glue, and the glue's longest exports, short names,
// in the wasm and in the glue alike (scripts/split-wasm.mjs calls it between wasm-bindgen and
// wasm-opt).
//
// Why: wasm-bindgen names each import after the JavaScript it calls plus a 16-digit hash
// (`__wbg_querySelector_72201b7c62dc196b`), and each closure's entry point after its whole Rust
// type (some 200 characters). Every name is written twice, in the wasm's import or export
// section and in the glue, and the hashes do not compress. Renamed to one or two letters (166
// imports, 5 exports), the glue goes from 20.1 to 14.3 KiB raw and 5.2 to 3.4 KiB of brotli,
// the main wasm from 88.2 to 85.8 KiB of brotli: 4.2 KiB off every first load (scripts/size.mjs).
//
// The glue is matched by exact name, and each name must be found where it is expected (an
// import as one key of the import object, an export only as `wasm.<name>`), or the build stops:
// a name left behind would be a call to nothing.
import {
  EXPORT_SECTION,
  IMPORT_SECTION,
  entries,
  name,
  readLeb,
  readName,
  rewriteSections,
  skipExport,
  vector,
} from './wasm-sections.mjs';

/** Exports longer than this, reached by the glue alone, are renamed: wasm-bindgen's closure
 *  entry points. Shorter ones keep their names (the chunk loader and trunk use some). */
const LONG_EXPORT = 40;

/** The `n`th short name: a…z, A…Z, then two letters. */
function short(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let out = '';
  do {
    out = letters[n % letters.length] + out;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return out;
}

/** Where the import entry at `at` ends: module, name, then the description of its kind. */
function skipImport(body, at) {
  const [, afterModule] = readName(body, at);
  const [, afterName] = readName(body, afterModule);
  const kind = body[afterName];
  let pos = afterName + 1;
  const limits = () => {
    const flags = body[pos++];
    [, pos] = readLeb(body, pos);
    if (flags & 1) [, pos] = readLeb(body, pos);
  };
  switch (kind) {
    case 0: // function: a type index
      return readLeb(body, pos)[1];
    case 1: // table: a reference type, then limits
      pos += 1;
      limits();
      return pos;
    case 2: // memory: limits
      limits();
      return pos;
    case 3: // global: a value type and mutability
      return pos + 2;
    case 4: // tag: an attribute and a type index
      return readLeb(body, pos + 1)[1];
    default:
      throw new Error(`short-names: an import of unknown kind ${kind}`);
  }
}

const escape = (text) => text.replace(/[$]/g, '\\$');
const occurrences = (js, pattern) => [...js.matchAll(pattern)].length;

/**
 * The wasm (a Buffer) and its glue (`js`) with the imports of module `glueModule` (the glue's
 * `./NAME_bg.js`) and the long exports renamed alike. Returns both and how many names changed.
 */
export function shortenNames(wasm, js, glueModule) {
  let glue = js;
  let next = 0;
  let imports = 0;
  let exports = 0;
  const renamed = rewriteSections(wasm, {
    [IMPORT_SECTION]: (body) =>
      vector(entries(body, skipImport).map((entry) => {
        const [module, afterModule] = readName(entry, 0);
        const [old, afterName] = readName(entry, afterModule);
        if (module !== glueModule) return entry;
        const key = new RegExp(`(?<![\\w$])${escape(old)}(?=\\s*:)`, 'g');
        const any = new RegExp(`(?<![\\w$])${escape(old)}(?![\\w$])`, 'g');
        if (occurrences(glue, key) !== 1 || occurrences(glue, any) !== 1) {
          throw new Error(`short-names: the glue does not name import ${old} once, as a key`);
        }
        const fresh = short(next++);
        glue = glue.replace(key, fresh);
        imports++;
        return Buffer.concat([name(module), name(fresh), entry.subarray(afterName)]);
      })),
    [EXPORT_SECTION]: (body) =>
      vector(entries(body, skipExport).map((entry) => {
        const [old, afterName] = readName(entry, 0);
        if (old.length <= LONG_EXPORT) return entry;
        const call = new RegExp(`(?<![\\w$])wasm\\.${escape(old)}(?![\\w$])`, 'g');
        const any = new RegExp(`[.'"]${escape(old)}(?![\\w$])`, 'g');
        const calls = occurrences(glue, call);
        if (calls === 0 || occurrences(glue, any) !== calls) {
          throw new Error(`short-names: the glue reaches export ${old.slice(0, 60)}… other than as wasm.<name>`);
        }
        // Exports share no namespace with imports, but must not meet a kept export: `$` marks them.
        const fresh = `$${short(exports)}`;
        glue = glue.replace(call, `wasm.${fresh}`);
        exports++;
        return Buffer.concat([name(fresh), entry.subarray(afterName)]);
      })),
  });
  if (imports === 0) throw new Error(`short-names: the wasm imports nothing from ${glueModule}`);
  return { wasm: renamed, js: glue, imports, exports };
}
