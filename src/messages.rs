//! What the app says about the outcome of a user's change, put together from the backend's
//! errors: wording for the UI, apart from the backends, which report what happened and no more.

use crate::backend::BackendError;

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
