// Takes wasm-streams' JavaScript classes out of the release build: their exports and their
// wasm-bindgen descriptions leave the linked wasm before it is split (scripts/split-wasm.mjs),
// so neither wasm-bindgen's glue nor any part of the split wasm carries them.
//
// Why: leptos links server_fn, which links wasm-streams for streamed server functions; its
// `#[wasm_bindgen]` classes (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink)
// are exports, so neither the linker nor wasm-opt may drop them, and the splitter keeps all
// they reach (their futures, their error messages) in the main module. dealform has no server
// functions: nothing makes such an object. Taken out before the split, with the entries in
// wasm-bindgen's custom section that describe them (wasm-bindgen would look for the exports
// those name), they go with all they reach. Taken out of the glue and the wasm after
// wasm-bindgen (as first done, at 24b2e42), they saved 1.1 KiB of brotli; taken out here, 3.0
// KiB more (scripts/size.mjs: main wasm 85.5 -> 82.6 KiB, glue 3.4 -> 3.3).
//
// Each step checks that it found what it expects and throws otherwise: a wasm-bindgen or
// wasm-streams that changes shape stops the build, rather than building something else.
import { EXPORT_SECTION, entries, name, readName, rewriteSections, skipExport, vector } from './wasm-sections.mjs';

/** The classes taken out, as wasm-bindgen names them. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The crate whose classes these are, as wasm-bindgen's descriptions name its modules. */
const CRATE = 'wasm_streams::';

/** The custom section in which wasm-bindgen's macros describe what they export and import. */
const BINDGEN_SECTION = '__wasm_bindgen_unstable';

/** Whether `exported` is one of `cls`'s exports in the linked wasm: its methods, its `free`,
 *  and the describe functions wasm-bindgen reads them by, each with the crate's hash after. */
const exportOf = (cls) => {
  const lower = cls.toLowerCase();
  return (exported) =>
    exported.startsWith(`${lower}_`) ||
    exported.startsWith(`__wbg_${lower}_free_`) ||
    exported.startsWith(`__wbindgen_describe_${lower}_`);
};

/**
 * The linked wasm (`wasm`, a Buffer, before wasm-split and wasm-bindgen) without `classes`:
 * their exports, and the programs in wasm-bindgen's section that declare them (each a blob of
 * schema version then a blob of program, both prefixed with their length). Returns the new
 * wasm and what it took out.
 */
export function dropUnusedClasses(wasm, classes = UNUSED_CLASSES) {
  const exports = [];
  const programs = [];
  const out = rewriteSections(wasm, {
    [EXPORT_SECTION]: (body) =>
      vector(entries(body, skipExport).filter((entry) => {
        const [text] = readName(entry, 0);
        if (!classes.some((cls) => exportOf(cls)(text))) return true;
        exports.push(text);
        return false;
      })),
    0: (body) => {
      const [section, at] = readName(body, 0);
      if (section !== BINDGEN_SECTION) return body;
      const blobs = [];
      for (let pos = at; pos < body.length; ) {
        const end = pos + 4 + body.readUInt32LE(pos);
        if (end > body.length) throw new Error(`unused-exports: ${BINDGEN_SECTION} ends inside a blob`);
        blobs.push(body.subarray(pos, end));
        pos = end;
      }
      if (blobs.length % 2) throw new Error(`unused-exports: ${BINDGEN_SECTION} holds an odd number of blobs`);
      const kept = [];
      for (let i = 0; i < blobs.length; i += 2) {
        const program = blobs[i + 1].toString('latin1');
        const names = classes.filter((cls) => program.includes(cls));
        if (names.length && program.includes(CRATE)) programs.push(...names);
        else kept.push(blobs[i], blobs[i + 1]);
      }
      return Buffer.concat([name(section), ...kept]);
    },
  });
  for (const cls of classes) {
    if (!exports.some(exportOf(cls))) throw new Error(`unused-exports: the wasm exports nothing of ${cls}`);
    if (!programs.includes(cls)) throw new Error(`unused-exports: no ${BINDGEN_SECTION} program declares ${cls}`);
  }
  return { wasm: out, exports, programs };
}
