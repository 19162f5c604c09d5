//! The split modules run as the original did, in an interpreter (wasmi): the lazy module is
//! instantiated by `lazy.load` with the main instance's exports, as the page does it.

use std::collections::HashSet;
use wasmi::{Caller, Engine, Extern, Instance, Linker, Module, Store};

/// A main module in the shape the release build gives: functions called directly, through the
/// table (as Rust's trait objects are), exported, and a global and memory shared by all.
const APP: &str = r#"
(module
  (type $i2i (func (param i32) (result i32)))
  (import "env" "log" (func $log (param i32)))
  (table $t 5 5 funcref)
  (memory 1)
  (global $g (mut i32) (i32.const 7))
  (export "memory" (memory 0))
  (export "table" (table $t))
  (export "counter" (global $g))
  (elem (i32.const 1) $cold_in_table $hot_in_table $cold_only_in_table)
  ;; 0: hot. Calls a cold function directly, and a hot and a cold one through the table.
  (func $run (export "run") (param i32) (result i32)
    (call $log (i32.const 1))
    (i32.add
      (call $cold_direct (local.get 0))
      (call_indirect (type $i2i) (local.get 0) (i32.add (i32.const 1) (i32.rem_u (local.get 0) (i32.const 3))))))
  ;; 1: hot, and only hot code runs.
  (func $hot_only (export "hot_only") (param i32) (result i32)
    (call_indirect (type $i2i) (local.get 0) (i32.const 2)))
  ;; 2: cold, called directly from hot code; calls hot and cold code, uses the global and memory.
  (func $cold_direct (param i32) (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (i32.store (i32.const 16) (call $cold_only (local.get 0)))
    (i32.add (call $hot_helper (i32.load (i32.const 16))) (global.get $g)))
  ;; 3: cold, called only by cold code.
  (func $cold_only (param i32) (result i32)
    (call $log (local.get 0))
    (i32.mul (local.get 0) (i32.const 3)))
  ;; 4: cold, reached only through the table.
  (func $cold_in_table (param i32) (result i32)
    (i32.sub (local.get 0) (i32.const 100)))
  ;; 5: hot, in the table.
  (func $hot_in_table (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 1000)))
  ;; 6: hot, called from cold code.
  (func $hot_helper (param i32) (result i32)
    (i32.add (local.get 0) (i32.const 10)))
  ;; 7: cold, reached only through the table, and calls a function of another module's
  ;; through its slot, as a chunk's code would be called.
  (func $cold_only_in_table (param i32) (result i32)
    (i32.add (local.get 0) (global.get $g)))
)
"#;

/// The functions the profile saw: run, hot_only, hot_in_table, hot_helper.
fn hot() -> HashSet<u32> {
    [0, 1, 5, 6].into_iter().collect()
}

#[derive(Default)]
struct Host {
    log: Vec<i32>,
    hits: Vec<i32>,
    loads: u32,
    lazy: Vec<u8>,
}

fn engine() -> Engine {
    Engine::default()
}

/// Instantiates `main` with `env.log`, `lazy.hit` and `lazy.load` (which instantiates the
/// store's lazy module with the calling instance's exports under `main`).
/// A store whose page serves `split`'s lazy module, and its main module instantiated there.
fn start_split(split: &lazy_split::Split) -> (Store<Host>, Instance) {
    let mut store = Store::new(
        &engine(),
        Host {
            lazy: split.lazy.clone(),
            ..Host::default()
        },
    );
    let main = instantiate(&mut store, &split.main);
    (store, main)
}

fn instantiate(store: &mut Store<Host>, main: &[u8]) -> Instance {
    let engine = store.engine().clone();
    let module = Module::new(&engine, main).expect("main module compiles");
    let mut linker = <Linker<Host>>::new(&engine);
    linker
        .func_wrap("env", "log", |mut c: Caller<'_, Host>, v: i32| c.data_mut().log.push(v))
        .unwrap();
    linker
        .func_wrap("lazy", "hit", |mut c: Caller<'_, Host>, f: i32| {
            c.data_mut().hits.push(f)
        })
        .unwrap();
    linker
        .func_wrap("lazy", "load", |mut c: Caller<'_, Host>| {
            c.data_mut().loads += 1;
            let engine = c.engine().clone();
            let bytes = std::mem::take(&mut c.data_mut().lazy);
            let module = Module::new(&engine, &bytes[..]).expect("lazy module compiles");
            let mut linker = <Linker<Host>>::new(&engine);
            for import in module.imports() {
                let export = c
                    .get_export(import.name())
                    .expect("main exports what the lazy module imports");
                linker.define(lazy_split::MAIN, import.name(), export).unwrap();
            }
            linker.instantiate(&mut c, &module).unwrap().start(&mut c).unwrap();
        })
        .unwrap();
    linker
        .instantiate(&mut *store, &module)
        .unwrap()
        .start(&mut *store)
        .unwrap()
}

