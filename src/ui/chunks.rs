//! Code fetched when first needed.
//!
//! The release build (`scripts/release.sh`, with `--cfg dealform_split`) splits each function
//! marked here, with whatever code only it uses, into a chunk of wasm of its own
//! (`scripts/split-wasm.mjs`), fetched the first time the function is called: the form's code
//! when a form first opens, the scrolling list's when a configuration asks for it, the local
//! backend's or the CRMs' when a configuration names it. So before the list shows, a page
//! fetches neither the form, nor a list view or a backend it does not use. Other
//! builds (`trunk serve`, the browser tests) have it all in one wasm.
//!
//! The split points are Leptos' (its `wasm_split` re-export, the machinery of `#[lazy]`), marked
//! `fallible`: a chunk that cannot be fetched (the network, a redeploy) is an error the app shows
//! with a way to retry, never a panic, which would stop the whole module.

use super::dialog::ConfirmView;
use super::form::FormView;
use super::list::BannerView;
use super::scroll::ScrollView;
use crate::backend::{BackendError, DealsBackend};
use crate::client::http::{HttpBackend, WriteCode, WritePath, Writer};
use crate::client::store::{self, Area};
use crate::config::{Config, ConfigError, ProviderKind};
use crate::providers::{local::LocalBackend, Dialect};
pub use leptos::wasm_split::SplitLoaderError;
use std::rc::Rc;

/// Calls a split point: awaited where the build splits it (its chunk may have to be fetched
/// first), called at once where it does not.
#[cfg(dealform_split)]
macro_rules! fetched {
    ($call:expr) => {
        $call.await
    };
}
#[cfg(not(dealform_split))]
macro_rules! fetched {
    ($call:expr) => {
        $call
    };
}

/// Whether the server no longer has a chunk this page asked for: it answered 404 or 410, or
/// with an HTML page (a host that answers every path with its index page). The chunk loader
/// marks it (`scripts/split-wasm.mjs`). The page then predates a redeploy, and only a reload
/// brings code that fits it.
#[inline(never)]
pub fn chunk_gone() -> bool {
    #[cfg(dealform_split)]
    {
        js_sys::Reflect::get(&js_sys::global(), &wasm_bindgen::JsValue::from_str("__dealformGone"))
            .is_ok_and(|v| v.is_truthy())
    }
    #[cfg(not(dealform_split))]
    {
        false
    }
}

/// The error for a chunk of code that did not come, as this page's chunks stand: whether the
/// server no longer has one ([`chunk_gone`]) decides which.
pub fn unfetched() -> BackendError {
    crate::backend::code_unfetched(chunk_gone())
}

/// What the form's chunk holds.
#[derive(Clone, Copy)]
pub struct FormCode {
    /// The form page.
    pub form: FormView,
    /// The dialog that asks before something cannot be undone: the form's, and the list's,
    /// which needs it only when the browser's stored deals are unreadable.
    pub confirm: ConfirmView,
    /// The list's banner offering back unsaved drafts, which shows only when there are some.
    pub banner: BannerView,
}

