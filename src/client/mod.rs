//! The only code that touches browser I/O: storage, `Intl`, and fetching the config file and
//! the message catalog.

pub mod catalog;
pub mod config;
pub mod http;
pub mod intl;
pub mod store;
