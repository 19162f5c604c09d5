//! What the app says about the outcome of a user's change, put together from the backend's
//! errors: wording for the UI, apart from the backends, which report what happened and no more.

use crate::backend::BackendError;
use std::fmt;

/// What the app says when a chunk of its code cannot be fetched (see `ui::chunks`). A reload is
/// the way out when the app was redeployed since the page opened and the server's answer did not
/// say so ([`CODE_GONE`]): the chunk this page's code fits is gone (`scripts/split-wasm.mjs`
/// names chunks by their content).
pub const CODE_UNREACHABLE: &str =
    "Part of the app could not be fetched. Check the connection, then retry; if that does not help, reload the page.";

/// What the app says when the server no longer has a chunk of its code: the app was redeployed
/// since the page opened, and only a reload brings code that fits the page's. Retrying cannot.
pub const CODE_GONE: &str =
    "Part of the app is no longer on the server: it was updated since this page was opened. Reload the page to go on.";

/// "in 1 second", "in 5 seconds": a wait as a sentence says it.
///
/// ```
/// use dealform::messages::in_seconds;
/// assert_eq!([in_seconds(1), in_seconds(5)], ["in 1 second", "in 5 seconds"]);
/// ```
pub fn in_seconds(secs: u64) -> String {
    format!("in {secs} second{}", if secs == 1 { "" } else { "s" })
}

/// ": {message}" where the CRM said something, "." where it did not.
fn crm_words(message: &str) -> String {
    if message.trim().is_empty() {
        ".".to_owned()
    } else {
        format!(": {}", message.trim())
    }
}

/// Each error in words a user can act on.
impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Fields { message, .. } => {
                f.write_str(message.as_deref().unwrap_or("Some fields were refused: each says why."))
            }
            BackendError::Form(message) => f.write_str(message),
            BackendError::NotFound => f.write_str("That deal no longer exists; it may have been deleted elsewhere."),
            BackendError::Unauthorized(message) => write!(f, "The CRM refused the credentials: {message}"),
            BackendError::Forbidden(message) => {
                write!(
                    f,
                    "The CRM does not allow these credentials to do this{}",
                    crm_words(message)
                )
            }
            BackendError::RateLimited { retry_after_secs } => write!(
                f,
                "The CRM is limiting requests. Try again {}.",
                retry_after_secs.map_or_else(|| "shortly".to_owned(), in_seconds)
            ),
            BackendError::Network(message) => write!(f, "Could not reach the CRM: {message}"),
            BackendError::CodeUnreachable => f.write_str(CODE_UNREACHABLE),
            BackendError::CodeGone => f.write_str(CODE_GONE),
            BackendError::Malformed(message) => write!(f, "The CRM sent a reply that could not be read: {message}"),
            BackendError::StorageCorrupt { reason, .. } => {
                write!(f, "The deals saved in this browser could not be read ({reason}).")
            }
            BackendError::StorageUnavailable(message) => write!(f, "The browser could not store the deals: {message}"),
        }
    }
}

/// `text` as a sentence that can be followed by another: with a full stop where it ends in none.
/// A CRM's own message often has none ("Internal server error"), and the form puts its next
/// sentence straight after ("… Your changes are kept in this form."). Only there: the error's
/// own text would need the allocation in the main wasm, for every error shown.
///
/// ```
/// use dealform::messages::sentence;
/// assert_eq!(sentence("Internal server error"), "Internal server error.");
/// assert_eq!(sentence("Name is taken!"), "Name is taken!");
/// assert_eq!(sentence("an HTML page (a gateway error?)"), "an HTML page (a gateway error?)");
/// assert_eq!(sentence("unexpected JSON (at 3)"), "unexpected JSON (at 3).");
/// ```
pub fn sentence(text: &str) -> String {
    let text = text.trim_end();
    let last = text.trim_end_matches([')', '"', '\'', '”', '’', ']']).chars().last();
    match last {
        None | Some('.' | '!' | '?' | '…' | '。') => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

/// A change the user asked of a backend, as the messages about it name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A create or an update.
    Save,
    /// A delete.
    Delete,
}

impl Change {
    /// "saved", "deleted".
    fn done(self) -> &'static str {
        match self {
            Change::Save => "saved",
            Change::Delete => "deleted",
        }
    }

    /// "saving", "deleting".
    fn doing(self) -> &'static str {
        match self {
            Change::Save => "saving",
            Change::Delete => "deleting",
        }
    }
}

/// How the message for a failed save or delete begins. Where the CRM refused the request, or it
/// never left, the deal was not saved. Where it may have reached the CRM (no answer in time, an
/// answer cut off or unreadable), that is not known, and saying "not saved" would have the user
/// save again, making a second deal.
///
/// ```
/// use dealform::backend::BackendError;
/// use dealform::messages::{outcome, Change};
/// assert_eq!(outcome(&BackendError::NotFound, Change::Delete), "The deal was not deleted.");
/// assert_eq!(outcome(&BackendError::Network("no answer".into()), Change::Save), "The deal may not have been saved.");
/// assert_eq!(
///     outcome(&BackendError::Malformed("no id".into()), Change::Save),
///     "The deal may have been saved, but the CRM's answer could not be read: check the deal list before saving again."
/// );
/// ```
pub fn outcome(e: &BackendError, change: Change) -> String {
    let done = change.done();
    match e {
        BackendError::Network(_) => format!("The deal may not have been {done}."),
        BackendError::Malformed(_) => format!(
            "The deal may have been {done}, but the CRM's answer could not be read: check the deal list before {} again.",
            change.doing()
        ),
        _ => format!("The deal was not {done}."),
    }
}
