//! A name from a file or from typing, shown as text only and isolated from the text around it
//! (issue 10): `<bdi>` (`unicode-bidi: isolate`), so a name in Arabic or Hebrew, or a bidi
//! override, cannot reorder its neighbours ("第18村" shown as "村81第"). The checks refuse
//! control and bidi characters in names; any that still reaches the screen (a file name, an
//! error's detail) is shown as an escape (`\u{202e}`), never obeyed. Yew writes text nodes, never
//! markup, so `<img onerror=…>` in a name stays those characters.

use yew::prelude::*;

/// `text` as an isolated name.
pub fn bdi(text: &str) -> Html {
    html! { <bdi>{ hallcount_core::visible(text).into_owned() }</bdi> }
}
