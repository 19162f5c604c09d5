//! `localStorage` and `sessionStorage` behind the host-testable [`KeyValueStore`] trait.

use crate::key_value::{KeyValueStore, MemoryStore};
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// A Web Storage area.
pub struct BrowserStore(web_sys::Storage);

fn describe(e: JsValue) -> String {
    // DOMException's message names the cause ("exceeded the quota"), its name the kind.
    js_sys::Reflect::get(&e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused to store data".to_owned())
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.0.get_item(key).map_err(describe)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_item(key, value).map_err(describe)
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(describe)
    }
}

/// Which storage area.
#[derive(Clone, Copy, Debug)]
pub enum Area {
    /// Kept across sessions: deals.
    Local,
    /// Kept for the tab: drafts.
    Session,
}

/// The storage area, or memory where the browser refuses it (a sandboxed iframe, some
/// private modes). The flag says whether it is the real one, so the UI can warn.
pub fn open(area: Area) -> (Rc<dyn KeyValueStore>, bool) {
    let storage = web_sys::window().and_then(|w| match area {
        Area::Local => w.local_storage().ok().flatten(),
        Area::Session => w.session_storage().ok().flatten(),
    });
    match storage {
        Some(s) => (Rc::new(BrowserStore(s)), true),
        None => (Rc::new(MemoryStore::default()), false),
    }
}
