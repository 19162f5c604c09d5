// Takes out of the release build the JavaScript classes that wasm-streams exports, and their
// functions in the wasm (scripts/split-wasm.mjs calls it between wasm-bindgen and wasm-opt).
//
// Why: leptos links server_fn, which links wasm-streams for streamed server functions; its
// `#[wasm_bindgen]` classes (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink)
// are exports, so neither the linker nor wasm-opt may drop them. dealform has no server
// functions: nothing makes such an object. The glue shows it: the classes have no `__wrap`
// (the way Rust hands one to JavaScript) and no other line names them. Their wasm functions,
// reachable from nothing else, then go with wasm-opt's next pass: 4 KiB of raw wasm and 1.9 of
// glue, 1.1 KiB of brotli off every first load (scripts/size.mjs).
//
// Each step checks the shape it expects and throws otherwise: a wasm-bindgen that writes the
// glue differently stops the build, rather than leaving a glue that calls a missing function.
import { EXPORT_SECTION, entries, readName, rewriteSections, skipExport, vector } from './wasm-sections.mjs';

/** The classes taken out, as the glue names them. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The wasm exports of a class: `__wbg_<lower>_free` and `<lower>_<method>`. */
const exportsOf = (cls) => {
  const lower = cls.toLowerCase();
  return (name) => name === `__wbg_${lower}_free` || name.startsWith(`${lower}_`);
};

/**
 * The glue (`js`, wasm-bindgen's output for `--target web`) without `classes`: each class's
 * block, its dispose line and its finalization registry, and enums only they used.
 */
export function dropGlueClasses(js, classes = UNUSED_CLASSES) {
  let out = js;
  const cut = (pattern, what) => {
    const found = out.match(pattern);
    if (!found || found.length !== 1) {
      throw new Error(`unused-exports: expected one ${what} in the glue, found ${found ? found.length : 0}`);
    }
    out = out.replace(pattern, '');
  };
  for (const cls of classes) {
    if (new RegExp(`\\b${cls}\\.__wrap\\b`).test(out)) {
      throw new Error(`unused-exports: the glue hands ${cls} objects to JavaScript: it is used`);
    }
    // A class block ends at the first `}` alone on its line; its methods' bodies are indented.
    cut(new RegExp(`^export class ${cls} \\{\\n[\\s\\S]*?^\\}\\n`, 'gm'), `class ${cls}`);
    cut(new RegExp(`^if \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n`, 'gm'), `dispose line of ${cls}`);
    cut(new RegExp(`^const ${cls}Finalization = [^;]*;\\n`, 'gm'), `finalization registry of ${cls}`);
  }
  // Enums (`const __wbindgen_enum_X = [...]`) that nothing reads any more.
  out = out.replace(/^const (__wbindgen_enum_\w+) = \[[^\]]*\];\n/gm, (line, name) =>
    out.split(name).length > 2 ? line : '');
  const left = classes.filter((cls) => out.includes(cls) || out.toLowerCase().includes(`wasm.${cls.toLowerCase()}_`));
  if (left.length) throw new Error(`unused-exports: the glue still names ${left.join(', ')}`);
  return out;
}

/**
 * The wasm (`wasm`, a Buffer) with the exports of `classes` taken out of its export section;
 * the functions stay until wasm-opt drops what nothing reaches. Returns the new wasm and the
 * names taken out.
 */
export function dropWasmExports(wasm, classes = UNUSED_CLASSES) {
  const unused = classes.map(exportsOf);
  const dropped = [];
  const out = rewriteSections(wasm, {
    [EXPORT_SECTION]: (body) =>
      vector(entries(body, skipExport).filter((entry) => {
        const [text] = readName(entry, 0);
        if (!unused.some((is) => is(text))) return true;
        dropped.push(text);
        return false;
      })),
  });
  for (const cls of classes) {
    if (!dropped.some(exportsOf(cls))) throw new Error(`unused-exports: the wasm exports nothing of ${cls}`);
  }
  return { wasm: out, dropped };
}
