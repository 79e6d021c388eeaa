//! Short names for what the wasm imports from its JS glue and exports to it. wasm-bindgen names
//! each import after its method and a hash (`__wbg_appendChild_8204974b7328bf98`), and some
//! exports after a whole Rust path; each name is in the wasm and in the glue, and the hashes
//! do not compress: two-letter names make the packed page 3 KB smaller.
//!
//! A name is renamed only where the glue's text shows every use of it: an import as the one
//! key of the imports object (`NAME:`), an export as `wasm.NAME` and maybe as a bare
//! identifier (the glue names its own function after the export it calls), renamed with it.
//! Any other name keeps its own, so the glue and the wasm always agree.

use std::collections::BTreeMap;

/// Old name -> new name, for the imports and for the exports.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Renames {
    pub imports: BTreeMap<String, String>,
    pub exports: BTreeMap<String, String>,
}

/// Which of `imports` and `exports` (as the wasm names them) can be renamed, what to, and the
/// glue with the new names.
pub(super) fn shorten(imports: &[String], exports: &[String], glue: &str) -> (Renames, String) {
    let tokens = tokens(glue);
    let mut uses: BTreeMap<&str, Vec<&Token>> = BTreeMap::new();
    for token in &tokens {
        uses.entry(token.text).or_default().push(token);
    }
    let uses_of = |name: &str| uses.get(name).map_or(&[][..], Vec::as_slice);
    let mut renames = Renames::default();
    let mut fresh = (0..).map(short_name).filter(|name| {
        !RESERVED.contains(&name.as_str())
            && !imports.contains(name)
            && !exports.contains(name)
            && uses_of(name).is_empty()
    });
    for name in imports {
        let is_one_key = matches!(uses_of(name), [token] if token.before_colon);
        if is_one_key && !renames.imports.contains_key(name) {
            renames
                .imports
                .insert(name.clone(), fresh.next().expect("endless"));
        }
    }
    for name in exports {
        let found = uses_of(name);
        let on_wasm = found.iter().any(|token| token.on_wasm);
        let all_known = found.iter().all(|token| token.on_wasm || token.is_bare());
        if on_wasm && all_known && !renames.exports.contains_key(name) {
            renames
                .exports
                .insert(name.clone(), fresh.next().expect("endless"));
        }
    }
    let mut renamed = String::with_capacity(glue.len());
    let mut at = 0;
    for token in &tokens {
        let new = if token.on_wasm || token.is_bare() {
            renames.exports.get(token.text)
        } else {
            renames.imports.get(token.text)
        };
        if let Some(new) = new {
            renamed.push_str(&glue[at..token.start]);
            renamed.push_str(new);
            at = token.start + token.text.len();
        }
    }
    renamed.push_str(&glue[at..]);
    (renames, renamed)
}

/// JS words a renamed export's bare identifier could not be.
const RESERVED: [&str; 8] = ["do", "if", "in", "for", "let", "new", "try", "var"];

/// The `index`-th name of `a`..`z`, `A`..`Z`, then two letters, and so on (JS's reserved
/// words of up to three letters left out by [`shorten`]).
fn short_name(index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    let mut rest = index;
    loop {
        name.push(LETTERS[rest % LETTERS.len()]);
        rest /= LETTERS.len();
        if rest == 0 {
            break;
        }
        rest -= 1;
    }
    String::from_utf8(name).expect("ASCII")
}

/// One identifier-like run of the glue's text (strings and comments are not told apart:
/// a name found there too is a use that keeps it from being renamed).
struct Token<'a> {
    text: &'a str,
    start: usize,
    /// Right after `wasm.`: a use of an export.
    on_wasm: bool,
    /// Right after another `.`: some other object's property.
    after_dot: bool,
    /// Right before `:` (spaces aside): an object's key.
    before_colon: bool,
}

impl Token<'_> {
    /// A variable or function of the glue's own, not a property or a key.
    fn is_bare(&self) -> bool {
        !self.on_wasm && !self.after_dot && !self.before_colon
    }
}

