//! Leptos components, one concern a file. They know deals only through [`DealsBackend`]
//! and its [`Schema`](crate::model::Schema), never which CRM is behind it.
//!
//! [`DealsBackend`]: crate::backend::DealsBackend

pub mod app;
pub mod chunks;
pub mod dialog;
pub mod field;
pub mod form;
pub mod list;
pub mod load;
pub mod pager;
pub mod picker;
pub mod scroll;
pub mod status;
pub mod words;

/// An ARIA true/false state (`aria-busy`, `aria-disabled`, `aria-invalid`) as its attribute
/// text. `&'static str`, the type of the app's other reactive attributes: a `String` from
/// `bool::to_string` would make Leptos compile its attribute code once more for that type.
pub fn aria_bool(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}
