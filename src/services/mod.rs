//! The app's edge: browser storage, the writer's lock, files (and saving them checked) and the
//! clock. Nothing here decides
//! anything about the meeting; `state` and the core do.

pub mod file_reading;
pub mod files;
pub mod idb;
pub mod save;
pub mod signing_key;
pub mod storage;
pub mod writer_lock;

/// Now, as ISO 8601 in UTC, for the `at` of a log entry.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh identifier for a stored election or a tab: time and randomness, base 36.
pub fn fresh_id() -> String {
    let time = js_sys::Date::now() as u64;
    let noise = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("{}{}", base36(time), base36(noise))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII digits")
}

/// Runs `work` once the page has painted what was just rendered: a slow step on the main thread
/// (opening a sealed key takes about a second in wasm) then freezes a page that already says it
/// is working. After the next animation frame, or after 100 ms if the window draws no frames.
pub fn after_paint(work: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let work = Rc::new(Cell::new(Some(work)));
    let run_soon = {
        let work = work.clone();
        move || {
            // A task after the frame, so the frame is drawn before the work starts.
            gloo::timers::callback::Timeout::new(0, move || {
                if let Some(work) = work.take() {
                    work();
                }
            })
            .forget();
        }
    };
    let frame = Closure::once_into_js(run_soon.clone());
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    gloo::timers::callback::Timeout::new(100, run_soon).forget();
}

/// A performance mark, read by the end-to-end tests to measure load and entry times.
pub fn mark(name: &str) {
    if let Some(performance) = gloo::utils::window().performance() {
        let _ = performance.mark(name);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base36_digits() {
        assert_eq!(super::base36(0), "0");
        assert_eq!(super::base36(35), "z");
        assert_eq!(super::base36(36), "10");
    }
}
