//! Component tests in a real headless Chromium (wasm-bindgen-test): the form renders,
//! validates and shows its errors accessibly; the list renders rows from a backend.
#![cfg(target_arch = "wasm32")]

use dealform::backend::DealsBackend;
use dealform::config::Config;
use dealform::key_value::MemoryStore;
use dealform::model::{Currency, DealFields, Money};
use dealform::providers::local::LocalBackend;
use dealform::ui::app::App;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets timers, microtasks and leptos effects run.
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts the app over `backend` into a fresh element and returns that element.
fn mount(backend: Rc<dyn DealsBackend>) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let config = Config {
        namespace: format!("test{}", js_sys::Math::random().to_bits()),
        ..Config::default()
    };
    let english = include_str!("../locales/en.ftl").to_owned();
    let catalog = dealform::i18n::Catalog::new("en", english, &Default::default()).unwrap();
    mount_to(root.clone(), move || {
        provide_context(dealform::ui::words::Words::with_catalog(catalog));
        view! { <App config backend warning=None /> }
    })
    .forget();
    root
}

fn by_text(root: &HtmlElement, selector: &str, text: &str) -> HtmlElement {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|e| e.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no {selector} reading {text:?}"))
}

/// The control a `<label>` with this exact text points at, as a person finds it.
fn labelled(root: &HtmlElement, label: &str) -> HtmlInputElement {
    let id = by_text(root, "label", label)
        .get_attribute("for")
        .expect("label has for");
    root.query_selector(&format!("[id='{id}']"))
        .unwrap()
        .expect("labelled control exists")
        .unchecked_into()
}

fn sample(name: &str, major: i64) -> DealFields {
    DealFields {
        name: name.into(),
        amount: Some(Money::new(major * 100, Currency::USD)),
        stage: Some("lead".into()),
        ..DealFields::default()
    }
}

#[wasm_bindgen_test]
async fn the_list_renders_a_row_per_deal_with_formatted_amounts() {
    let backend = LocalBackend::new(MemoryStore::default(), "t", None);
    backend.create(&sample("Acme", 1200)).await.unwrap();
    backend.create(&sample("Globex", 50)).await.unwrap();
    let root = mount(Rc::new(backend));
    settle(50).await;
    let rows = root.query_selector_all("table tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    let first = rows.item(0).unwrap().text_content().unwrap();
    assert!(
        first.contains("Acme") && first.contains("$1,200.00") && first.contains("Lead"),
        "{first}"
    );
    let headers: Vec<String> = {
        let ths = root.query_selector_all("thead th").unwrap();
        (0..ths.length())
            .map(|i| {
                ths.item(i)
                    .unwrap()
                    .text_content()
                    .unwrap()
                    .replace(['▲', '▼', '↕'], "")
            })
            .collect()
    };
    assert_eq!(headers, ["Name", "Amount", "Stage", "Close date", "Owner", "Company"]);
}

#[wasm_bindgen_test]
async fn the_form_labels_every_field_and_shows_errors_on_blur_and_submit() {
    let root = mount(Rc::new(LocalBackend::new(MemoryStore::default(), "t", None)));
    settle(20).await;
    by_text(&root, "button", "New deal").click();
    settle(50).await;
    for label in [
        "Name",
        "Amount",
        "Currency",
        "Stage",
        "Close date",
        "Win probability",
        "Owner",
        "Company",
        "Description",
    ] {
        labelled(&root, label);
    }
    let name = labelled(&root, "Name");
    assert_eq!(name.get_attribute("aria-required").as_deref(), Some("true"));
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));

    // Leaving an invalid amount shows its message under it, linked for screen readers.
    let amount = labelled(&root, "Amount");
    let hint_only = amount.get_attribute("aria-describedby").unwrap();
    assert!(hint_only.ends_with("-hint"), "{hint_only}");
    amount.set_value("12abc");
    amount.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    amount.dispatch_event(&web_sys::Event::new("blur").unwrap()).unwrap();
    settle(20).await;
    assert_eq!(amount.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = amount.get_attribute("aria-describedby").unwrap();
    // The error alone: the hint ("For example 1,234.56") would say it a second time.
    assert!(!described.contains(' '), "{described}");
    let error_id = described.as_str();
    let message = root
        .query_selector(&format!("[id='{error_id}']"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(message, "Enter a number such as 1,234.56");
    // The untouched name shows nothing yet...
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));

    // ...until a save is tried: then every problem shows, and focus goes to the first.
    by_text(&root, "button", "Save").click();
    settle(20).await;
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(root.text_content().unwrap().contains("Name is required"));
    assert!(root
        .text_content()
        .unwrap()
        .contains("2 fields need attention before saving: Name and Amount."));
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), name.id());

    // Fixing one does not rewrite the alert under the typing; the next save does.
    name.set_value("Acme");
    name.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle(20).await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("2 fields need attention before saving: Name and Amount."));
    by_text(&root, "button", "Save").click();
    settle(20).await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("1 field needs attention before saving: Amount."));
    // Once every field is right, the summary goes.
    amount.set_value("12");
    amount.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle(20).await;
    assert!(!root.text_content().unwrap().contains("need attention"));
}

