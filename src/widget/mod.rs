//! The embeddable widget: what `web/dealform.js` (the `<deal-form>` element and
//! `DealForm.mount`) calls into. Each mount is an independent app with its own reactive owner,
//! storage namespace and element ids, so several widgets on one page do not interfere.

use crate::config::Config;
use crate::ui::app::{app_for, config_mistake};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The numbers of the widgets mounted on this page (see [`take_number`]).
    static NUMBERS_IN_USE: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The lowest number no mounted widget has, from 1. A widget the host gave no `label` is named
/// by it from the second on ("Deals 2"), so that the landmarks of several widgets on one page
/// differ; a widget mounted again (an attribute changed) gets its number back.
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
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's content and frees its reactive state. Safe to call twice.
    pub fn unmount(&mut self) {
        self.mounted.take();
        if let Some(n) = self.number.take() {
            release_number(n);
        }
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.unmount();
    }
}

/// Mounts a widget configured by `config_json` into `container`, dispatching its events from
/// `host`. A bad configuration is shown in the widget and reported as `dealform:error`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: web_sys::HtmlElement, container: web_sys::HtmlElement, config_json: &str) -> Widget {
    let mut config = Config::parse(config_json);
    let number = config.as_mut().ok().map(|config| {
        let n = take_number();
        if n > 1 && config.label.is_none() {
            config.label = Some(format!("Deals {n}"));
        }
        n
    });
    // A bad configuration is named in the widget, in the host page's terms, and reported.
    let handle = mount_to(container, move || match config {
        Ok(config) => app_for(config, Some(host)),
        Err(mistake) => config_mistake(&mistake, Some(&host)),
    });
    Widget {
        mounted: Some(Box::new(handle)),
        number,
    }
}
