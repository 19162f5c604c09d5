//! Profile-guided splitting of a finished wasm module into the part a page runs before its
//! first view shows (the *main* module) and the rest (the *lazy* module), fetched afterwards.
//!
//! Why: a first load need not carry the code of what the user has not done yet (open a form,
//! sort, go to the next page, see an error). The release build's split points
//! (`src/ui/chunks.rs`) already keep the big, well-bounded pieces out; what is left in the main
//! module is a long tail of small functions run only later (event handlers, navigation, error
//! paths, the form's helpers in the main module), some 600 of them. No hand-placed split point
//! catches those; a profile of what a first load runs does.
//!
//! How it works, on a module as wasm-bindgen and wasm-opt leave it:
//! - [`instrument`] makes a copy that reports each function the first time it runs (an import
//!   `lazy.hit(i)`, `i` the function's place among the module's own functions). The release
//!   build runs that copy in Chromium through first loads (`scripts/lazy-profile.mjs`).
//! - [`split`] keeps in the main module the functions the profile saw (*hot*), and moves every
//!   other one (*cold*) into the lazy module, which shares the main module's memory, tables and
//!   globals. A cold function that hot code, a table or an export refers to keeps its place in
//!   the main module as a *trampoline*: it makes sure the lazy module is there (an import,
//!   `lazy.load`, which fetches and instantiates it the first time), then calls the real
//!   function through a slot of the function table, which the lazy module's element segment
//!   fills as it is instantiated. Cold code calls hot code the same way, through the table.
//!   A cold function only cold code refers to leaves the main module (its body becomes
//!   `unreachable`, and wasm-opt removes it, as nothing refers to it any more).
//!
//! So a call that reaches cold code before the lazy module has come still works (the page
//! fetches it then, synchronously); the page fetches it ahead of need once its first view is
//! shown, so that this seldom happens.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{self as enc, ConstExpr, Instruction};
use wasmparser::{self as parse, ExternalKind, Operator, Payload, TypeRef};

/// The import module of the functions the transformed modules ask the page for.
pub const LAZY: &str = "lazy";
/// `lazy.hit(i32)`: the instrumented module reports that its function `i` ran.
pub const HIT: &str = "hit";
/// `lazy.load()`: the split main module asks for the lazy module before its first cold call.
pub const LOAD: &str = "load";
/// The import module from which the lazy module takes the main module's memory, tables and
/// globals: the page passes the main instance's exports under this name.
pub const MAIN: &str = "main";

/// What went wrong: a module this tool does not handle, or one that is not valid wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError(pub String);

impl fmt::Display for SplitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SplitError {}

impl From<parse::BinaryReaderError> for SplitError {
    fn from(e: parse::BinaryReaderError) -> Self {
        SplitError(format!("unreadable wasm: {e}"))
    }
}

impl<E: fmt::Debug> From<wasm_encoder::reencode::Error<E>> for SplitError {
    fn from(e: wasm_encoder::reencode::Error<E>) -> Self {
        SplitError(format!("cannot re-encode: {e:?}"))
    }
}

type Result<T> = std::result::Result<T, SplitError>;

fn fail<T>(message: impl Into<String>) -> Result<T> {
    Err(SplitError(message.into()))
}

/// A function type: its parameters and results.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Sig {
    params: Vec<parse::ValType>,
    results: Vec<parse::ValType>,
}

/// A module as read: what the transformations need to know, and the sections they copy as
/// they are.
struct Input<'a> {
    types: Vec<Sig>,
    imports: Vec<parse::Import<'a>>,
    /// Imported functions come first in the function index space.
    imported_funcs: u32,
    /// The type of each defined function.
    func_types: Vec<u32>,
    tables: Vec<parse::Table<'a>>,
    memories: Vec<parse::MemoryType>,
    globals: Vec<parse::Global<'a>>,
    exports: Vec<parse::Export<'a>>,
    start: Option<u32>,
    elements: Vec<parse::Element<'a>>,
    data_count: Option<u32>,
    data: Option<&'a [u8]>,
    bodies: Vec<parse::FunctionBody<'a>>,
}