/// Declares code in a chunk of its own that can also be fetched ahead of need: the split point
/// (`$split`, in chunk `$chunk`, taking `$arg`s and giving `$value`), its prefetch
/// (`$prefetch`: Leptos' `preload` where the build splits, a no-op where it does not), and
/// `$fetch`, which callers await for the code. The backends, fetched only when needed, are
/// declared by hand below.
macro_rules! prefetchable {
    (
        $(#[$split_doc:meta])* chunk $chunk:ident: fn $split:ident($($arg:ident: $arg_ty:ty),*) -> $ty:ty { $value:expr }
        $(#[$prefetch_doc:meta])* prefetch $prefetch:ident;
        $(#[$fetch_doc:meta])* fetch $fetch:ident;
    ) => {
        $(#[$split_doc])*
        #[cfg_attr(
            dealform_split,
            leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload($(#[$prefetch_doc])* $prefetch)
            )
        )]
        // `pub`: the prefetch Leptos makes from it takes its visibility.
        pub fn $split($($arg: $arg_ty),*) -> Result<$ty, SplitLoaderError> {
            Ok($value)
        }

        $(#[$prefetch_doc])*
        #[cfg(not(dealform_split))]
        pub async fn $prefetch() -> Result<(), SplitLoaderError> {
            Ok(())
        }

        $(#[$fetch_doc])*
        pub async fn $fetch($($arg: $arg_ty),*) -> Result<$ty, SplitLoaderError> {
            fetched!($split($($arg),*))
        }
    };
}

prefetchable! {
    /// The form page's code, in its chunk.
    chunk dealform_form: fn form_chunk() -> FormCode {
        FormCode {
            form: super::form::form_view,
            confirm: super::dialog::confirm_view,
            banner: super::list::draft_banner,
        }
    }
    /// Fetches the form's code without opening a form: the list calls it when the user reaches
    /// for it, so the form opens without waiting. A failure is left to [`form_code`] to show,
    /// as it retries.
    prefetch prefetch_form_code;
    /// The form page's code, fetched the first time a form (or a dialog) opens.
    fetch form_code;
}

prefetchable! {
    /// The scrolling list's code, in its chunk. Only a configuration with `"list": "scroll"`
    /// uses it, so the paged list, the default, does not fetch it.
    chunk dealform_scroll: fn scroll_chunk() -> ScrollView { super::scroll::scroll_view }
    /// Fetches the scrolling list's code without showing it: the app calls it as soon as the
    /// configuration asks for that list, so the code arrives with the backend's. A failure is
    /// left to [`scroll_code`] to show, as it retries.
    prefetch prefetch_scroll_code;
    /// The scrolling list's code, fetched the first time that list shows.
    fetch scroll_code;
}

/// A backend, and a warning to show with it (local storage that will not last); or the
/// configuration's mistake, where only the backend's own code reads that part of it (a `rest`
/// API's description).
pub type Backend = Result<(Rc<dyn DealsBackend>, Option<&'static str>), ConfigError>;

/// The backend a configuration names, its code fetched first where the build splits it.
pub async fn backend_for(config: &Config) -> Result<Backend, SplitLoaderError> {
    let backend = match config.provider {
        ProviderKind::Rest => fetched!(rest_backend(config))?,
        ProviderKind::Crm(_) => match crm_backend(config).await? {
            Some(crm) => Ok((crm, None)),
            None => fetched!(local_backend(config))?,
        },
        ProviderKind::Local => fetched!(local_backend(config))?,
    };
    // A field's pattern is compiled by code fetched only for a configuration that has one.
    let backend = match backend {
        Ok(b) if config.fields.iter().any(|f| f.pattern.is_some()) => fetched!(read_patterns(config))?.map(|()| b),
        other => other,
    };
    // Which fields the backend requires is known only now: a configuration that hides one is
    // refused here, naming its entry.
    Ok(
        backend.and_then(|(b, warning)| match b.schema().clone().arranged(&config.arrangement) {
            Ok(_) => Ok((b, warning)),
            Err((i, message)) => Err(ConfigError {
                field: Some(format!("fields[{i}].hidden")),
                message,
            }),
        }),
    )
}

/// Compiles the configuration's patterns, refusing one that is no regular expression by its
/// entry in `fields`; in a chunk of its own, with the regular expressions' code (which the form's
/// chunk shares).
#[cfg_attr(
    dealform_split,
    leptos::wasm_split::wasm_split(dealform_patterns, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn read_patterns(config: &Config) -> Result<Result<(), ConfigError>, SplitLoaderError> {
    for (i, field) in config.fields.iter().enumerate() {
        let Some(Err(why)) = field.pattern.as_ref().map(|p| p.compile()) else {
            continue;
        };
        let entry = config
            .arrangement
            .iter()
            .position(|p| *p == crate::model::Placed::Custom(i))
            .unwrap_or(i);
        return Ok(Err(ConfigError {
            field: Some(format!("fields[{entry}].pattern")),
            message: format!("is not a regular expression: {why}"),
        }));
    }
    Ok(Ok(()))
}

/// A deals API the configuration describes (`"provider": "rest"`), in a chunk of its own: only
/// such a configuration fetches the code that reads the description and the API's replies.
#[cfg_attr(
    dealform_split,
    leptos::wasm_split::wasm_split(dealform_rest, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn rest_backend(config: &Config) -> Result<Backend, SplitLoaderError> {
    Ok(crate::client::http::rest_backend(config, chunk_gone).map(|b| (Rc::new(b) as Rc<dyn DealsBackend>, None)))
}

/// The embedded backend, on this browser's local storage.
#[cfg_attr(
    dealform_split,
    leptos::wasm_split::wasm_split(dealform_local, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn local_backend(config: &Config) -> Result<Backend, SplitLoaderError> {
    let (store, persistent) = store::open(Area::Local);
    let seed = config.sample_data.then_some(config.currency);
    let warning = (!persistent).then_some("warning-no-storage");
    Ok(Ok((
        Rc::new(LocalBackend::new(store, &config.namespace, seed).with_custom(config.fields.clone())),
        warning,
    )))
}

/// The CRM a configuration names, over HTTP in its dialect; `None` for the local backend.
///
/// The five dialects' reading code is one chunk: they share most of it (the HTTP path, JSON,
/// money), and a split point each had the splitter cut that shared code into a chunk for every
/// combination of dialects, some 30 files for one CRM's first load.
async fn crm_backend(config: &Config) -> Result<Option<Rc<dyn DealsBackend>>, SplitLoaderError> {
    let Some(dialect) = config.dialect() else {
        return Ok(None);
    };
    fetched!(http_backend(dialect, config)).map(Some)
}

/// A CRM's backend, over HTTP in its dialect (see [`crm_backend`]).
#[cfg_attr(
    dealform_split,
    leptos::wasm_split::wasm_split(dealform_crm, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn http_backend(dialect: Dialect, config: &Config) -> Result<Rc<dyn DealsBackend>, SplitLoaderError> {
    let reads = dialect.clone().reads();
    Ok(Rc::new(HttpBackend::new(reads, crm_write_code(dialect), config)))
}

/// The CRM writes' code, in its chunk: what an [`HttpBackend`] is given to fetch it.
fn crm_write_code(dialect: Dialect) -> WriteCode {
    WriteCode {
        load: Rc::new(move || {
            let dialect = dialect.clone();
            Box::pin(async move { crm_writes(dialect).await.map_err(|_| unfetched()) })
        }),
        prefetch: || {
            leptos::task::spawn_local(async {
                let _ = prefetch_crm_writes().await;
            })
        },
        gone: chunk_gone,
    }
}

prefetchable! {
    /// A CRM dialect's creates, updates and deletes, and its reading of error answers, in a
    /// chunk of their own: only a form writes, and a list needs an error read only when the CRM
    /// refuses it, so a page that lists deals fetches this code only then.
    chunk dealform_crm_writes: fn crm_writes_code(dialect: Dialect) -> Box<dyn WritePath> {
        Box::new(Writer::new(dialect.writes()))
    }
    /// Fetches a CRM's writes ahead of need (through `DealsBackend::prefetch_writes`: the list
    /// calls it when the user reaches into it, the form when it opens). A failure is left to
    /// [`crm_writes`] to report, as it retries.
    prefetch prefetch_crm_writes;
    /// A CRM dialect's writes, fetched the first time a deal is saved or deleted, or the CRM
    /// answers with an error.
    fetch crm_writes;
}
