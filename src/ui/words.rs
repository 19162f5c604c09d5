//! The catalog of the language shown, for the views (see [`crate::i18n`]): fetched for the
//! language in use only, and fetched again when a widget's `language` changes.

use crate::i18n::{pick_language, Catalog, ENGLISH};
use crate::model::Message;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Where a mount's catalogs come from, and what goes over them.
pub struct CatalogSource {
    /// The address of the app's files, ending in `/` (empty: beside the page).
    pub assets: String,
    /// config.json's `messages`: key to Fluent text.
    pub overrides: BTreeMap<String, String>,
    /// config.json's `locale`, which writes the numbers inside messages as it writes the list's.
    pub locale: Option<String>,
    /// A widget's host element: its page's `lang` around it is a preference, and it hears
    /// when no catalog can be fetched (`dealform:error`). `None` on the standalone page, whose
    /// `lang` is the app's own.
    pub host: Option<web_sys::HtmlElement>,
}

impl CatalogSource {
    /// The language to show for `asked` (config.json's or the widget's `language`): it, else the
    /// host page's `lang` around the widget (read now: the host may have changed it), else the
    /// browser's languages, else English.
    pub fn language(&self, asked: Option<&str>) -> &'static str {
        let host_language = self
            .host
            .as_ref()
            .and_then(|h| h.closest("[lang]").ok().flatten())
            .and_then(|e| e.get_attribute("lang"));
        let browser = crate::client::catalog::browser_languages();
        let preferences = asked
            .into_iter()
            .chain(host_language.as_deref())
            .chain(browser.iter().map(String::as_str));
        pick_language(preferences).unwrap_or(ENGLISH)
    }
}

/// The language one mount (the page, or a widget) shows, in a signal: the views' words follow
/// it ([`Words::tr`]), so a widget whose `language` changes says the same in the new one,
/// nothing built again.
#[derive(Clone, Copy)]
pub struct Words {
    catalog: RwSignal<Option<Rc<Catalog>>, LocalStorage>,
    /// Why the first catalog could not be fetched.
    failed: RwSignal<Option<String>>,
    /// What waits for the first catalog (see [`Words::once_ready`]).
    waiting: StoredValue<Vec<Box<dyn FnOnce()>>, LocalStorage>,
    /// How many catalogs were asked for: only the latest is shown, whichever answers last.
    asked: StoredValue<u32>,
}

impl Words {
    /// No words yet: [`Words::load`] fetches them.
    pub fn new() -> Self {
        Self {
            catalog: RwSignal::new_local(None),
            failed: RwSignal::new(None),
            waiting: StoredValue::new_local(Vec::new()),
            asked: StoredValue::new(0),
        }
    }

    /// Words from `catalog`, here at once (component tests).
    pub fn with_catalog(catalog: Catalog) -> Self {
        let words = Self::new();
        words.catalog.set(Some(Rc::new(catalog)));
        words
    }

    /// The message `key`, which takes no arguments; empty once the mount is gone.
    pub fn t(self, key: &str) -> String {
        self.catalog
            .try_with_untracked(|c| c.as_ref().map(|c| c.text(key)))
            .flatten()
            .unwrap_or_default()
    }

    /// `message` in the language shown; empty once the mount is gone.
    pub fn say(self, message: &Message) -> String {
        self.catalog
            .try_with_untracked(|c| c.as_ref().map(|c| c.say(message)))
            .flatten()
            .unwrap_or_default()
    }

    /// The message `key` as a view shows it: in the language shown, and again in the next
    /// one when a widget's `language` changes (nothing is built again, so nothing typed or
    /// focused is lost).
    pub fn tr(self, key: &'static str) -> Signal<String> {
        Signal::derive(move || {
            self.track();
            self.t(key)
        })
    }

    /// `message` as a view shows it (see [`Words::tr`]).
    pub fn said(self, message: Message) -> Signal<String> {
        Signal::derive(move || {
            self.track();
            self.say(&message)
        })
    }

    /// `items` joined as the language shown says a list ("Name and Amount").
    pub fn and_list(self, items: &[String]) -> String {
        let language = self
            .catalog
            .try_with_untracked(|c| c.as_ref().map(|c| c.language()))
            .flatten();
        crate::client::intl::and_list(language.unwrap_or(crate::i18n::ENGLISH), items)
    }