impl<'a> Input<'a> {
    fn read(wasm: &'a [u8]) -> Result<Self> {
        let mut input = Input {
            types: Vec::new(),
            imports: Vec::new(),
            imported_funcs: 0,
            func_types: Vec::new(),
            tables: Vec::new(),
            memories: Vec::new(),
            globals: Vec::new(),
            exports: Vec::new(),
            start: None,
            elements: Vec::new(),
            data_count: None,
            data: None,
            bodies: Vec::new(),
        };
        for payload in parse::Parser::new(0).parse_all(wasm) {
            match payload? {
                Payload::Version { .. } | Payload::CodeSectionStart { .. } | Payload::End(_) => {}
                // Names and producers: not needed to run, and wasm-opt strips them anyway.
                Payload::CustomSection(_) => {}
                Payload::TypeSection(r) => {
                    for ty in r.into_iter_err_on_gc_types() {
                        let ty = ty?;
                        input.types.push(Sig {
                            params: ty.params().to_vec(),
                            results: ty.results().to_vec(),
                        });
                    }
                }
                Payload::ImportSection(r) => {
                    for import in r.into_imports() {
                        let import = import?;
                        match import.ty {
                            TypeRef::Func(_) => input.imported_funcs += 1,
                            _ => return fail(format!("imports a {:?}: only function imports are handled", import.ty)),
                        }
                        input.imports.push(import);
                    }
                }
                Payload::FunctionSection(r) => {
                    for ty in r {
                        input.func_types.push(ty?);
                    }
                }
                Payload::TableSection(r) => {
                    for t in r {
                        input.tables.push(t?);
                    }
                }
                Payload::MemorySection(r) => {
                    for m in r {
                        input.memories.push(m?);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        input.globals.push(g?);
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        input.exports.push(e?);
                    }
                }
                Payload::StartSection { func, .. } => input.start = Some(func),
                Payload::ElementSection(r) => {
                    for e in r {
                        input.elements.push(e?);
                    }
                }
                Payload::DataCountSection { count, .. } => input.data_count = Some(count),
                Payload::DataSection(r) => input.data = Some(&wasm[r.range()]),
                Payload::CodeSectionEntry(body) => input.bodies.push(body),
                other => return fail(format!("has a section this tool does not handle: {other:?}")),
            }
        }
        if input.bodies.len() != input.func_types.len() {
            return fail("declares a different number of functions than it has bodies");
        }
        if input.memories.len() != 1 {
            return fail("must define exactly one memory");
        }
        match input.tables.first() {
            Some(t) if t.ty.element_type == parse::RefType::FUNCREF && !t.ty.table64 => {}
            _ => {
                return fail("must define a 32-bit funcref table first: its slots carry the calls between the modules")
            }
        }
        Ok(input)
    }

    /// How many functions the module defines.
    fn defined(&self) -> u32 {
        self.func_types.len() as u32
    }

    /// The type of function `f` (imports first).
    fn type_of(&self, f: u32) -> Result<u32> {
        if f < self.imported_funcs {
            match self
                .imports
                .iter()
                .filter_map(|i| match i.ty {
                    TypeRef::Func(t) => Some(t),
                    _ => None,
                })
                .nth(f as usize)
            {
                Some(t) => Ok(t),
                None => fail(format!("function {f} is not imported")),
            }
        } else {
            match self.func_types.get((f - self.imported_funcs) as usize) {
                Some(&t) => Ok(t),
                None => fail(format!("function {f} does not exist")),
            }
        }
    }

    /// The index of a `[params] -> []` type, appended to `types` if the module has none.
    fn void_type(types: &mut Vec<Sig>, params: &[parse::ValType]) -> u32 {
        let sig = Sig {
            params: params.to_vec(),
            results: Vec::new(),
        };
        match types.iter().position(|t| *t == sig) {
            Some(i) => i as u32,
            None => {
                types.push(sig);
                types.len() as u32 - 1
            }
        }
    }
}

/// The functions an element segment's items name, in order (`None` for a null item).
fn element_functions(items: &parse::ElementItems<'_>) -> Result<Vec<Option<u32>>> {
    let mut out = Vec::new();
    match items {
        parse::ElementItems::Functions(fs) => {
            for f in fs.clone() {
                out.push(Some(f?));
            }
        }
        parse::ElementItems::Expressions(_, exprs) => {
            for e in exprs.clone() {
                let f = const_functions(&e?)?;
                out.push(f.first().copied());
            }
        }
    }
    Ok(out)
}

/// The functions a constant expression takes a reference to.
fn const_functions(expr: &parse::ConstExpr<'_>) -> Result<Vec<u32>> {
    let mut out = Vec::new();
    let mut ops = expr.get_operators_reader();
    while !ops.eof() {
        if let Operator::RefFunc { function_index } = ops.read()? {
            out.push(function_index);
        }
    }
    Ok(out)
}

