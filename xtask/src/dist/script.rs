//! The page's JS minified by terser (npm's, pinned in `package-lock.json`: names shortened,
//! whitespace and dead code gone) where npm is there: the app's module script (wasm-bindgen's
//! JS glue and the few lines that start it: 0.9 KB smaller packed than the glue trimmed, which
//! is what it gets without npm) and the page's own inline scripts (`page.rs`).

use std::fs;
use std::path::PathBuf;
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

/// JS through terser where npm is there (names shortened, whitespace, comments and dead code
/// gone), else as it is; `work` holds terser's input and output.
pub(super) struct Minifier {
    pub terser: Option<PathBuf>,
    pub work: PathBuf,
}

/// How the browser runs a script: a module's top-level names are its own, so terser may
/// rename those too (and top-level `await` is allowed); a classic script's are globals.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Module,
    Classic,
}

impl Minifier {
    /// The trim alone, as without npm (for tests: nothing is written).
    #[cfg(test)]
    pub(super) fn without_terser() -> Self {
        Minifier {
            terser: None,
            work: PathBuf::from("/nonexistent"),
        }
    }

    /// `js` minified, or `None` without terser.
    pub(super) fn minify(&self, js: &str, kind: Kind, name: &str) -> TaskResult<Option<String>> {
        let Some(terser) = &self.terser else {
            return Ok(None);
        };
        let input = self.work.join(format!("{name}.js"));
        let output = self.work.join(format!("{name}.min.js"));
        fs::create_dir_all(&self.work)?;
        fs::write(&input, js)?;
        let mut command = Command::new(terser);
        command.arg(&input).args(["--compress", "--mangle"]);
        if kind == Kind::Module {
            command.arg("--module");
        }
        workspace::run(command.arg("--output").arg(&output))?;
        Ok(Some(fs::read_to_string(output)?.trim_end().to_owned()))
    }
}

/// The glue and the starter as one module script, minified, or without terser trimmed.
pub(super) fn app_script(glue: &str, minifier: &Minifier) -> TaskResult<String> {
    let script = format!("{glue}\n{STARTER}");
    match minifier.minify(&script, Kind::Module, "app-script")? {
        Some(minified) => Ok(minified),
        None => {
            eprintln!(
                "xtask: note: without npm, the JS glue is only trimmed and the file is larger"
            );
            Ok(format!("{}\n{STARTER}", trim_glue(glue)))
        }
    }
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
        let minifier = Minifier::without_terser();
        let glue = "let wasm;\n    // note\nfunction __wbg_init() {}\n";
        let script = app_script(glue, &minifier).unwrap();
        assert_eq!(
            script,
            format!("let wasm;\nfunction __wbg_init() {{}}\n{STARTER}")
        );
    }
}
