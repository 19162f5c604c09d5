//! Where deals can live. Each backend is data and pure functions over the domain model;
//! the only I/O they see goes through small traits that `client/` implements for the browser.

pub mod local;