fn tokens(glue: &str) -> Vec<Token<'_>> {
    let is_name = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
    let bytes = glue.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !is_name(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && is_name(bytes[at]) {
            at += 1;
        }
        let before = &glue[..start];
        let on_wasm = before.strip_suffix("wasm.").is_some_and(|rest| {
            !rest
                .bytes()
                .next_back()
                .is_some_and(|c| is_name(c) || c == b'.')
        });
        let before_colon = glue[at..].trim_start().starts_with(':');
        let after_dot = !on_wasm && before.trim_end().ends_with('.');
        tokens.push(Token {
            text: &glue[start..at],
            start,
            on_wasm,
            after_dot,
            before_colon,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn imports_and_exports_get_short_names_in_the_glue_too() {
        let glue = "const import0 = {\n  __wbg_remove_8228: function(arg0) { arg0.remove(); },\n  \
                    __wbg_call_a410 : function() { wasm.__wbindgen_malloc(1); },\n};\n\
                    wasm.__wbindgen_malloc(2); wasm.__wbindgen_start();";
        let imports = names(&["__wbg_remove_8228", "__wbg_call_a410"]);
        let exports = names(&["memory", "__wbindgen_malloc", "__wbindgen_start"]);
        let (renames, renamed) = shorten(&imports, &exports, glue);
        assert_eq!(renames.imports["__wbg_remove_8228"], "a");
        assert_eq!(renames.imports["__wbg_call_a410"], "b");
        assert_eq!(renames.exports["__wbindgen_malloc"], "c");
        assert_eq!(renames.exports["__wbindgen_start"], "d");
        assert!(!renames.exports.contains_key("memory"), "no use, no rename");
        assert_eq!(
            renamed,
            "const import0 = {\n  a: function(arg0) { arg0.remove(); },\n  \
             b : function() { wasm.c(1); },\n};\nwasm.c(2); wasm.d();"
        );
    }

    #[test]
    fn a_name_used_in_any_other_way_keeps_its_own() {
        let glue = "x = { __wbg_a_1: f, __wbg_b_2: g }; y = __wbg_b_2; \
                    wasm.malloc(); o.malloc(); wasm.free(); mywasm.start(); wasm.start(); \
                    a.wasm.grow(); wasm.grow(); z = { put: 1 }; wasm.put(); unused();";
        let imports = names(&["__wbg_a_1", "__wbg_b_2", "__wbg_absent_3"]);
        let exports = names(&["malloc", "free", "start", "grow", "put", "unused"]);
        let (renames, renamed) = shorten(&imports, &exports, glue);
        assert_eq!(renames.imports.keys().collect::<Vec<_>>(), ["__wbg_a_1"]);
        assert_eq!(renames.exports.keys().collect::<Vec<_>>(), ["free"]);
        assert_eq!(
            renamed,
            glue.replace("__wbg_a_1", "b")
                .replace("wasm.free", "wasm.c")
        );
    }

    #[test]
    fn the_glues_own_function_named_after_an_export_is_renamed_with_it() {
        let glue = "const ret = make(arg0, invoke_true_);\n\
                    function invoke_true_(arg0) {\nwasm.invoke_true_(arg0);\n}";
        let exports = names(&["invoke_true_"]);
        let (renames, renamed) = shorten(&[], &exports, glue);
        assert_eq!(renames.exports["invoke_true_"], "a");
        assert_eq!(
            renamed,
            "const ret = make(arg0, a);\nfunction a(arg0) {\nwasm.a(arg0);\n}"
        );
    }

    #[test]
    fn new_names_are_unique_and_clash_with_no_word_of_the_glue() {
        let imports: Vec<String> = (0..3000).map(|i| format!("__wbg_f_{i:x}")).collect();
        let glue: String = imports.iter().map(|name| format!("{name}: a,\n")).collect();
        let (renames, renamed) = shorten(&imports, &names(&["b"]), &glue);
        let mut new: Vec<&String> = renames.imports.values().collect();
        new.sort();
        new.dedup();
        assert_eq!(new.len(), imports.len());
        assert!(!new.iter().any(|name| ["a", "b"].contains(&name.as_str())));
        assert!(new.iter().all(|name| name.len() <= 3));
        assert_eq!(renamed.lines().count(), imports.len());
    }

    #[test]
    fn short_names_count_up_through_one_then_two_letters() {
        let list: Vec<String> = (0..60).map(short_name).collect();
        assert_eq!(list[0], "a");
        assert_eq!(list[51], "Z");
        assert_eq!(list[52], "aa");
        assert_eq!(list[53], "ba");
        assert_eq!(short_name(52 + 52 * 52), "aaa");
        assert_eq!(
            (short_name(320).as_str(), short_name(783).as_str()),
            ("if", "do")
        );
        let imports: Vec<String> = (0..1000).map(|i| format!("__wbg_{i}")).collect();
        let glue: String = imports.iter().map(|name| format!("{name}: 1,")).collect();
        let (renames, _) = shorten(&imports, &[], &glue);
        assert!(renames
            .imports
            .values()
            .all(|name| !RESERVED.contains(&name.as_str())));
    }
}
