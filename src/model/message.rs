//! Words for the user, as data: a key of the message catalog (`locales/*.ftl`) with its
//! arguments, which the UI puts in the user's language (`crate::i18n`), or a text that comes
//! from outside (a CRM's own message, a label the configuration gives) and is shown as it is.
//!
//! The model says *what* is wrong; the catalog says it in each language, with its own plurals
//! and word order, so no English is glued together in code.

use std::borrow::Cow;

/// One argument of a catalog message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Shown as it is (a name, a code, what was typed).
    Text(String),
    /// A number: formatted in the user's locale, and what a plural form is chosen by.
    Number(f64),
    /// Another message, put in the same language first (a field's label inside an error).
    Message(Box<Message>),
}

/// Something to tell the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// A message of the catalog, by key, with its named arguments.
    Catalog {
        /// The key in `locales/*.ftl`, such as `error-required`.
        key: &'static str,
        /// The arguments, by the names the catalog's messages use (`$label`).
        args: Vec<(&'static str, Arg)>,
    },
    /// A text shown as written: a CRM's own words, or a label from the configuration.
    Verbatim(Cow<'static, str>),
}

impl Message {
    /// The catalog's message `key`, without arguments.
    pub const fn key(key: &'static str) -> Self {
        Message::Catalog { key, args: Vec::new() }
    }

    /// A text shown as written.
    pub fn verbatim(text: impl Into<Cow<'static, str>>) -> Self {
        Message::Verbatim(text.into())
    }

    /// This message with a text argument.
    #[must_use]
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(value.into()))
    }

    /// This message with a number argument (which also chooses its plural forms).
    #[must_use]
    pub fn number(self, name: &'static str, value: impl Into<f64>) -> Self {
        self.arg(name, Arg::Number(value.into()))
    }

    /// This message with another message as an argument.
    #[must_use]
    pub fn message(self, name: &'static str, value: Message) -> Self {
        self.arg(name, Arg::Message(Box::new(value)))
    }

    fn arg(self, name: &'static str, value: Arg) -> Self {
        match self {
            Message::Catalog { key, mut args } => {
                args.push((name, value));
                Message::Catalog { key, args }
            }
            verbatim => verbatim,
        }
    }

    /// The catalog key, where this is a catalog message.
    pub fn catalog_key(&self) -> Option<&'static str> {
        match self {
            Message::Catalog { key, .. } => Some(key),
            Message::Verbatim(_) => None,
        }
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Verbatim(Cow::Owned(text))
    }
}

/// Tests write a CRM's words as plain strings.
#[cfg(test)]
impl From<&'static str> for Message {
    fn from(text: &'static str) -> Self {
        Message::Verbatim(Cow::Borrowed(text))
    }
}