    /// Runs `then` once there are words to say things in: now, or when the first catalog comes
    /// (what a host page is told of a failure before it, say).
    pub fn once_ready(self, then: impl FnOnce() + 'static) {
        if self.catalog.try_with_untracked(Option::is_some).unwrap_or(false) {
            then();
        } else {
            self.waiting.try_update_value(|w| w.push(Box::new(then)));
        }
    }

    /// Subscribes the running view to the language: it runs again when that changes.
    pub fn track(self) {
        self.catalog.track();
    }

    /// Fetches the catalog of `language` from `source`, and shows it once here. A failure
    /// after a first catalog keeps that one (a widget's `language` changed while offline).
    pub fn load(self, source: Rc<CatalogSource>, language: &'static str) {
        let Some(turn) = self.asked.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let url = format!("{}locales/{language}.ftl", source.assets);
            let catalog = crate::client::catalog::fetch(&url)
                .await
                .and_then(|ftl| Catalog::new(language, ftl, &source.overrides).map_err(|e| e.to_string()))
                .map_err(|why| format!("{url}: {why}"));
            // A language asked for since (the host changed its mind) wins, whenever it answers.
            if self.asked.try_get_value() != Some(turn) {
                return;
            }
            match catalog {
                Ok(catalog) => {
                    let catalog = match crate::client::intl::Formatter::new(source.locale.as_deref()) {
                        Ok(format) => {
                            let format = Rc::new(format);
                            catalog.with_number_format(Rc::new(move |n| format.number(n)))
                        }
                        Err(_) => catalog,
                    };
                    self.failed.try_set(None);
                    self.catalog.try_set(Some(Rc::new(catalog)));
                    for then in self.waiting.try_update_value(std::mem::take).unwrap_or_default() {
                        then();
                    }
                }
                Err(why) => {
                    web_sys::console::warn_1(&format!("dealform: {why}").into());
                    if let Some(host) = &source.host {
                        let detail = crate::ui::app::ErrorDetail {
                            kind: "network",
                            message: format!("The app's words could not be fetched ({why})."),
                        };
                        crate::ui::app::dispatch(host, "error", &detail);
                    }
                    if self.catalog.try_with_untracked(Option::is_none).unwrap_or(false) {
                        self.failed.try_set(Some(why));
                    }
                }
            }
        });
    }

    /// `view` once the first catalog is here, with `element`'s `lang` and `dir` following the
    /// language shown (a screen reader picks its voice by `lang`); until then, a status with
    /// no words, and if the catalog cannot be fetched, a panel with a Retry.
    pub fn show(self, element: web_sys::Element, view: AnyView, retry: impl Fn() + 'static) -> AnyView {
        let words = self;
        let retry = StoredValue::new_local(Box::new(retry) as Box<dyn Fn()>);
        Effect::new(move |_| {
            words.catalog.with(|c| {
                if let Some(c) = c {
                    let _ = element.set_attribute("lang", c.language());
                    let _ = element.set_attribute("dir", c.direction());
                }
            })
        });
        let ready = Memo::new(move |_| words.catalog.with(Option::is_some));
        let view = StoredValue::new_local(Some(view));
        (move || {
            if ready.get() {
                return view.try_update_value(Option::take).flatten().unwrap_or_else(|| ().into_any());
            }
            match words.failed.get() {
                None => view! { <p class="df-loading" role="status"></p> }.into_any(),
                Some(why) => {
                    // No catalog, so no language to say it in but the one the code is written in.
                    view! {
                        <div class="df-error" role="alert">
                            <p>{format!("The app's words could not be fetched ({why}). Check the connection, then retry.")}</p>
                            <button type="button" class="df-button" on:click=move |_| retry.with_value(|retry| retry())>"Retry"</button>
                        </div>
                    }
                    .into_any()
                }
            }
        })
        .into_any()
    }
}

impl Default for Words {
    fn default() -> Self {
        Self::new()
    }
}

/// The words of the mount being built (see [`Words`]).
pub fn words() -> Words {
    expect_context::<Words>()
}
