//! A key's fingerprint or a hash, shown to be read aloud group by group.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FingerprintProps {
    pub text: String,
}

/// A fingerprint or hash in groups of four, each its own box so it is read group by group.
#[component]
pub fn Fingerprint(props: &FingerprintProps) -> Html {
    html! {
        <span class="fingerprint" translate="no">
            for group in props.text.split(' ') {
                <span class="fp-group">{ group.to_string() }</span>
            }
        </span>
    }
}
