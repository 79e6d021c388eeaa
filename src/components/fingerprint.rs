//! A key's fingerprint or a hash, shown to be read aloud group by group.

use yew::prelude::*;

/// A fingerprint or hash in groups of four, each its own box so it is read group by group.
/// A function, not a component: each component costs the wasm its own copy of Yew's lifecycle.
pub fn in_groups(text: &str) -> Html {
    html! {
        <span class="fingerprint" translate="no">
            for group in text.split(' ') {
                <span class="fp-group">{ group.to_string() }</span>
            }
        </span>
    }
}
