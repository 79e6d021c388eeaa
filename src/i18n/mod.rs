//! Every word the app shows goes through [`tr`] (or [`tr_args`]): one lookup, three languages.
//!
//! Messages are a compile-time table in `messages/`: a key missing in any language does not
//! compile, and the `i18n` tests fail on a key that no code uses.

pub mod backup_words;
pub mod describe;
pub mod file_words;
mod messages;
pub mod result_words;
pub mod verify_words;

pub use messages::Msg;

/// The languages of the app, in the order offered by the switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    ZhHant,
    ZhHans,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhHant, Lang::ZhHans, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(tag))
    }

    /// The best language for a browser's preference list (`navigator.languages`).
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let tag = tag.to_ascii_lowercase();
            if tag.starts_with("zh") {
                let simplified =
                    tag.contains("hans") || tag.ends_with("-cn") || tag.ends_with("-sg");
                return if simplified {
                    Lang::ZhHans
                } else {
                    Lang::ZhHant
                };
            }
            if tag.starts_with("en") {
                return Lang::En;
            }
        }
        Lang::ZhHant
    }
}

/// The text of `key` in `lang`.
pub fn tr(lang: Lang, key: Msg) -> &'static str {
    messages::text(lang, key)
}

/// The text of `key` with `{name}` placeholders filled from `args`.
pub fn tr_args(lang: Lang, key: Msg, args: &[(&str, &str)]) -> String {
    let mut text = tr(lang, key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_scripts_and_regions() {
        assert_eq!(Lang::negotiate(["zh-TW"]), Lang::ZhHant);
        assert_eq!(Lang::negotiate(["zh-HK"]), Lang::ZhHant);
        assert_eq!(Lang::negotiate(["zh-CN"]), Lang::ZhHans);
        assert_eq!(Lang::negotiate(["zh-Hans-CN"]), Lang::ZhHans);
        assert_eq!(Lang::negotiate(["fr", "en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(["fr"]), Lang::ZhHant);
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            tr_args(Lang::En, Msg::PapersEntered, &[("n", "17")]),
            "Paper 17 entered"
        );
    }

    #[test]
    fn every_key_is_used_by_the_app() {
        let sources = crate_sources();
        let unused: Vec<&str> = Msg::ALL
            .iter()
            .map(|key| key.name())
            .filter(|name| !sources.contains(&format!("Msg::{name}")))
            .collect();
        assert!(unused.is_empty(), "message keys no code uses: {unused:?}");
    }

    #[test]
    fn no_text_is_empty() {
        for key in Msg::ALL {
            for lang in Lang::ALL {
                assert!(
                    !tr(lang, *key).trim().is_empty(),
                    "{key:?} is empty in {}",
                    lang.tag()
                );
            }
        }
    }

    /// A Chinese column left in English (or copied from the English one) by mistake. Names and
    /// codes (Enter, JSON, hallcount/ballots@1) may stay Latin, but some Chinese must surround them.
    #[test]
    fn chinese_texts_are_chinese() {
        // Han characters, or CJK punctuation (the list separator 、 is a whole message).
        let is_han = |c: char| {
            [
                '\u{3000}'..='\u{303f}',
                '\u{3400}'..='\u{4dbf}',
                '\u{4e00}'..='\u{9fff}',
            ]
            .iter()
            .any(|r| r.contains(&c))
        };
        for key in Msg::ALL {
            for lang in [Lang::ZhHant, Lang::ZhHans] {
                let text = tr(lang, *key);
                assert!(
                    text.chars().any(is_han),
                    "{key:?} in {} has no Chinese: {text:?}",
                    lang.tag()
                );
                assert_ne!(
                    text,
                    tr(Lang::En, *key),
                    "{key:?} in {} is the English text",
                    lang.tag()
                );
            }
        }
    }

    /// A placeholder missing in one language shows the reader a raw `{n}` or loses the number.
    #[test]
    fn placeholders_agree_across_languages() {
        fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
            text.split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
                .collect()
        }
        for key in Msg::ALL {
            let english = placeholders(tr(Lang::En, *key));
            for lang in [Lang::ZhHant, Lang::ZhHans] {
                assert_eq!(
                    placeholders(tr(lang, *key)),
                    english,
                    "{key:?}: placeholders of {} differ from en",
                    lang.tag()
                );
            }
        }
    }

    /// The two Chinese columns swapped or pasted into each other: each script has characters the
    /// other never uses for these words (only pairs where both forms are unambiguous are listed).
    #[test]
    fn each_chinese_column_keeps_its_script() {
        const PAIRS: &[(char, char)] = &[
            ('選', '选'),
            ('張', '张'),
            ('錄', '录'),
            ('設', '设'),
            ('結', '结'),
            ('無', '无'),
            ('會', '会'),
            ('議', '议'),
            ('數', '数'),
            ('與', '与'),
            ('為', '为'),
            ('當', '当'),
            ('對', '对'),
            ('個', '个'),
            ('這', '这'),
            ('過', '过'),
            ('還', '还'),
            ('檔', '档'),
            ('鎖', '锁'),
            ('開', '开'),
            ('讀', '读'),
            ('請', '请'),
            ('時', '时'),
            ('說', '说'),
            ('單', '单'),
            ('號', '号'),
            ('經', '经'),
            ('應', '应'),
            ('實', '实'),
            ('發', '发'),
            ('認', '认'),
            ('額', '额'),
            ('輪', '轮'),
            ('鎮', '镇'),
            ('簽', '签'),
        ];
        for key in Msg::ALL {
            let (hant, hans) = (tr(Lang::ZhHant, *key), tr(Lang::ZhHans, *key));
            for (traditional, simplified) in PAIRS {
                assert!(
                    !hans.contains(*traditional),
                    "{key:?} in zh-Hans has the traditional {traditional}: {hans:?}"
                );
                assert!(
                    !hant.contains(*simplified),
                    "{key:?} in zh-Hant has the simplified {simplified}: {hant:?}"
                );
            }
        }
    }

    /// Every Rust file of the app except the message table itself (`messages/`).
    fn crate_sources() -> String {
        fn walk(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.components().any(|part| part.as_os_str() == "messages")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut out = String::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut out,
        );
        out
    }
}
