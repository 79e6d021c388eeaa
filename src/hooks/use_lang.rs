//! The language chosen at the root (`app::App` provides it).

use yew::prelude::*;

use crate::i18n::Lang;

/// The language of the nearest provider.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::En)
}