/// The functions a body calls or takes a reference to.
fn body_functions(body: &parse::FunctionBody<'_>) -> Result<Vec<u32>> {
    let mut out = Vec::new();
    let mut ops = body.get_operators_reader()?;
    while !ops.eof() {
        match ops.read()? {
            Operator::Call { function_index } | Operator::RefFunc { function_index } => out.push(function_index),
            Operator::ReturnCall { .. } | Operator::ReturnCallIndirect { .. } | Operator::ReturnCallRef { .. } => {
                return fail("uses tail calls, which this tool does not handle")
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Re-encodes with one function index inserted at `at` (a new import): every function from
/// there on moves up by one.
struct Shift {
    at: u32,
}

impl Reencode for Shift {
    type Error = std::convert::Infallible;

    fn function_index(&mut self, func: u32) -> std::result::Result<u32, wasm_encoder::reencode::Error<Self::Error>> {
        Ok(if func < self.at { func } else { func + 1 })
    }
}

fn val_types(v: &[parse::ValType]) -> Result<Vec<enc::ValType>> {
    v.iter()
        .map(|t| RoundtripReencoder.val_type(*t).map_err(SplitError::from))
        .collect()
}

fn type_section(types: &[Sig]) -> Result<enc::TypeSection> {
    let mut section = enc::TypeSection::new();
    for t in types {
        section.ty().function(val_types(&t.params)?, val_types(&t.results)?);
    }
    Ok(section)
}

/// The import section with `lazy.<name>` added after the module's own imports.
fn imports_with(input: &Input<'_>, name: &str, ty: u32) -> Result<enc::ImportSection> {
    let mut section = enc::ImportSection::new();
    for i in &input.imports {
        RoundtripReencoder.parse_import(&mut section, *i)?;
    }
    section.import(LAZY, name, enc::EntityType::Function(ty));
    Ok(section)
}

fn function_section(types: impl IntoIterator<Item = u32>) -> enc::FunctionSection {
    let mut section = enc::FunctionSection::new();
    for t in types {
        section.function(t);
    }
    section
}

fn table_section(input: &Input<'_>, shift: &mut Shift, first_min: u64) -> Result<enc::TableSection> {
    let mut section = enc::TableSection::new();
    for (i, t) in input.tables.iter().enumerate() {
        let mut ty = RoundtripReencoder.table_type(t.ty)?;
        if i == 0 {
            ty.minimum = first_min;
            ty.maximum = ty.maximum.map(|m| m.max(first_min));
        }
        match &t.init {
            parse::TableInit::RefNull => section.table(ty),
            parse::TableInit::Expr(e) => section.table_with_init(ty, &shift.const_expr(e.clone())?),
        };
    }
    Ok(section)
}

fn memory_section(input: &Input<'_>) -> Result<enc::MemorySection> {
    let mut section = enc::MemorySection::new();
    for m in &input.memories {
        section.memory(RoundtripReencoder.memory_type(*m)?);
    }
    Ok(section)
}

fn global_section(input: &Input<'_>, shift: &mut Shift) -> Result<enc::GlobalSection> {
    let mut section = enc::GlobalSection::new();
    for g in &input.globals {
        section.global(
            RoundtripReencoder.global_type(g.ty)?,
            &shift.const_expr(g.init_expr.clone())?,
        );
    }
    Ok(section)
}

fn element_section(input: &Input<'_>, shift: &mut Shift) -> Result<enc::ElementSection> {
    let mut section = enc::ElementSection::new();
    for e in &input.elements {
        shift.parse_element(&mut section, e.clone())?;
    }
    Ok(section)
}

fn data_sections<'a>(input: &Input<'a>) -> (Option<enc::DataCountSection>, Option<enc::RawSection<'a>>) {
    (
        input.data_count.map(|count| enc::DataCountSection { count }),
        input.data.map(|data| enc::RawSection {
            id: enc::SectionId::Data as u8,
            data,
        }),
    )
}

fn validate(wasm: &[u8], what: &str) -> Result<()> {
    parse::Validator::new()
        .validate_all(wasm)
        .map(|_| ())
        .map_err(|e| SplitError(format!("the {what} this tool wrote is not valid wasm: {e}")))
}

/// A copy of `wasm` that calls `lazy.hit(i)` as each of its own functions starts, `i` being the
/// function's place among them (0 for the first defined function). Everything else is as it was.
pub fn instrument(wasm: &[u8]) -> Result<Vec<u8>> {
    let input = Input::read(wasm)?;
    let mut types = input.types.clone();
    let hit_type = Input::void_type(&mut types, &[parse::ValType::I32]);
    let hit = input.imported_funcs;
    let mut shift = Shift { at: hit };

    let mut module = enc::Module::new();
    module.section(&type_section(&types)?);
    module.section(&imports_with(&input, HIT, hit_type)?);
    module.section(&function_section(input.func_types.iter().copied()));
    module.section(&table_section(&input, &mut shift, input.tables[0].ty.initial)?);
    module.section(&memory_section(&input)?);
    module.section(&global_section(&input, &mut shift)?);
    module.section(&export_section(&input, &mut shift, &[])?);
    if let Some(start) = input.start {
        module.section(&enc::StartSection {
            function_index: shift.function_index(start)?,
        });
    }
    module.section(&element_section(&input, &mut shift)?);
    let (count, data) = data_sections(&input);
    if let Some(count) = count {
        module.section(&count);
    }
    let mut code = enc::CodeSection::new();
    for (i, body) in input.bodies.iter().enumerate() {
        let mut f = shift.new_function_with_parsed_locals(body)?;
        f.instruction(&Instruction::I32Const(i as i32));
        f.instruction(&Instruction::Call(hit));
        let mut ops = body.get_operators_reader()?;
        while !ops.eof() {
            f.instruction(&shift.parse_instruction(&mut ops)?);
        }
        code.function(&f);
    }
    module.section(&code);
    if let Some(data) = data {
        module.section(&data);
    }
    let out = module.finish();
    validate(&out, "instrumented module")?;
    Ok(out)
}

/// The export section, function indices shifted, plus `extra` exports.
fn export_section(
    input: &Input<'_>,
    shift: &mut Shift,
    extra: &[(String, enc::ExportKind, u32)],
) -> Result<enc::ExportSection> {
    let mut section = enc::ExportSection::new();
    for e in &input.exports {
        let index = match e.kind {
            ExternalKind::Func => shift.function_index(e.index)?,
            _ => e.index,
        };
        section.export(e.name, RoundtripReencoder.export_kind(e.kind)?, index);
    }
    for (name, kind, index) in extra {
        section.export(name, *kind, *index);
    }
    Ok(section)
}

/// The name under which the split main module exports its check function: the page's
/// JavaScript calls it before it calls a table slot itself (see [`split`]).
pub const CHECK_EXPORT: &str = "lazy_check";

/// What [`split`] made, and figures to report.
pub struct Split {
    /// The main module: hot code, trampolines to cold code, `lazy.load`, and its check.
    pub main: Vec<u8>,
    /// The lazy module: the cold code, to be instantiated with the main instance's exports
    /// under [`MAIN`].
    pub lazy: Vec<u8>,
    /// The function table's slots that hold cold functions until the lazy module has come
    /// (its element segment puts the real ones there): a call through one of them must first
    /// make sure the lazy module is there ([`guard`]).
    pub cold_slots: Vec<u32>,
    /// The slot of the main module's check, which [`guard`] has other modules call.
    pub check_slot: u32,
    /// Figures on what moved.
    pub stats: Stats,
}

/// Figures on a split.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Functions the module defines.
    pub functions: u32,
    /// Functions moved to the lazy module.
    pub moved: u32,
    /// Bytes of code moved (function bodies as read).
    pub moved_bytes: usize,
    /// Moved functions that hot code calls directly or the module exports: the main module keeps
    /// a trampoline for each.
    pub trampolines: u32,
    /// Table slots added for the calls between the modules.
    pub new_slots: u32,
    /// Indirect calls in the main module's hot code that check their slot first.
    pub guarded: u32,
}

/// Every table-0 slot each function has, from the active element segments.
fn all_slots(input: &Input<'_>) -> Result<HashMap<u32, Vec<u32>>> {
    let mut slots: HashMap<u32, Vec<u32>> = HashMap::new();
    for e in &input.elements {
        let parse::ElementKind::Active {
            table_index,
            offset_expr,
        } = &e.kind
        else {
            continue;
        };
        if table_index.unwrap_or(0) != 0 {
            continue;
        }
        let mut ops = offset_expr.get_operators_reader();
        let Operator::I32Const { value } = ops.read()? else {
            return fail("an element segment's offset is not a constant");
        };
        for (i, f) in element_functions(&e.items)?.into_iter().enumerate() {
            if let Some(f) = f {
                slots.entry(f).or_default().push(value as u32 + i as u32);
            }
        }
    }
    Ok(slots)
}

/// Re-encodes one body, writing `guard` before each indirect call through table 0 that may
/// reach a cold slot: all but those whose slot is a constant that is not one.
fn guarded_body(
    reencoder: &mut impl Reencode<Error = std::convert::Infallible>,
    body: &parse::FunctionBody<'_>,
    cold_slots: &HashSet<u32>,
    guard: &[Instruction<'static>],
    guarded: &mut u32,
) -> Result<enc::Function> {
    let mut f = reencoder.new_function_with_parsed_locals(body)?;
    let mut ops = body.get_operators_reader()?;
    let mut constant: Option<u32> = None;
    while !ops.eof() {
        let op = ops.read()?;
        if let Operator::CallIndirect { table_index: 0, .. } = op {
            if constant.is_none_or(|slot| cold_slots.contains(&slot)) {
                for g in guard {
                    f.instruction(g);
                }
                *guarded += 1;
            }
        }
        constant = match op {
            Operator::I32Const { value } => Some(value as u32),
            _ => None,
        };
        f.instruction(&reencoder.instruction(op)?);
    }
    Ok(f)
}

/// Splits `wasm` into the functions in `hot` (places among the module's own functions, as
/// [`instrument`] reports them) and the rest. See the crate's documentation.
///
/// A cold function keeps its table slots: until the lazy module comes they hold a function of
/// the main module that does not do the work (a trampoline, or `unreachable` where nothing but
/// the table refers to it), and the lazy module's element segment then puts the real one there.
/// So every indirect call that may reach such a slot first calls the main module's *check*
/// (`lazy_check(slot) -> slot`, which fetches the lazy module when the slot is one of those):
/// those of the main module's hot code here, and those of the other modules that share the
/// table (the release build's chunks) through [`guard`].
pub fn split(wasm: &[u8], hot: &HashSet<u32>) -> Result<Split> {
    let input = Input::read(wasm)?;
    let imported = input.imported_funcs;
    let defined = input.defined();
    let is_cold = |f: u32| f >= imported && !hot.contains(&(f - imported));

    // Hot code, exports and the start function keep a cold function reachable by a direct
    // reference: it needs a trampoline. Cold code needs a table slot for each hot function or
    // import it calls.
    let mut trampolined: BTreeSet<u32> = BTreeSet::new();
    for e in &input.exports {
        if e.kind == ExternalKind::Func && is_cold(e.index) {
            trampolined.insert(e.index);
        }
    }
    trampolined.extend(input.start.filter(|&f| is_cold(f)));
    for g in &input.globals {
        trampolined.extend(const_functions(&g.init_expr)?.into_iter().filter(|&f| is_cold(f)));
    }
    let mut called_from_cold: BTreeSet<u32> = BTreeSet::new();
    let mut moved_bytes = 0;
    for (i, body) in input.bodies.iter().enumerate() {
        let f = imported + i as u32;
        let refs = body_functions(body)?;
        if is_cold(f) {
            moved_bytes += body.range().len();
            called_from_cold.extend(refs.into_iter().filter(|&g| !is_cold(g)));
            check_lazy_body(body)?;
        } else {
            trampolined.extend(refs.into_iter().filter(|&g| is_cold(g)));
        }
    }
    for e in &input.elements {
        let on_table_0 = matches!(
            e.kind,
            parse::ElementKind::Active {
                table_index: None | Some(0),
                ..
            }
        );
        if !on_table_0 && element_functions(&e.items)?.into_iter().flatten().any(is_cold) {
            return fail("a cold function is in an element segment that is not active on table 0");
        }
    }

    // Slots: a function keeps the ones it has; the others get new ones after the table's end.
    let slots = all_slots(&input)?;
    let table_size =
        u32::try_from(input.tables[0].ty.initial).map_err(|_| SplitError("the function table is too large".into()))?;
    let new_hot: Vec<u32> = called_from_cold
        .iter()
        .copied()
        .filter(|f| !slots.contains_key(f))
        .collect();
    let new_cold: Vec<u32> = trampolined.iter().copied().filter(|f| !slots.contains_key(f)).collect();
    let mut slot: HashMap<u32, u32> = slots.iter().map(|(&f, s)| (f, s[0])).collect();
    let mut next = table_size;
    for &f in new_hot.iter().chain(&new_cold) {
        slot.insert(f, next);
        next += 1;
    }
    let check_slot = next;
    let size = check_slot as u64 + 1;
    // Where the lazy module puts each cold function: all its slots.
    let mut lazy_slots: BTreeMap<u32, u32> = BTreeMap::new();
    for (i, _) in input.bodies.iter().enumerate() {
        let f = imported + i as u32;
        if !is_cold(f) {
            continue;
        }
        for &s in slots.get(&f).into_iter().flatten() {
            lazy_slots.insert(s, f);
        }
        if new_cold.contains(&f) {
            lazy_slots.insert(slot[&f], f);
        }
    }
    // A trampoline's new slot is called by the trampoline alone, which loads first: no one
    // else needs to check it.
    let cold_slots: Vec<u32> = lazy_slots.keys().copied().filter(|&s| s < table_size).collect();
    let cold_set: HashSet<u32> = cold_slots.iter().copied().collect();

    // The main module's new pieces: `lazy.load` (an import after the module's own), a global
    // that says whether it has been called, `ensure`, which calls it once, and `check`.
    let mut types = input.types.clone();
    let void = Input::void_type(&mut types, &[]);
    let check_type = {
        let sig = Sig {
            params: vec![parse::ValType::I32],
            results: vec![parse::ValType::I32],
        };
        match types.iter().position(|t| *t == sig) {
            Some(i) => i as u32,
            None => {
                types.push(sig);
                types.len() as u32 - 1
            }
        }
    };
    let load = imported;
    let mut shift = Shift { at: load };
    let loaded_global = input.globals.len() as u32;
    let ensure = imported + 1 + defined;
    let check = ensure + 1;

    let mut main = enc::Module::new();
    main.section(&type_section(&types)?);
    main.section(&imports_with(&input, LOAD, void)?);
    main.section(&function_section(
        input.func_types.iter().copied().chain([void, check_type]),
    ));
    main.section(&table_section(&input, &mut shift, size)?);
    main.section(&memory_section(&input)?);
    let mut globals = global_section(&input, &mut shift)?;
    globals.global(
        enc::GlobalType {
            val_type: enc::ValType::I32,
            mutable: true,
            shared: false,
        },
        &ConstExpr::i32_const(0),
    );
    main.section(&globals);
    // The lazy module imports the main module's memory, tables and globals by their export
    // names; those without one get one.
    let mut extra_exports = vec![(CHECK_EXPORT.to_owned(), enc::ExportKind::Func, check)];
    let mut exported = |kind: ExternalKind, index: u32, fallback: String, enc_kind: enc::ExportKind| match input
        .exports
        .iter()
        .find(|e| e.kind == kind && e.index == index)
    {
        Some(e) => e.name.to_owned(),
        None => {
            extra_exports.push((fallback.clone(), enc_kind, index));
            fallback
        }
    };
    let table_names: Vec<String> = (0..input.tables.len() as u32)
        .map(|i| exported(ExternalKind::Table, i, format!("lazy_table{i}"), enc::ExportKind::Table))
        .collect();
    let memory_name = exported(
        ExternalKind::Memory,
        0,
        "lazy_memory".to_owned(),
        enc::ExportKind::Memory,
    );
    let global_names: Vec<String> = (0..input.globals.len() as u32)
        .map(|i| {
            exported(
                ExternalKind::Global,
                i,
                format!("lazy_global{i}"),
                enc::ExportKind::Global,
            )
        })
        .collect();
    main.section(&export_section(&input, &mut shift, &extra_exports)?);
    if let Some(start) = input.start {
        main.section(&enc::StartSection {
            function_index: shift.function_index(start)?,
        });
    }
    let mut elements = element_section(&input, &mut shift)?;
    if !new_hot.is_empty() {
        let funcs: Vec<u32> = new_hot
            .iter()
            .map(|&f| shift.function_index(f))
            .collect::<std::result::Result<_, _>>()?;
        elements.active(
            None,
            &ConstExpr::i32_const(table_size as i32),
            enc::Elements::Functions(funcs.into()),
        );
    }
    elements.active(
        None,
        &ConstExpr::i32_const(check_slot as i32),
        enc::Elements::Functions([check].as_slice().into()),
    );
    main.section(&elements);
    let (count, data) = data_sections(&input);
    if let Some(count) = count {
        main.section(&count);
    }
    let mut code = enc::CodeSection::new();
    let mut moved = Vec::new();
    let mut guarded = 0;
    for (i, body) in input.bodies.iter().enumerate() {
        let f = imported + i as u32;
        if !is_cold(f) {
            code.function(&guarded_body(
                &mut shift,
                body,
                &cold_set,
                &[Instruction::Call(check)],
                &mut guarded,
            )?);
            continue;
        }
        moved.push(f);
        let mut t = enc::Function::new([]);
        if trampolined.contains(&f) {
            let ty = input.func_types[i];
            t.instruction(&Instruction::Call(ensure));
            for p in 0..input.types[ty as usize].params.len() as u32 {
                t.instruction(&Instruction::LocalGet(p));
            }
            t.instruction(&Instruction::I32Const(slot[&f] as i32));
            t.instruction(&Instruction::CallIndirect {
                type_index: ty,
                table_index: 0,
            });
        } else {
            t.instruction(&Instruction::Unreachable);
        }
        t.instruction(&Instruction::End);
        code.function(&t);
    }
    // ensure: `if (!loaded) { lazy.load(); loaded = 1 }`
    let mut e = enc::Function::new([]);
    e.instruction(&Instruction::GlobalGet(loaded_global));
    e.instruction(&Instruction::I32Eqz);
    e.instruction(&Instruction::If(enc::BlockType::Empty));
    e.instruction(&Instruction::Call(load));
    e.instruction(&Instruction::I32Const(1));
    e.instruction(&Instruction::GlobalSet(loaded_global));
    e.instruction(&Instruction::End);
    e.instruction(&Instruction::End);
    code.function(&e);
    // check(slot): `if (slot is cold) ensure(); return slot`, the test a jump table over the
    // slots up to the last cold one (0: cold, 1: not).
    let mut c = enc::Function::new([]);
    c.instruction(&Instruction::Block(enc::BlockType::Empty));
    c.instruction(&Instruction::Block(enc::BlockType::Empty));
    c.instruction(&Instruction::LocalGet(0));
    let last = cold_slots.last().map_or(0, |&s| s + 1);
    let targets: Vec<u32> = (0..last).map(|s| if cold_set.contains(&s) { 0 } else { 1 }).collect();
    c.instruction(&Instruction::BrTable(targets.into(), 1));
    c.instruction(&Instruction::End);
    c.instruction(&Instruction::Call(ensure));
    c.instruction(&Instruction::End);
    c.instruction(&Instruction::LocalGet(0));
    c.instruction(&Instruction::End);
    code.function(&c);
    main.section(&code);
    if let Some(data) = data {
        main.section(&data);
    }
    let main = main.finish();
    validate(&main, "main module")?;

    let lazy = lazy_module(
        &input,
        &types,
        &moved,
        &lazy_slots,
        &slot,
        &table_names,
        &memory_name,
        &global_names,
        size,
    )?;
    validate(&lazy, "lazy module")?;

    Ok(Split {
        main,
        lazy,
        cold_slots,
        check_slot,
        stats: Stats {
            functions: defined,
            moved: moved.len() as u32,
            moved_bytes,
            trampolines: trampolined.len() as u32,
            new_slots: (new_hot.len() + new_cold.len() + 1) as u32,
            guarded,
        },
    })
}

/// Refuses cold code that the lazy module could not run as it stands: it has none of the
/// main module's data or element segments.
fn check_lazy_body(body: &parse::FunctionBody<'_>) -> Result<()> {
    let mut ops = body.get_operators_reader()?;
    while !ops.eof() {
        match ops.read()? {
            Operator::MemoryInit { .. }
            | Operator::DataDrop { .. }
            | Operator::TableInit { .. }
            | Operator::ElemDrop { .. } => {
                return fail("cold code uses a data or element segment, which the lazy module does not have");
            }
            _ => {}
        }
    }
    Ok(())
}

/// The lazy module: `moved` (input function indices, in order) with their bodies, calls to the
/// main module's functions turned into calls through their table slots (`slot`), and element
/// segments that put each moved function in its slots (`lazy_slots`: slot to function).
#[allow(clippy::too_many_arguments)]
fn lazy_module(
    input: &Input<'_>,
    types: &[Sig],
    moved: &[u32],
    lazy_slots: &BTreeMap<u32, u32>,
    slot: &HashMap<u32, u32>,
    table_names: &[String],
    memory_name: &str,
    global_names: &[String],
    table_size: u64,
) -> Result<Vec<u8>> {
    let imported = input.imported_funcs;
    let place: HashMap<u32, u32> = moved.iter().enumerate().map(|(i, &f)| (f, i as u32)).collect();

    let mut module = enc::Module::new();
    module.section(&type_section(types)?);
    let mut imports = enc::ImportSection::new();
    for (i, t) in input.tables.iter().enumerate() {
        let mut ty = RoundtripReencoder.table_type(t.ty)?;
        if i == 0 {
            ty.minimum = table_size;
        }
        ty.maximum = None;
        imports.import(MAIN, &table_names[i], ty);
    }
    let mut memory = RoundtripReencoder.memory_type(input.memories[0])?;
    memory.maximum = None;
    imports.import(MAIN, memory_name, memory);
    for (i, g) in input.globals.iter().enumerate() {
        imports.import(MAIN, &global_names[i], RoundtripReencoder.global_type(g.ty)?);
    }
    module.section(&imports);
    module.section(&function_section(
        moved.iter().map(|&f| input.func_types[(f - imported) as usize]),
    ));

    // Each moved function into its slots, consecutive slots in one segment.
    let mut elements = enc::ElementSection::new();
    let mut run: Vec<u32> = Vec::new();
    let mut run_start = 0;
    for (&s, f) in lazy_slots {
        if !run.is_empty() && s != run_start + run.len() as u32 {
            elements.active(
                None,
                &ConstExpr::i32_const(run_start as i32),
                enc::Elements::Functions(std::mem::take(&mut run).into()),
            );
        }
        if run.is_empty() {
            run_start = s;
        }
        run.push(place[f]);
    }
    if !run.is_empty() {
        elements.active(
            None,
            &ConstExpr::i32_const(run_start as i32),
            enc::Elements::Functions(run.into()),
        );
    }
    // `ref.func` needs its function declared in some element segment.
    let mut declared: Vec<u32> = Vec::new();
    let mut code = enc::CodeSection::new();
    for &f in moved {
        let body = &input.bodies[(f - imported) as usize];
        let mut out = RoundtripReencoder.new_function_with_parsed_locals(body)?;
        let mut ops = body.get_operators_reader()?;
        while !ops.eof() {
            match ops.read()? {
                Operator::Call { function_index: g } => match place.get(&g) {
                    Some(&p) => {
                        out.instruction(&Instruction::Call(p));
                    }
                    None => {
                        out.instruction(&Instruction::I32Const(slot[&g] as i32));
                        out.instruction(&Instruction::CallIndirect {
                            type_index: input.type_of(g)?,
                            table_index: 0,
                        });
                    }
                },
                Operator::RefFunc { function_index: g } => match place.get(&g) {
                    Some(&p) => {
                        declared.push(p);
                        out.instruction(&Instruction::RefFunc(p));
                    }
                    None => {
                        out.instruction(&Instruction::I32Const(slot[&g] as i32));
                        out.instruction(&Instruction::TableGet(0));
                    }
                },
                op => {
                    out.instruction(&RoundtripReencoder.instruction(op)?);
                }
            }
        }
        code.function(&out);
    }
    declared.sort_unstable();
    declared.dedup();
    if !declared.is_empty() {
        elements.declared(enc::Elements::Functions(declared.into()));
    }
    module.section(&elements);
    module.section(&code);
    Ok(module.finish())
}

/// Has every indirect call through the function table in `wasm` (a module that shares the
/// split main module's table, such as one of the release build's chunks) that may reach one
/// of `cold_slots` first call the main module's check, through its slot `check_slot`: the
/// lazy module must be there before a cold slot is called. Returns the module and how many
/// calls it guarded.
pub fn guard(wasm: &[u8], check_slot: u32, cold_slots: &HashSet<u32>) -> Result<(Vec<u8>, u32)> {
    // The check's type goes after the module's own: no type index moves.
    let mut types = 0;
    let mut function_table = None;
    let mut tables = 0;
    for payload in parse::Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::TypeSection(r) => types = r.into_iter_err_on_gc_types().count() as u32,
            Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    if let TypeRef::Table(t) = i?.ty {
                        if t.element_type == parse::RefType::FUNCREF && function_table.is_none() {
                            function_table = Some(tables);
                        }
                        tables += 1;
                    }
                }
            }
            _ => {}
        }
    }
    if tables == 0 {
        // No table, so no indirect call to check.
        return Ok((wasm.to_vec(), 0));
    }
    if function_table != Some(0) {
        return fail("guard: the module does not take its first table, a function table, from its main module");
    }
    let mut reencoder = Guard {
        check_slot,
        cold_slots,
        check_type: types,
        guarded: 0,
    };
    let mut module = enc::Module::new();
    reencoder.parse_core_module(&mut module, parse::Parser::new(0), wasm)?;
    let out = module.finish();
    validate(&out, "guarded module")?;
    Ok((out, reencoder.guarded))
}

