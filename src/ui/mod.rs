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
pub mod scroll;
pub mod status;
