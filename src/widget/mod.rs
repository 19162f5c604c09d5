//! The embeddable widget: what `web/dealform.js` (the `<deal-form>` element and
//! `DealForm.mount`) calls into. Each mount is an independent app with its own reactive owner,
//! storage namespace and element ids, so several widgets on one page do not interfere.

use crate::config::Config;
use crate::i18n::pick_language;
use crate::ui::app::{app_for, config_mistake_later};
use crate::ui::words::{CatalogSource, Words};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The numbers of the widgets mounted on this page (see [`take_number`]).
    static NUMBERS_IN_USE: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The lowest number no mounted widget has, from 1. A widget the host gave no `label` is named
/// by it from the second on ("Deals 2", in its language), so that the landmarks of several
/// widgets on one page differ; a widget mounted again (an attribute changed) gets its number back.
fn take_number() -> u32 {
    NUMBERS_IN_USE.with_borrow_mut(|used| {
        let n = (1..).find(|n| !used.contains(n)).unwrap_or(1);
        used.push(n);
        n
    })
}

fn release_number(n: u32) {
    NUMBERS_IN_USE.with_borrow_mut(|used| used.retain(|&m| m != n));
}

/// A mounted widget. Dropping its mount (by [`Widget::unmount`]) removes the DOM it made and
/// disposes of its signals, resources and effects.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Box<dyn Any>>,
    /// Its number among the page's widgets, while mounted.
    number: Option<u32>,
    /// Its words, and where they come from: what a change of `language` fetches anew.
    words: Option<(Words, Rc<CatalogSource>)>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's content and frees its reactive state. Safe to call twice.
    pub fn unmount(&mut self) {
        self.words.take();
        self.mounted.take();
        if let Some(n) = self.number.take() {
            release_number(n);
        }
    }

    /// Shows the widget in `language` (`None`: the host page's, else the browser's), once its
    /// catalog is here, keeping everything else as it is: an open form stays open with what was
    /// typed. `false` for a language there is no catalog for: the caller mounts the widget
    /// anew, whose configuration then names the mistake.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, language: Option<String>) -> bool {
        let Some((words, source)) = &self.words else {
            return false;
        };
        let asked = match language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => None,
            Some(tag) => match pick_language([tag]) {
                Some(code) => Some(code),
                None => return false,
            },
        };
        words.load(source.clone(), source.language(asked));
        true
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Mounts a widget configured by `config_json` into `container`, dispatching its events from
/// `host`; `assets` is the address of the app's files (its catalogs are under `locales/`). A
/// bad configuration is shown in the widget and reported as `dealform:error`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    host: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    config_json: &str,
    assets: &str,
) -> Widget {
    let mut config = Config::parse(config_json);
    let number = config.as_mut().ok().map(|config| {
        let n = take_number();
        config.widget_number = Some(n);
        n
    });
    let parsed = config.is_ok();
    let (asked, overrides, locale) = match &config {
        Ok(c) => (c.language.clone(), c.messages.clone(), c.locale.clone()),
        Err(_) => Default::default(),
    };
    let source = Rc::new(CatalogSource {
        assets: assets.to_owned(),
        overrides,
        locale,
        host: Some(host.clone()),
    });
    let words_of_mount: Rc<RefCell<Option<Words>>> = Rc::default();
    let handle = {
        let (source, words_of_mount) = (source.clone(), words_of_mount.clone());
        mount_to(container.clone(), move || {
            let words = Words::new();
            provide_context(words);
            *words_of_mount.borrow_mut() = Some(words);
            let language = source.language(asked.as_deref());
            words.load(source.clone(), language);
            // A bad configuration is named in the widget, in the host page's terms, and reported.
            let view = match config {
                Ok(config) => app_for(config, Some(host)),
                Err(mistake) => config_mistake_later(mistake, Some(host)),
            };
            words.show(container.into(), view, move || words.load(source.clone(), language))
        })
    };
    // A configuration with a mistake is mounted anew to change its language: only a new
    // configuration can take the mistake away.
    let words = words_of_mount
        .borrow_mut()
        .take()
        .filter(|_| parsed)
        .map(|w| (w, source));
    Widget {
        mounted: Some(Box::new(handle)),
        number,
        words,
    }
}