fn call(store: &mut Store<Host>, instance: Instance, name: &str, arg: i32) -> Result<i32, wasmi::Error> {
    instance
        .get_typed_func::<i32, i32>(&*store, name)
        .unwrap()
        .call(store, arg)
}

fn original() -> Vec<u8> {
    wat::parse_str(APP).unwrap()
}

#[test]
fn a_split_module_computes_what_the_original_did() {
    let wasm = original();
    let split = lazy_split::split(&wasm, &hot()).unwrap();
    let mut before = Store::new(&engine(), Host::default());
    let plain = instantiate(&mut before, &wasm);
    let (mut after, parts) = start_split(&split);
    for x in [0, 1, 2, 5, 41] {
        assert_eq!(
            call(&mut after, parts, "run", x).unwrap(),
            call(&mut before, plain, "run", x).unwrap(),
            "run({x})"
        );
    }
    assert_eq!(
        after.data().log,
        before.data().log,
        "the same calls to the page, in the same order"
    );
    assert_eq!(after.data().loads, 1, "the lazy module is loaded once");
}

#[test]
fn hot_code_alone_does_not_load_the_lazy_module() {
    let split = lazy_split::split(&original(), &hot()).unwrap();
    let (mut store, parts) = start_split(&split);
    assert_eq!(call(&mut store, parts, "hot_only", 5).unwrap(), 1005);
    assert_eq!(store.data().loads, 0);
}

#[test]
fn cold_code_leaves_the_main_module() {
    let wasm = original();
    let split = lazy_split::split(&wasm, &hot()).unwrap();
    assert_eq!(
        split.stats.moved, 4,
        "cold_direct, cold_only, cold_in_table, cold_only_in_table"
    );
    assert_eq!(
        split.stats.trampolines, 1,
        "only cold_direct is called directly by hot code"
    );
    assert_eq!(
        split.cold_slots,
        vec![1, 3],
        "the table slots of the two cold functions in it"
    );
    // The cold bodies are in the lazy module, not the main one: their constants say so.
    let has_const = |wasm: &[u8], value: i32| {
        wasmparser::Parser::new(0).parse_all(wasm).any(|p| match p.unwrap() {
            wasmparser::Payload::CodeSectionEntry(body) => body
                .get_operators_reader()
                .unwrap()
                .into_iter()
                .any(|op| matches!(op.unwrap(), wasmparser::Operator::I32Const { value: v } if v == value)),
            _ => false,
        })
    };
    assert!(has_const(&wasm, -100) || has_const(&wasm, 100));
    assert!(
        !has_const(&split.main, 100),
        "cold_in_table's body is not in the main module"
    );
    assert!(has_const(&split.lazy, 100), "it is in the lazy module");
}

#[test]
fn a_call_through_a_cold_slot_loads_the_lazy_module_first() {
    let split = lazy_split::split(&original(), &hot()).unwrap();
    let (mut store, parts) = start_split(&split);
    // run(3) reaches slot 1 (cold_in_table) through the table, after a direct cold call.
    assert_eq!(call(&mut store, parts, "run", 3).unwrap(), call_original("run", 3));
    // A check of a hot slot does not load; of a cold one, it does, and gives the slot back.
    let (mut store, parts) = start_split(&split);
    assert_eq!(call(&mut store, parts, lazy_split::CHECK_EXPORT, 2).unwrap(), 2);
    assert_eq!(store.data().loads, 0);
    assert_eq!(call(&mut store, parts, lazy_split::CHECK_EXPORT, 3).unwrap(), 3);
    assert_eq!(store.data().loads, 1);
}

fn call_original(name: &str, arg: i32) -> i32 {
    let mut store = Store::new(&engine(), Host::default());
    let plain = instantiate(&mut store, &original());
    call(&mut store, plain, name, arg).unwrap()
}

