//! The message table. Each entry: a key, then its text in zh-Hant, zh-Hans and en.
//! Placeholders are `{name}`, filled by `tr_args`.
//!
//! The rows live in one file per part of the app. Each file defines, through `message_rows!`, a
//! macro that adds its rows and hands them all to the next one named in the list; the last,
//! `messages!`, makes the one `Msg` enum and its table, so a key missing in any language still
//! does not compile.

macro_rules! messages {
    ([] $($key:ident => [$hant:expr, $hans:expr, $en:expr $(,)?],)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            pub fn name(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key),)* }
            }
        }

        /// Each key's texts, in the order of the keys: a table, where a `match` cost the wasm a
        /// few bytes of code for every text (the page has a size budget, issue 2).
        static TEXTS: &[[&str; 3]] = &[$([$hant, $hans, $en],)*];

        pub(super) fn text(lang: super::Lang, key: Msg) -> &'static str {
            let column = match lang {
                super::Lang::ZhHant => 0,
                super::Lang::ZhHans => 1,
                super::Lang::En => 2,
            };
            // A key's discriminant is its place in the table: every key has its row.
            TEXTS[key as usize][column]
        }
    };
}

/// Defines `$name!`, which adds these rows after the rows it is given and hands them all to
/// the next macro of its list. `$` comes in as a token (`$d`) so that the macro it defines can
/// have metavariables of its own.
macro_rules! message_rows {
    ($d:tt $name:ident { $($rows:tt)* }) => {
        macro_rules! $name {
            ([$d next:ident $d(, $d rest:ident)*] $d($d given:tt)*) => {
                $d next! { [$d($d rest),*] $d($d given)* $($rows)* }
            };
        }
    };
}

#[macro_use]
mod checks;
#[macro_use]
mod entry;
#[macro_use]
mod problems;
#[macro_use]
mod results;
#[macro_use]
mod setup;
#[macro_use]
mod shell;
#[macro_use]
mod signed;

// The order of the parts is the order of the keys in `Msg::ALL`.
shell_messages! {
    [
        entry_messages,
        results_messages,
        setup_messages,
        problems_messages,
        signed_messages,
        checks_messages,
        messages
    ]
}
