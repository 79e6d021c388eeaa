//! The message table. Each entry: a key, then its text in zh-Hant, zh-Hans and en.
//! Placeholders are `{name}`, filled by `tr_args`.
//!
//! The rows live in one file per part of the app. Each file defines, through `message_rows!`, a
//! macro that adds its rows and hands them all to the next one named in the list; the last,
//! `messages!`, makes the one `Msg` enum and its table, so a key missing in any language still
//! does not compile.

macro_rules! messages {
    ([] $($key:ident => [$hant:literal, $hans:literal, $en:literal $(,)?],)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            pub fn name(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key),)* }
            }
        }

        /// Each language's texts in the order of the keys, each ended by a NUL: one string per
        /// language, where a table of `&str` cost the page 8 bytes of pointer and length per
        /// text, which compress badly (issue 12). Cut into texts once, on first use.
        static TEXTS: [&str; 3] = [
            concat!($($hant, "\0",)*),
            concat!($($hans, "\0",)*),
            concat!($($en, "\0",)*),
        ];

        pub(super) fn text(lang: super::Lang, key: Msg) -> &'static str {
            thread_local! {
                static CUT: [std::cell::OnceCell<Vec<&'static str>>; 3] = Default::default();
            }
            let column = match lang {
                super::Lang::ZhHant => 0,
                super::Lang::ZhHans => 1,
                super::Lang::En => 2,
            };
            // A key's discriminant is its place in each string: every key has its text.
            CUT.with(|cut| cut[column].get_or_init(|| TEXTS[column].split('\0').collect())[key as usize])
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

#[cfg(test)]
mod tests {
    use super::{text, Msg, TEXTS};
    use crate::i18n::Lang;

    #[test]
    fn each_language_has_one_text_per_key() {
        for texts in TEXTS {
            assert!(texts.ends_with('\0'));
            assert_eq!(texts.split('\0').count(), Msg::ALL.len() + 1);
        }
    }

    #[test]
    fn a_key_finds_its_own_text_in_each_language() {
        let first = Msg::ALL[0];
        let last = *Msg::ALL.last().unwrap();
        for (lang, column) in Lang::ALL.into_iter().zip(TEXTS) {
            let texts: Vec<&str> = column.split('\0').collect();
            assert_eq!(text(lang, first), texts[0]);
            assert_eq!(text(lang, last), texts[Msg::ALL.len() - 1]);
        }
        assert_eq!(text(Lang::ZhHant, Msg::NavChecks), "核對");
        assert_eq!(text(Lang::ZhHans, Msg::NavChecks), "核对");
        assert_eq!(text(Lang::En, Msg::NavChecks), "Checks");
    }
}
