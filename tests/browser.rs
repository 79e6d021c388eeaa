//! In-browser tests of the app: the real `App` mounted into a node of a real page, in headless
//! Chromium, with `wasm-bindgen-test`. Run by `cargo xtask test` (it installs the runner).
#![cfg(target_arch = "wasm32")]

use hallcount_app::app::App;
use hallcount_app::i18n::{tr, Lang, Msg};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, HtmlElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// The app rendered into a fresh `<div>` of the test page, its stored meeting read (the page
/// shows only then) and every pending render done.
async fn mount() -> (AppHandle<App>, Element) {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    gloo::utils::body()
        .append_child(&root)
        .expect("attach the div");
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    until_shown(&root, ".meeting-ready").await;
    yew::scheduler::flush().await;
    (app, root)
}

/// Resolves once something in `root` matches `selector` (as the app's storage answers).
async fn until_shown(root: &Element, selector: &str) {
    let wait = js_sys::Function::new_with_args(
        "root, selector",
        "return new Promise((resolve) => {
            if (root.querySelector(selector)) return resolve();
            const observer = new MutationObserver(() => {
                if (root.querySelector(selector)) { observer.disconnect(); resolve(); }
            });
            observer.observe(root, { subtree: true, childList: true, attributes: true });
        });",
    );
    let promise = wait
        .call2(&wasm_bindgen::JsValue::NULL, root, &selector.into())
        .expect("a promise");
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .expect("resolved");
}

fn unmount(app: AppHandle<App>, root: Element) {
    app.destroy();
    root.remove();
}

/// The language the app chose, from `<html lang>` (it follows the browser and storage).
fn page_lang() -> Lang {
    let tag = gloo::utils::document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    Lang::from_tag(&tag)
        .unwrap_or_else(|| panic!("<html lang={tag:?}> is not a language of the app"))
}

fn text_of(root: &Element, selector: &str) -> String {
    let element = root.query_selector(selector).expect("a valid selector");
    element
        .unwrap_or_else(|| panic!("nothing matches `{selector}`"))
        .text_content()
        .unwrap_or_default()
}

/// Change the hash and deliver its `hashchange` now, rather than at the browser's next task.
async fn go_to(hash: &str) {
    let window = gloo::utils::window();
    window.location().set_hash(hash).expect("set the hash");
    window
        .dispatch_event(&Event::new("hashchange").expect("an event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn names_the_product_in_the_chosen_language() {
    let (app, root) = mount().await;
    assert_eq!(text_of(&root, "header h1"), tr(page_lang(), Msg::AppName));
    unmount(app, root);
}

#[wasm_bindgen_test]
async fn the_hash_picks_the_area() {
    let (app, root) = mount().await;
    let lang = page_lang();
    for (hash, page, title) in [
        ("#/entry", ".page-entry", Msg::NavEntry),
        ("#/results", ".page-results", Msg::NavResults),
        ("#/setup", ".page-setup", Msg::NavSetup),
    ] {
        go_to(hash).await;
        assert!(
            root.query_selector(page)
                .expect("a valid selector")
                .is_some(),
            "{hash} shows {page}"
        );
        assert_eq!(text_of(&root, "main h2"), tr(lang, title));
        assert_eq!(text_of(&root, "nav a.current"), tr(lang, title));
    }
    unmount(app, root);
}

#[wasm_bindgen_test]
async fn the_language_switch_relabels_everything() {
    let (app, root) = mount().await;
    for lang in Lang::ALL {
        let selector = format!(".lang-switch button[lang='{}']", lang.tag());
        let button = root
            .query_selector(&selector)
            .expect("a valid selector")
            .expect("a button per language");
        button.dyn_into::<HtmlElement>().expect("a button").click();
        yew::scheduler::flush().await;
        assert_eq!(page_lang(), lang);
        assert_eq!(text_of(&root, "header h1"), tr(lang, Msg::AppName));
    }
    unmount(app, root);
}

/// The core's fixed-seed test vector (checked natively by `crates/hallcount-core/tests/export_sign.rs`):
/// wasm verifies the native file, and signing the same inputs in wasm makes the same bytes.
#[wasm_bindgen_test]
fn signing_in_wasm_makes_the_native_bytes() {
    use hallcount_core::export::{verify_result, KeyFile, ResultFile, ResultInput, ResultPayload};
    let vector = include_str!("../crates/hallcount-core/tests/signed/vector.hallcount.json");
    let key = include_str!("../crates/hallcount-core/tests/signed/vector.key.json");
    let verified = verify_result(vector.as_bytes()).expect("the native vector verifies in wasm");
    let (_, signer) = KeyFile::parse(key).expect("the vector key reads");
    let payload = verified.file.payload;
    let input = ResultInput {
        election: payload.election,
        papers: payload.papers,
        log: payload.log,
        lots: payload.lots,
        app: payload.app,
        created: payload.created,
        double_entry: payload.double_entry,
        reconciliations: Vec::new(),
    };
    assert_eq!(
        ResultFile::sign(ResultPayload::new(input), &signer).to_json(),
        vector
    );
}

/// A key made from `crypto.getRandomValues` is stored sealed, opens with its passphrase only,
/// and differs each time.
#[wasm_bindgen_test]
fn a_key_is_made_from_the_browsers_random_source() {
    use hallcount_app::services::signing_key::{self as keys, KeyFailure, KeyState, Passphrase};
    use hallcount_core::export::KeyError;
    let passphrase = |text: &str| Passphrase {
        first: text.to_owned().into(),
        again: None,
    };
    let first = keys::create(&passphrase("p"), "2026-11-25T00:00:00Z").expect("a key is made");
    assert_eq!(keys::load(), KeyState::Sealed(first.clone()));
    assert_eq!(first.fingerprint.split(' ').count(), 8);
    let second = keys::create(&passphrase("q"), "2026-11-25T00:00:00Z").expect("another key");
    assert_ne!(first.public_key, second.public_key);
    let (_, signer) = keys::open(&passphrase("q")).expect("the stored key opens");
    assert_eq!(signer.public_key().to_hex(), second.public_key);
    assert_eq!(
        keys::open(&passphrase("p")).err(),
        Some(KeyFailure::Key(KeyError::WrongPassphrase))
    );
}
