//! Synchronous string storage, as the local backend and the drafts use it: `localStorage` and
//! `sessionStorage` in the browser (`client::store`), a list in memory in tests and where the
//! browser refuses storage. Plain Rust, below the backends, so that both they and the drafts are
//! tested on the host.

use std::cell::RefCell;

/// A synchronous string store: `localStorage` in the browser, a map in tests.
pub trait KeyValueStore {
    /// The value under a key, if any.
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    /// Stores a value; fails when the store is full or disabled.
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    /// Removes a key.
    fn remove(&self, key: &str) -> Result<(), String>;
}

impl<T: KeyValueStore + ?Sized> KeyValueStore for std::rc::Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        (**self).remove(key)
    }
}

/// A store in memory: for tests, and as the fallback where the browser refuses storage.
///
/// It holds a handful of keys (the deals, the drafts), so a list searched in order does; a
/// hash map keyed by text would add its hashing and table code to the wasm's first load.
#[derive(Default, Debug)]
pub struct MemoryStore(RefCell<Vec<(String, String)>>);

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.0.borrow().iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let mut entries = self.0.borrow_mut();
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some((_, v)) => *v = value.to_owned(),
            None => entries.push((key.to_owned(), value.to_owned())),
        }
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.borrow_mut().retain(|(k, _)| k != key);
        Ok(())
    }
}
