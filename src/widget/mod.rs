//! The embeddable widget: what `web/dealform.js` (the `<deal-form>` element and
//! `DealForm.mount`) calls into. Each mount is an independent app with its own reactive owner,
//! storage namespace and element ids, so several widgets on one page do not interfere.

use crate::config::Config;
use crate::ui::app::{backend_for, App};
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

fn dispatch_error(host: &web_sys::HtmlElement, kind: &str, message: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&detail, &"message".into(), &message.into());
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("dealform:error", &init) {
        let _ = host.dispatch_event(&e);
    }
}

/// Mounts a widget configured by `config_json` into `container`, dispatching its events from
/// `host`. A bad configuration is shown in the widget and reported as `dealform:error`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: web_sys::HtmlElement, container: web_sys::HtmlElement, config_json: &str) -> Widget {
    let config = Config::parse(config_json);
    if let Err(e) = &config {
        dispatch_error(
            &host,
            "config",
            &e.to_string().replacen("config.json", "The widget configuration", 1),
        );
    }
    let handle = mount_to(container, move || match config {
        Ok(config) => {
            let (backend, warning) = backend_for(&config);
            view! { <App config backend warning host=host /> }.into_any()
        }
        Err(e) => {
            let message = e.to_string().replacen("config.json", "The widget configuration", 1);
            view! { <ErrorPanel title="This deals widget needs fixing" message /> }.into_any()
        }
    });
    Widget {
        mounted: Some(Box::new(handle)),
    }
}
