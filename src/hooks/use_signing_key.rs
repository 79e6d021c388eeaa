//! The signing key as the pages see it: the stored state, reloaded whenever any view changes it.
//! Only the sealed key (or a clear one still to seal) is ever in this state, never a signer.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::services::signing_key::{self, KeyState, KEY_CHANGED_EVENT};

/// The stored key. A missing key is made only when the officer chooses its passphrase; a
/// damaged one is never replaced without the officer's action.
#[hook]
pub fn use_signing_key() -> KeyState {
    let state = use_state(signing_key::load);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), KEY_CHANGED_EVENT, move |_| {
                    state.set(signing_key::load());
                });
            move || drop(listener)
        });
    }
    (*state).clone()
}
