//! The signing key as the pages see it: the stored state, reloaded whenever any view changes it.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::services::signing_key::{self, KeyState, KEY_CHANGED_EVENT};

/// The stored key. With `create_if_missing`, a missing key is made at once (first use); a damaged
/// one is never replaced without the user's action.
#[hook]
pub fn use_signing_key(create_if_missing: bool) -> KeyState {
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
    {
        let missing = *state == KeyState::Missing;
        use_effect_with(missing, move |missing| {
            if *missing && create_if_missing {
                // A refusal leaves the key missing; the panel says so and offers to try again.
                let _ = signing_key::create("", &crate::services::now_iso());
            }
        });
    }
    (*state).clone()
}
