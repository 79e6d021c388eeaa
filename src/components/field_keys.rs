//! Enter and Escape in a text field (a written name, a reason), the same in every field.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Calls `on_enter` with the field on Enter and `on_escape` on Escape, each instead of the
/// browser's default. Any other key, and Enter while an input method composes (a Chinese input
/// method picks a character with it), is left to the field.
pub fn enter_or_escape(
    on_enter: impl Fn(HtmlInputElement) + 'static,
    on_escape: impl Fn() + 'static,
) -> Callback<KeyboardEvent> {
    Callback::from(move |event: KeyboardEvent| {
        if event.is_composing() {
            return;
        }
        match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                on_enter(event.target_unchecked_into());
            }
            "Escape" => {
                event.prevent_default();
                on_escape();
            }
            _ => {}
        }
    })
}
