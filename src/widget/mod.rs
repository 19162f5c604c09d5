//! The embeddable widget: what `web/dealform.js` (the `<deal-form>` element and
//! `DealForm.mount`) calls into. Each mount is an independent app with its own reactive owner,
//! storage namespace and element ids, so several widgets on one page do not interfere.

use crate::config::Config;
use crate::ui::app::{app_for, dispatch};
use crate::ui::status::ErrorPanel;
use leptos::prelude::*;
use std::any::Any;
use wasm_bindgen::prelude::*;

/// A mounted widget. Dropping its mount (by [`Widget::unmount`]) removes the DOM it made and
/// disposes of its signals, resources and effects.
#[wasm_bindgen]
pub struct Widget {
    mounted: Option<Box<dyn Any>>,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget's content and frees its reactive state. Safe to call twice.
    pub fn unmount(&mut self) {
        self.mounted.take();
    }
}

/// Mounts a widget configured by `config_json` into `container`, dispatching its events from
/// `host`. A bad configuration is shown in the widget and reported as `dealform:error`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: web_sys::HtmlElement, container: web_sys::HtmlElement, config_json: &str) -> Widget {
    // A bad configuration is named in the widget, in the host page's terms, and reported.
    let config = Config::parse(config_json).map_err(|e| e.describe("The widget configuration"));
    if let Err(message) = &config {
        dispatch(
            &host,
            "error",
            &crate::json::Json::obj([("kind", "config".into()), ("message", message.as_str().into())]),
        );
    }
    let handle = mount_to(container, move || match config {
        Ok(config) => app_for(config, Some(host)),
        Err(message) => view! { <ErrorPanel title="This deals widget needs fixing" message /> }.into_any(),
    });
    Widget {
        mounted: Some(Box::new(handle)),
    }
}
