//! The seam between the UI and wherever deals live: one trait every backend implements,
//! and one error type every backend reports.
//!
//! The futures are boxed and not `Send` because browser I/O (fetch, storage) is single
//! threaded; boxing lets the UI hold any backend as `Rc<dyn DealsBackend>` and stay ignorant
//! of which CRM it talks to.

use crate::model::{
    Capabilities, Deal, DealFields, DealId, FieldError, ListQuery, Message, Page, PagingStyle, Schema, Stage,
};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Told what the backend is doing that the user should know ("waiting 3 s for the CRM"),
/// and `None` when it is done.
pub type ActivityListener = Rc<dyn Fn(Option<Message>)>;

/// A boxed future that may hold browser handles.
pub type LocalBoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// The error for a chunk of code that did not come; `gone` when the server no longer has it.
pub fn code_unfetched(gone: bool) -> BackendError {
    if gone {
        BackendError::CodeGone
    } else {
        BackendError::CodeUnreachable
    }
}

/// Everything that can go wrong talking to a backend. What each says to the user, in words they
/// can act on, is its [`BackendError::message`], written in [`crate::messages`].
#[derive(Clone, Debug, PartialEq)]
pub enum BackendError {
    /// The backend refused some fields; each message belongs next to its field.
    Fields {
        /// Messages per field.
        errors: Vec<FieldError>,
        /// A message about the deal as a whole, if the backend gave one.
        message: Option<Message>,
    },
    /// The backend refused the request for a reason that belongs to no one field.
    Form(Message),
    /// The deal is gone.
    NotFound,
    /// The credentials were refused (401): a wrong or expired key.
    Unauthorized(Message),
    /// The credentials were taken but lack a permission (403): a scope the key was not given, an
    /// add-on not active. The CRM's own words say which.
    Forbidden(Message),
    /// Too many requests; the backend asks to wait.
    RateLimited {
        /// How long the backend asked to wait, when it said.
        retry_after_secs: Option<u64>,
    },
    /// No answer: offline, refused, timed out, or the connection dropped.
    Network(Message),
    /// A part of the app's own code, fetched when first needed (a CRM's writes), could not be
    /// fetched: the network, or a redeploy since the page opened.
    CodeUnreachable,
    /// A part of the app's own code is no longer on the server: the app was redeployed since the
    /// page opened. A unit of its own, not a flag on [`Self::CodeUnreachable`],
    /// which would make every result carrying this error bigger to build.
    CodeGone,
    /// An answer that is not what the backend's documentation promises: what was wrong, in
    /// the terms of its JSON (shown as it is, after the user's words for the error).
    Malformed(String),
    /// The browser storage holds data this app cannot read.
    StorageCorrupt {
        /// The storage key.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The browser storage refused to store (full, or disabled by the browser).
    StorageUnavailable(String),
}

/// A place deals live: the browser's own storage, or a CRM.
///
/// Every method answers with a [`BackendError`] rather than panicking, whatever the backend sends.
pub trait DealsBackend {
    /// A short name for messages ("this browser", "HubSpot").
    fn name(&self) -> &str;
    /// The fields this backend's deals have and their rules.
    fn schema(&self) -> &Schema;
    /// How this backend pages.
    fn paging(&self) -> PagingStyle;
    /// What its list can search and sort by.
    fn capabilities(&self) -> Capabilities {
        Capabilities::all()
    }
    /// One page of deals.
    fn list<'a>(&'a self, query: &'a ListQuery) -> LocalBoxFuture<'a, Result<Page, BackendError>>;
    /// One deal.
    fn get<'a>(&'a self, id: &'a DealId) -> LocalBoxFuture<'a, Result<Deal, BackendError>>;
    /// Creates a deal and returns it as stored.
    fn create<'a>(&'a self, fields: &'a DealFields) -> LocalBoxFuture<'a, Result<Deal, BackendError>>;
    /// Replaces a deal's fields and returns it as stored.
    fn update<'a>(&'a self, id: &'a DealId, fields: &'a DealFields) -> LocalBoxFuture<'a, Result<Deal, BackendError>>;
    /// Deletes a deal.
    fn delete<'a>(&'a self, id: &'a DealId) -> LocalBoxFuture<'a, Result<(), BackendError>>;
    /// The stages a deal can be in.
    fn stages(&self) -> LocalBoxFuture<'_, Result<Vec<Stage>, BackendError>>;
    /// Why the stages offered are not the backend's own (fetched list failed, config used).
    fn stages_note(&self) -> Option<Message> {
        None
    }
    /// Whether [`Self::lookup`] finds owners or companies (`kind`) by name here.
    fn looks_up(&self, _kind: crate::model::LookupKind) -> bool {
        false
    }
    /// The name this session's look-ups gave `id`, if any.
    fn known_name(&self, _kind: crate::model::LookupKind, _id: &str) -> Option<String> {
        None
    }
    /// The owners or companies whose name contains `query`, for a picker; `None` where the
    /// backend has no way to look them up (then the configuration's lists are offered, or the
    /// id is typed).
    fn lookup<'a>(
        &'a self,
        _kind: crate::model::LookupKind,
        _query: &'a str,
    ) -> LocalBoxFuture<'a, Result<Option<Vec<crate::model::Choice>>, BackendError>> {
        Box::pin(std::future::ready(Ok(None)))
    }
    /// Registers who hears about waits and retries.
    fn set_activity_listener(&self, _listener: ActivityListener) {}
    /// Fetches ahead the code that saving and deleting need, where it comes in a chunk of its
    /// own (a CRM's: `ui::chunks`), so that the first save does not wait for it. A failure is
    /// left to that save to report.
    fn prefetch_writes(&self) {}
    /// Sets aside unreadable stored data and starts afresh; returns where the old data was kept.
    ///
    /// Only backends that keep data in the browser have anything to reset.
    fn reset_storage(&self) -> Result<String, BackendError> {
        Err(BackendError::Form(
            Message::key("backend-no-local-data").text("backend", self.name()),
        ))
    }
}
