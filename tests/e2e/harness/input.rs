//! What a clerk does with the keyboard and the mouse beyond a click: keys typed to the focus,
//! the focus awaited, files dropped; and the language the page chose.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use hallcount_app::i18n::Lang;
use serde_json::json;

use super::Browser;

impl Browser {
    /// Keys sent to whatever has the focus, as a clerk types them: each character pressed and
    /// released, in order, in one action sequence (`Key::Enter` as a char for Enter).
    pub async fn type_keys(&self, keys: &str) {
        let mut actions = KeyActions::new("clerk".into());
        for key in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value: key })
                .then(KeyAction::Up { value: key });
        }
        self.client
            .perform_actions(actions)
            .await
            .expect("type keys");
    }

    /// Waits until `selector` has the focus. A change of focus is no DOM mutation, so this
    /// checks once per frame (bounded by the script timeout) instead of observing mutations.
    pub async fn wait_for_focus(&self, selector: &str) {
        let script = r#"
            const [selector, done] = arguments;
            const check = () => document.activeElement?.matches(selector) ? done(true) : requestAnimationFrame(check);
            check();
        "#;
        if let Err(error) = self
            .client
            .execute_async(script, vec![json!(selector)])
            .await
        {
            let focused = self
                .execute("return document.activeElement?.outerHTML.slice(0, 200) ?? null;")
                .await;
            panic!("`{selector}` did not get the focus ({error}); the focus is on {focused}");
        }
    }

    /// Drops files (name, bytes) on the element `zone` at once, as a drag from the desktop
    /// would: a `dragover`, then the `drop`.
    pub async fn drop_files(&self, zone: &str, files: &[(&str, &[u8])]) {
        let script = r#"
            const [zone, files] = arguments;
            const target = document.querySelector(zone);
            const transfer = new DataTransfer();
            for (const [name, bytes] of files) {
                transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "application/json" }));
            }
            target.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
            target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
            return null;
        "#;
        self.client
            .execute(script, vec![json!(zone), json!(files)])
            .await
            .unwrap_or_else(|error| panic!("cannot drop files on `{zone}`: {error}"));
    }

    /// The language the page chose (it follows the browser), read from `<html lang>`.
    pub async fn page_lang(&self) -> Lang {
        let tag = self.execute("return document.documentElement.lang;").await;
        let tag = tag.as_str().expect("a lang attribute").to_owned();
        Lang::from_tag(&tag)
            .unwrap_or_else(|| panic!("<html lang={tag:?}> is not a language of the app"))
    }
}
