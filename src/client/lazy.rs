//! The rest of the app's code: what a first load does not run, which the release build keeps in
//! a module of its own (scripts/lazy-split.mjs) and fetches once the first view is shown.

use wasm_bindgen::{JsCast, JsValue};

/// Asks the page to fetch the rest of the app's code now: the first view is shown, so the
/// fetch no longer competes with it, and the code is there before the user usually acts
/// (code needed before it has come is fetched at once, which holds the page up).
///
/// The glue of the release build defines `__dealformPrefetch`; other builds have all their
/// code, and no such function: then this does nothing. Calling it again does nothing either.
pub fn fetch_rest() {
    let prefetch = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("__dealformPrefetch"));
    if let Some(f) = prefetch.ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        // A failure is the glue's to handle: it fetches again the next time it is asked.
        let _ = f.call0(&JsValue::UNDEFINED);
    }
}
