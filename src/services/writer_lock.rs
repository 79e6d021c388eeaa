//! One writing tab per election, decided by the browser's Web Locks API: the tab that writes
//! holds an exclusive lock named after the election for as long as the page lives. A lock dies
//! with its tab (closed, crashed, killed), so a reopened tab writes at once, and no clock or
//! renewal is involved, so a throttled background tab cannot outlive it. A second tab waits for
//! the lock, and gets it when the first one closes; the officer may also take it over (`steal`).
//!
//! `navigator.locks` is bound by hand: web-sys has it only behind `web_sys_unstable_apis`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

#[wasm_bindgen]
extern "C" {
    type LockManager;

    #[wasm_bindgen(method, catch)]
    fn request(
        this: &LockManager,
        name: &str,
        options: &Object,
        callback: &Function,
    ) -> Result<Promise, JsValue>;
}

/// How to ask for the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Only if no other tab holds it now.
    IfFree,
    /// Wait until it is free (or until the [`Waiting`] whose signal it was given is dropped).
    Wait,
    /// Take it from the tab that holds it; that tab is told it lost it.
    Steal,
}

/// The lock, held until dropped (or stolen: then `on_lost` was called).
pub struct Held {
    release: Function,
}

impl Drop for Held {
    fn drop(&mut self) {
        let _ = self.release.call0(&JsValue::NULL);
    }
}

/// A request waiting for the lock: dropping it gives up the wait.
pub struct Waiting {
    abort: web_sys::AbortController,
}

impl Drop for Waiting {
    fn drop(&mut self) {
        self.abort.abort();
    }
}

/// The lock name of election `id`.
pub fn lock_name(id: &str) -> String {
    format!("hallcount.writer.{id}")
}

fn lock_manager() -> Option<LockManager> {
    let navigator = gloo::utils::window().navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Whether this browser has Web Locks. Without them there is no way to coordinate tabs.
pub fn available() -> bool {
    lock_manager().is_some()
}

/// Asks for the lock `name`. `Ok(Some)` once held; `Ok(None)` when [`Ask::IfFree`] found it
/// taken or the wait was given up; `on_lost` is called if another tab steals it later.
pub async fn acquire(
    name: &str,
    ask: Ask,
    waiting: Option<web_sys::AbortSignal>,
    on_lost: impl FnOnce() + 'static,
) -> Result<Option<Held>, String> {
    let manager = lock_manager().ok_or("Web Locks are not available")?;
    let options = Object::new();
    let set = |key: &str, value: JsValue| Reflect::set(&options, &key.into(), &value);
    set("mode", "exclusive".into()).map_err(describe)?;
    match ask {
        Ask::IfFree => set("ifAvailable", true.into()),
        Ask::Steal => set("steal", true.into()),
        Ask::Wait => match waiting {
            Some(signal) => set("signal", signal.into()),
            None => Ok(true),
        },
    }
    .map_err(describe)?;

    // `granted` settles with the release function, or null when the lock was not given.
    let settle: Rc<RefCell<Option<Function>>> = Rc::default();
    let granted = Promise::new(&mut |resolve, _| *settle.borrow_mut() = Some(resolve));
    let settle_on_grant = settle.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let Some(resolve) = settle_on_grant.borrow_mut().take() else {
            return JsValue::UNDEFINED;
        };
        if lock.is_null() {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            return JsValue::UNDEFINED;
        }
        // The lock is held until the promise returned here settles: its resolve is the release.
        let mut release = JsValue::NULL;
        let hold = Promise::new(&mut |resolve, _| release = resolve.into());
        let _ = resolve.call1(&JsValue::NULL, &release);
        hold.into()
    });
    let done = manager
        .request(name, &options, callback.unchecked_ref())
        .map_err(describe)?;
    let settle_on_end = settle.clone();
    spawn_local(async move {
        // Rejected: the wait was given up (before any grant) or the lock was stolen (after).
        if JsFuture::from(done).await.is_err() {
            match settle_on_end.borrow_mut().take() {
                Some(resolve) => {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
                }
                None => on_lost(),
            }
        }
    });
    let release = JsFuture::from(granted).await.map_err(describe)?;
    Ok(release
        .dyn_into::<Function>()
        .ok()
        .map(|release| Held { release }))
}

impl Waiting {
    pub fn new() -> Result<Waiting, String> {
        Ok(Waiting {
            abort: web_sys::AbortController::new().map_err(describe)?,
        })
    }

    /// What [`acquire`] listens to, to give up the wait.
    pub fn signal(&self) -> web_sys::AbortSignal {
        self.abort.signal()
    }
}

fn describe(value: JsValue) -> String {
    Reflect::get(&value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "Web Locks refused".to_owned())
}
