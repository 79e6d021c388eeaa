//! The app's module script: wasm-bindgen's JS glue and the few lines that start it, minified
//! by terser (npm's, pinned in `package-lock.json`: names shortened, whitespace and dead code
//! gone; 0.9 KB smaller packed than the glue trimmed) where npm is there, else trimmed.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::workspace::{self, TaskResult};

/// What starts the app once the page has unpacked it: the wasm's compile promise, left on
/// `window` by the page's unpacker, goes to the glue's init.
const STARTER: &str = r#"try {
const wasm = window.hallcountWasm;
delete window.hallcountWasm;
await __wbg_init({ module_or_path: wasm });
} catch (error) {
console.error("hallcount could not start:", error);
}"#;

/// The glue and the starter as one module script, minified by `terser` (the path of its
/// command) or, without it, trimmed. `work` holds terser's input and output.
pub(super) fn app_script(glue: &str, terser: Option<&Path>, work: &Path) -> TaskResult<String> {
    let Some(terser) = terser else {
        eprintln!("xtask: note: without npm, the JS glue is only trimmed and the file is larger");
        return Ok(format!("{}\n{STARTER}", trim_glue(glue)));
    };
    let input = work.join("app-script.js");
    let output = work.join("app-script.min.js");
    fs::write(&input, format!("{glue}\n{STARTER}"))?;
    // `--module`: the script runs as a module (strict, its top-level names its own), so
    // terser may rename those too; top-level `await` is allowed.
    workspace::run(
        Command::new(terser)
            .arg(&input)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&output),
    )?;
    Ok(fs::read_to_string(output)?)
}

/// The glue without indentation, blank lines and whole-line `//` comments (a fifth of it).
/// Only when no line could be inside a multi-line template literal or string, where
/// that would change a value; otherwise the glue as it is.
fn trim_glue(glue: &str) -> String {
    let may_continue = |line: &str| line.matches('`').count() % 2 == 1 || line.ends_with('\\');
    if glue.lines().any(may_continue) {
        return glue.to_owned();
    }
    let kept = glue
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.is_empty() && !line.starts_with("//"));
    kept.collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_indentation_and_comment_lines() {
        let glue = "function f() {\n    // why\n\n    return `${x}`;\n}\n";
        assert_eq!(trim_glue(glue), "function f() {\nreturn `${x}`;\n}");
    }

    #[test]
    fn leaves_glue_with_a_multi_line_template_alone() {
        let glue = "const s = `a\n    b`;\n";
        assert_eq!(trim_glue(glue), glue);
    }

    #[test]
    fn without_terser_the_starter_follows_the_trimmed_glue() {
        let script = app_script(
            "let wasm;\n    // note\nfunction __wbg_init() {}\n",
            None,
            Path::new("/nonexistent"),
        )
        .unwrap();
        assert_eq!(
            script,
            format!("let wasm;\nfunction __wbg_init() {{}}\n{STARTER}")
        );
    }
}
