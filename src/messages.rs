//! What the app says about the outcome of a user's change, put together from the backend's
//! errors: wording for the UI (as catalog messages, see [`crate::i18n`]), apart from the
//! backends, which report what happened and no more.

use crate::backend::BackendError;
use crate::model::Message;

impl BackendError {
    /// The error in words a user can act on.
    pub fn message(&self) -> Message {
        match self {
            BackendError::Fields { message, .. } => {
                message.clone().unwrap_or_else(|| Message::key("error-fields-refused"))
            }
            BackendError::Form(message) => message.clone(),
            BackendError::NotFound => Message::key("error-not-found"),
            BackendError::Unauthorized(reason) => Message::key("error-unauthorized").message("reason", reason.clone()),
            BackendError::Forbidden(reason) if is_blank(reason) => Message::key("error-forbidden"),
            BackendError::Forbidden(reason) => {
                Message::key("error-forbidden-because").message("reason", reason.clone())
            }
            BackendError::RateLimited {
                retry_after_secs: Some(secs),
            } => Message::key("error-rate-limited-for").number("seconds", *secs as f64),
            BackendError::RateLimited { retry_after_secs: None } => Message::key("error-rate-limited"),
            BackendError::Network(reason) => Message::key("error-unreachable").message("reason", reason.clone()),
            BackendError::CodeUnreachable => Message::key("error-code-unreachable"),
            BackendError::CodeGone => Message::key("error-code-gone"),
            BackendError::Malformed(detail) => Message::key("error-malformed").text("detail", detail.clone()),
            BackendError::StorageCorrupt { reason, .. } => {
                Message::key("error-storage-corrupt").text("reason", reason.clone())
            }
            BackendError::StorageUnavailable(reason) => {
                Message::key("error-storage-unavailable").text("reason", reason.clone())
            }
        }
    }
}

/// Whether a CRM said nothing: its words are empty.
fn is_blank(message: &Message) -> bool {
    matches!(message, Message::Verbatim(text) if text.trim().is_empty())
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
        None | Some('.' | '!' | '?' | '…' | '。' | '؟') => text.to_owned(),
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

/// How the message for a failed save or delete begins. Where the CRM refused the request, or it
/// never left, the deal was not saved. Where it may have reached the CRM (no answer in time, an
/// answer cut off or unreadable), that is not known, and saying "not saved" would have the user
/// save again, making a second deal.
///
/// ```
/// use dealform::backend::BackendError;
/// use dealform::messages::{outcome, Change};
/// use dealform::model::Message;
/// assert_eq!(outcome(&BackendError::NotFound, Change::Delete), Message::key("outcome-not-deleted"));
/// let cut = BackendError::Network(Message::key("network-offline"));
/// assert_eq!(outcome(&cut, Change::Save), Message::key("outcome-maybe-not-saved"));
/// ```
pub fn outcome(e: &BackendError, change: Change) -> Message {
    Message::key(match (e, change) {
        (BackendError::Network(_), Change::Save) => "outcome-maybe-not-saved",
        (BackendError::Network(_), Change::Delete) => "outcome-maybe-not-deleted",
        (BackendError::Malformed(_), Change::Save) => "outcome-unreadable-saved",
        (BackendError::Malformed(_), Change::Delete) => "outcome-unreadable-deleted",
        (_, Change::Save) => "outcome-not-saved",
        (_, Change::Delete) => "outcome-not-deleted",
    })
}

/// Tests read an error as a user would, in English.
#[cfg(test)]
impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::tests::say(&self.message()))
    }
}
