//! The domain: deals, money, dates, the form's draft, schemas and validation.
//!
//! Plain Rust with no browser types, so every rule here is unit-tested on the host in
//! milliseconds, and every CRM adapter speaks to the UI through these types only.

pub mod custom;
pub mod date;
pub mod deal;
pub mod lookup;
pub mod message;
pub mod money;
pub mod order;
pub mod page;
pub mod schema;
pub mod text;
pub mod validate;
pub mod window;

pub use custom::{CustomField, CustomKind, CustomValue, SelectOption};
pub use date::Date;
pub use deal::{Deal, DealDraft, DealFields, DealId, Field, Labels, Stage};
pub use lookup::{Choice, LookupKind};
pub use message::{Arg, Message};
pub use money::{Currency, Money, MoneyNotation, NumberSeparators};
pub use page::{Capabilities, Cursor, ListQuery, Page, PagingStyle, Sort, SortDir, SortField};
pub use schema::{FieldRule, IdFormat, Placed, Schema};
pub use validate::{and_list, or_list, validate, FieldError, ValidationContext};