/// The re-encoder behind [`guard`].
struct Guard<'a> {
    check_slot: u32,
    cold_slots: &'a HashSet<u32>,
    check_type: u32,
    guarded: u32,
}

impl Reencode for Guard<'_> {
    type Error = SplitError;

    fn parse_type_section(
        &mut self,
        types: &mut enc::TypeSection,
        section: parse::TypeSectionReader<'_>,
    ) -> std::result::Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        wasm_encoder::reencode::utils::parse_type_section(self, types, section)?;
        types.ty().function([enc::ValType::I32], [enc::ValType::I32]);
        Ok(())
    }

    fn parse_function_body(
        &mut self,
        code: &mut enc::CodeSection,
        func: parse::FunctionBody<'_>,
    ) -> std::result::Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        let guard = [
            Instruction::I32Const(self.check_slot as i32),
            Instruction::CallIndirect {
                type_index: self.check_type,
                table_index: 0,
            },
        ];
        let mut guarded = self.guarded;
        let cold = self.cold_slots;
        let f = guarded_body(&mut RoundtripReencoder, &func, cold, &guard, &mut guarded)
            .map_err(wasm_encoder::reencode::Error::UserError)?;
        self.guarded = guarded;
        code.function(&f);
        Ok(())
    }
}
/// Reads a profile: the places of the functions that ran, as numbers separated by anything
/// that is not a digit (the profiler writes a JSON array).
pub fn read_profile(text: &str) -> Result<HashSet<u32>> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u32>().map_err(|e| SplitError(format!("profile: {s}: {e}"))))
        .collect()
}