#[wasm_bindgen_test]
async fn a_valid_form_saves_and_returns_to_the_list_with_a_status_message() {
    let root = mount(Rc::new(LocalBackend::new(MemoryStore::default(), "t", None)));
    settle(20).await;
    by_text(&root, "button", "New deal").click();
    settle(50).await;
    let name = labelled(&root, "Name");
    name.set_value("Initech");
    name.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    by_text(&root, "button", "Save").click();
    settle(50).await;
    let status = root
        .query_selector("[role=status]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(status, "Created “Initech”.");
    assert_eq!(root.query_selector_all("table tbody tr").unwrap().length(), 1);
}

/// The browser's `toLowerCase`, which folds non-ASCII text for search and sort in the wasm,
/// lowers text as Rust's `to_lowercase` does, final sigma and multi-character lowerings included.
#[wasm_bindgen_test]
fn the_browser_folds_case_as_rust_does() {
    for s in [
        "Émile Zola GmbH",
        "ΟΔΟΣ ΣΟΦΙΑΣ",
        "İstanbul",
        "STRASSE ẞ",
        "ÅNGSTRÖM Ǆ ǅ",
        "日本語 ＡＢＣ",
        "ДЕЛО №5",
        "Σ",
        "aΣ.",
    ] {
        assert_eq!(dealform::model::text::fold_case(s), s.to_lowercase(), "{s}");
    }
    // Search's folding starts from the browser's lower case: İ comes out as i and a combining
    // dot there, which goes with the accents.
    assert_eq!(
        dealform::model::text::fold_for_search("İstanbul Émile ŁÓDŹ"),
        "istanbul emile lodz"
    );
    // Decomposed text (a letter, then its accent) is composed first, in any script: it folds as
    // the same text typed precomposed.
    for (decomposed, composed) in [
        ("Αθη\u{301}να", "Αθήνα"),
        ("И\u{306}орк", "Йорк"),
        ("Jose\u{301}", "José"),
    ] {
        assert_eq!(
            dealform::model::text::fold_for_search(decomposed),
            dealform::model::text::fold_for_search(composed),
            "{composed}"
        );
    }
    assert_eq!(dealform::model::text::fold_for_search("Αθη\u{301}να"), "αθήνα");
}

/// Each currency gets its own formatter, kept for the next amount in it: amounts in two
/// currencies, interleaved, each show their own sign.
#[wasm_bindgen_test]
fn money_in_several_currencies_keeps_each_its_sign() {
    let fmt = dealform::client::intl::Formatter::new(Some("en-US")).unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let jpy = Currency::parse("JPY").unwrap();
    let shown: Vec<String> = [
        Money::new(120_050, Currency::USD),
        Money::new(120_050, eur),
        Money::new(300, Currency::USD),
        Money::new(1200, jpy),
        Money::new(5, eur),
    ]
    .iter()
    .map(|m| fmt.money(m))
    .collect();
    assert_eq!(shown, ["$1,200.50", "€1,200.50", "$3.00", "¥1,200", "€0.05"]);
}

/// The decoders as the browser runs them: JSON.parse and serde-wasm-bindgen, where the unit
/// tests on the host run the same types through serde_json.
mod decoders_in_the_browser {
    use dealform::backend::BackendError;
    use dealform::config::Config;
    use dealform::drafts::{DraftBook, DraftTarget};
    use dealform::key_value::{KeyValueStore, MemoryStore};
    use dealform::model::{Currency, Cursor, DealFields, DealId, ListQuery, Money};
    use dealform::providers::http::HttpResponse;
    use dealform::providers::stardex::Stardex;
    use dealform::providers::ysuite::Ysuite;
    use dealform::providers::{Provider, Saved, Writes};
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn a_documented_reply_becomes_a_deal() {
        let reply = r#"{"success": true, "data": {"id": "aaa11111-bbbb-cccc-dddd-eeeeeeee1111",
            "name": "Acme Corp Staffing Agreement", "amount": 150000.5, "win_probability": 75,
            "deal_status_id": "ccc33333-dddd-eeee-ffff-000000003333", "created_at": "2024-01-15T10:00:00Z"}}"#;
        let stardex = Stardex::new("key", Currency::USD);
        let Ok(Saved::Deal(deal)) = stardex.read_created(&HttpResponse::new(200, reply)) else {
            panic!("not read")
        };
        assert_eq!(deal.fields.name, "Acme Corp Staffing Agreement");
        assert_eq!(deal.fields.amount, Some(Money::new(15_000_050, Currency::USD)));
        assert_eq!(deal.fields.probability, Some(75));
    }

    /// A `rest` API's replies come through JSON.parse and serde-wasm-bindgen as
    /// `serde_json::Value`s: numbers are JavaScript's, so whole ids stay whole and one beyond
    /// 2^53 is refused, as on the host.
    #[wasm_bindgen_test]
    fn a_rest_reply_is_read_by_pointer_in_the_browser() {
        use dealform::providers::rest::{Rest, Spec};
        let text = include_str!("../config/examples/rest-json-server.json");
        let member: serde_json::Value = serde_json::from_str(text).expect("the example is JSON");
        let rest = Rest::new(
            Spec::read(&member["rest"]).expect("a valid description"),
            "",
            Currency::USD,
        );
        let query = ListQuery {
            search: String::new(),
            sort: None,
            page_size: 1,
            cursor: Cursor::PageIndex(0),
        };
        let reply = HttpResponse::new(
            200,
            r#"[{"id": 7, "title": "Acme", "amount": 1200.5, "currency": "EUR"}]"#,
        )
        .with_header("x-total-count", "3");
        let page = rest.read_list(&query, &reply).expect("read");
        assert_eq!(page.deals[0].id, DealId("7".into()));
        assert_eq!(
            page.deals[0].fields.amount,
            Some(Money::new(120_050, Currency::parse("EUR").unwrap()))
        );
        assert_eq!((page.total, page.next), (Some(3), Some(Cursor::PageIndex(1))));
        let big = HttpResponse::new(200, r#"{"id": 9007199254740993, "title": "Big"}"#);
        assert!(matches!(rest.read_deal(&big), Err(BackendError::Malformed(m)) if m.contains("beyond 2^53")));
        let body = rest.create(
            &DealFields {
                name: "N".into(),
                ..Default::default()
            },
            &[],
        );
        assert_eq!(body.body.as_deref(), Some(r#"{"title":"N"}"#));
    }

    #[wasm_bindgen_test]
    fn a_malformed_reply_names_the_member_at_fault() {
        let reply = r#"{"success": true, "data": [], "meta": {"total": "many", "offset": 0}}"#;
        let query = ListQuery {
            search: String::new(),
            sort: None,
            page_size: 25,
            cursor: Cursor::Start,
        };
        let e = Stardex::new("key", Currency::USD)
            .read_list(&query, &HttpResponse::new(200, reply))
            .unwrap_err();
        assert!(
            matches!(&e, BackendError::Malformed(m) if m.contains("meta.total")),
            "{e:?}"
        );
        let missing = r#"{"success": true}"#;
        let e = Stardex::new("key", Currency::USD)
            .read_deal(&HttpResponse::new(200, missing))
            .unwrap_err();
        assert!(format!("{e:?}").contains("`data`"), "{e:?}");
    }

    #[wasm_bindgen_test]
    fn an_id_beyond_2_53_is_refused_not_rounded() {
        let exact = r#"{"data": {"deal_id": 9007199254740991}}"#;
        let ysuite = Ysuite::new("a", "s", Currency::USD);
        assert_eq!(
            ysuite.read_created(&HttpResponse::new(200, exact)),
            Ok(Saved::Id(DealId("9007199254740991".into())))
        );
        let beyond = r#"{"data": {"deal_id": 9007199254740993}}"#;
        let e = ysuite.read_created(&HttpResponse::new(200, beyond)).unwrap_err();
        assert!(format!("{e:?}").contains("2^53"), "{e:?}");
    }

    #[wasm_bindgen_test]
    fn a_write_body_is_the_json_the_crm_documents() {
        let fields = DealFields {
            name: "Acme".into(),
            amount: Some(Money::new(12_350, Currency::USD)),
            probability: Some(50),
            ..DealFields::default()
        };
        let create = Stardex::new("key", Currency::USD).create(&fields, &[]);
        assert_eq!(
            create.body.as_deref(),
            Some(r#"{"name":"Acme","amount":123.5,"win_probability":50}"#)
        );
        let update = Stardex::new("key", Currency::USD).update(&DealId("x".into()), &fields, &[]);
        assert!(update
            .body
            .as_deref()
            .is_some_and(|b| b.contains(r#""closed_date":null"#) && b.contains(r#""owner_ids":[]"#)));
    }

    #[wasm_bindgen_test]
    fn config_mistakes_name_the_setting() {
        for (text, field, message) in [
            (
                r#"{"page_size":0}"#,
                "page_size",
                "must be a whole number from 1 to 100 (it is 0)",
            ),
            (
                r#"{"page_size":"25"}"#,
                "page_size",
                "must be a whole number from 1 to 100, not text",
            ),
            (
                r#"{"sample_data":"yes"}"#,
                "sample_data",
                "must be true or false, not text",
            ),
            (r#"{"stages":[{"label":"x"}]}"#, "stages[0].id", "is required"),
            (r#"{"credentials":"x"}"#, "credentials", "must be an object, not text"),
        ] {
            let e = Config::parse(text).unwrap_err();
            assert_eq!(
                (e.field.as_deref(), e.message.as_str()),
                (Some(field), message),
                "{text}"
            );
        }
        let e = Config::parse(r#"{"pagesize":10}"#).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("pagesize"));
        assert!(Config::parse("[]").unwrap_err().to_string().ends_with("not a list"));
        assert!(Config::parse("{")
            .unwrap_err()
            .to_string()
            .contains("is not valid JSON"));
    }

    /// serde-wasm-bindgen reads an array given where an object belongs as `[key, value]` pairs,
    /// and a JavaScript exception escapes it on `[null]`: these must be errors, not a crash.
    #[wasm_bindgen_test]
    async fn a_list_where_an_object_belongs_is_an_error_not_a_crash() {
        let store = MemoryStore::default();
        store.set("t.drafts.v1", "[null]").unwrap();
        assert!(DraftBook::new(&store, "t").all().is_empty());
        let local = MemoryStore::default();
        local
            .set(&dealform::providers::local::storage_key("t"), "[null]")
            .unwrap();
        let backend = dealform::providers::local::LocalBackend::new(local, "t", None);
        let query = ListQuery {
            search: String::new(),
            sort: None,
            page_size: 25,
            cursor: Cursor::Start,
        };
        use dealform::backend::DealsBackend;
        assert!(matches!(
            backend.list(&query).await,
            Err(BackendError::StorageCorrupt { .. })
        ));
        let reply = HttpResponse::new(422, r#"{"message": "Invalid", "errors": [null]}"#);
        let e = Ysuite::new("a", "s", Currency::USD).read_error(&reply);
        assert!(matches!(e, BackendError::Form(_)), "{e:?}");
    }

    #[wasm_bindgen_test]
    fn a_damaged_draft_loses_only_itself() {
        let store = MemoryStore::default();
        store
            .set(
                "t.drafts.v1",
                r#"{"edit:7":{"target":{"Edit":"7"},"draft":{"name":"x"}},"bad":{"target":5}}"#,
            )
            .unwrap();
        let book = DraftBook::new(&store, "t");
        assert_eq!(book.all().len(), 1);
        assert_eq!(
            book.get(&DraftTarget::Edit(DealId("7".into()))).map(|d| d.draft.name),
            Some("x".into())
        );
    }
}
