//! The message table. Each entry: a key, then its text in zh-Hant, zh-Hans and en.
//! Placeholders are `{name}`, filled by `tr_args`.

macro_rules! messages {
    ($($key:ident => [$hant:expr, $hans:expr, $en:expr $(,)?],)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];

            pub fn name(self) -> &'static str {
                match self { $(Key::$key => stringify!($key),)* }
            }
        }

        pub(super) fn text(lang: super::Lang, key: Key) -> &'static str {
            match key {
                $(Key::$key => match lang {
                    super::Lang::ZhHant => $hant,
                    super::Lang::ZhHans => $hans,
                    super::Lang::En => $en,
                },)*
            }
        }
    };
}

messages! {
    AppName => ["村民大會計票", "村民大会计票", "Village-hall ballot counter"],
    NavSetup => ["設定", "设定", "Setup"],
    NavEntry => ["錄入選票", "录入选票", "Entry"],
    NavResults => ["結果", "结果", "Results"],
    SetupIntro => ["先設定會議：名稱、代表人數、發出選票數和各項選舉。", "先设定会议：名称、代表人数、发出选票数和各项选举。", "First set up the meeting: its name, the delegates, the ballots issued and the contests."],
    EntryIntro => ["每張選票逐張錄入。", "每张选票逐张录入。", "Enter the papers one at a time."],
    ResultsIntro => ["結果由已錄入的選票計算。", "结果由已录入的选票计算。", "The results are counted from the papers entered."],
    PapersEntered => ["第 {n} 張選票已錄入", "第 {n} 张选票已录入", "Paper {n} entered"],
    LanguageName => ["繁體中文", "简体中文", "English"],
    LanguageLabel => ["語言", "语言", "Language"],
}
