//! The JSON path of an error, gathered as the error passes back out through the wrappers.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt::Write as _;

/// Where in the file an error is, one step of the JSON path.
pub(super) enum Step {
    Index(usize),
    Key(String),
    /// A key or variant that was not a string (never in JSON; said as `?`).
    Unknown,
}

thread_local! {
    /// The steps of the error being returned, innermost first, added as it passes each level.
    static ERROR_PATH: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

/// Adds `step` to the path of the error being returned. Not generic and never inlined: every
/// reader of every type calls this one copy on its error path.
#[inline(never)]
pub(super) fn push_step(step: Step) {
    ERROR_PATH.with(|path| path.borrow_mut().push(step));
}

/// Adds the step of `key` (`?` when the key was not a string) to the path of the error.
#[inline(never)]
pub(super) fn push_key(key: Option<&Cow<'_, str>>) {
    push_step(key.map_or(Step::Unknown, |key| Step::Key(key.to_string())));
}

pub(super) fn error_at_key<E>(key: Option<&Cow<'_, str>>, error: E) -> E {
    push_key(key);
    error
}

/// Forgets any path left by an earlier read on this thread: call before reading with [`Strict`].
pub fn clear_error_path() {
    ERROR_PATH.with(|path| path.borrow_mut().clear());
}

/// The JSON path of the error the last read with [`Strict`] returned, as `a.b[2].c` (empty at
/// the top level), and forgets it.
pub fn take_error_path() -> String {
    let steps = ERROR_PATH.with(|path| std::mem::take(&mut *path.borrow_mut()));
    let mut text = String::new();
    for step in steps.iter().rev() {
        match step {
            Step::Index(index) => {
                let _ = write!(text, "[{index}]");
            }
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Unknown => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push('?');
            }
        }
    }
    text
}