/// A chunk as the release build's splitter makes one: it takes the main module's table and
/// calls its functions through their slots.
const CHUNK: &str = r#"
(module
  (type $i2i (func (param i32) (result i32)))
  (import "main" "table" (table 5 funcref))
  (func (export "via_slot") (param i32) (result i32)
    (call_indirect (type $i2i) (i32.const 4) (local.get 0)))
  (func (export "via_hot_constant") (param i32) (result i32)
    (call_indirect (type $i2i) (local.get 0) (i32.const 2)))
)
"#;

fn chunk(store: &mut Store<Host>, main: Instance, wasm: &[u8]) -> Instance {
    let engine = store.engine().clone();
    let module = Module::new(&engine, wasm).unwrap();
    let mut linker = <Linker<Host>>::new(&engine);
    let table = main.get_export(&*store, "table").and_then(Extern::into_table).unwrap();
    linker.define("main", "table", table).unwrap();
    linker
        .instantiate(&mut *store, &module)
        .unwrap()
        .start(&mut *store)
        .unwrap()
}

#[test]
fn a_guarded_chunk_reaches_cold_slots_and_leaves_hot_constants_alone() {
    let split = lazy_split::split(&original(), &hot()).unwrap();
    let cold: HashSet<u32> = split.cold_slots.iter().copied().collect();
    let (guarded, count) = lazy_split::guard(&wat::parse_str(CHUNK).unwrap(), split.check_slot, &cold).unwrap();
    assert_eq!(
        count, 1,
        "the call with a computed slot is checked; the one through hot slot 2 is not"
    );
    let (mut store, parts) = start_split(&split);
    let c = chunk(&mut store, parts, &guarded);
    assert_eq!(call(&mut store, c, "via_hot_constant", 1).unwrap(), 1001);
    assert_eq!(store.data().loads, 0);
    // Slot 3 is cold_only_in_table: 4 + the global (7).
    assert_eq!(call(&mut store, c, "via_slot", 3).unwrap(), 11);
    assert_eq!(store.data().loads, 1);
}

#[test]
fn an_unguarded_chunk_would_trap_on_a_cold_slot() {
    // What the guard is for: the slot holds a stand-in until the lazy module comes.
    let split = lazy_split::split(&original(), &hot()).unwrap();
    let (mut store, parts) = start_split(&split);
    let c = chunk(&mut store, parts, &wat::parse_str(CHUNK).unwrap());
    assert!(call(&mut store, c, "via_slot", 3).is_err());
}

#[test]
fn the_instrumented_module_reports_each_function_that_runs() {
    let wasm = lazy_split::instrument(&original()).unwrap();
    let mut store = Store::new(&engine(), Host::default());
    let instance = instantiate(&mut store, &wasm);
    assert_eq!(call(&mut store, instance, "hot_only", 5).unwrap(), 1005);
    assert_eq!(
        store.data().hits,
        vec![1, 5],
        "hot_only, then hot_in_table through the table"
    );
    store.data_mut().hits.clear();
    assert_eq!(call(&mut store, instance, "run", 1).unwrap(), call_original("run", 1));
    let seen: HashSet<i32> = store.data().hits.iter().copied().collect();
    assert_eq!(
        seen,
        [0, 2, 3, 6, 5].into_iter().collect(),
        "run(1) reaches slot 2, hot_in_table"
    );
}

#[test]
fn profiles_are_numbers_separated_by_anything() {
    assert_eq!(
        lazy_split::read_profile("[3, 10,0]\n").unwrap(),
        [0, 3, 10].into_iter().collect()
    );
    assert!(lazy_split::read_profile("").unwrap().is_empty());
}

#[test]
fn a_module_with_a_data_segment_in_cold_code_is_refused() {
    let wasm = wat::parse_str(
        r#"(module (memory 1) (table 1 funcref) (data $d "x")
             (func (export "hot")) (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1))))"#,
    )
    .unwrap();
    let err = lazy_split::split(&wasm, &[0].into_iter().collect()).err().unwrap();
    assert!(err.0.contains("data or element segment"), "{err}");
}

#[test]
fn a_chunk_without_a_table_is_left_as_it_is() {
    let wasm = wat::parse_str(r#"(module (func (export "f") (result i32) (i32.const 1)))"#).unwrap();
    let (out, count) = lazy_split::guard(&wasm, 4, &[1].into_iter().collect()).unwrap();
    assert_eq!((out, count), (wasm, 0));
}
