//! The core stays pure: no web crate may enter `hallcount-core`'s dependency tree.

use crate::workspace::{self, TaskResult};

/// Crates that tie code to a browser; each also stands for its family (`gloo-utils`, `yew-macro`).
const FORBIDDEN: [&str; 5] = ["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen"];

pub fn check() -> TaskResult {
    // `--target all`: a dependency added only for wasm32 counts too.
    let output = workspace::cargo()
        .args([
            "tree",
            "--package",
            "hallcount-core",
            "--edges",
            "normal",
            "--target",
            "all",
            "--prefix",
            "none",
        ])
        .output()?;
    if !output.status.success() {
        return Err(format!(
            "cargo tree failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let culprits = forbidden_crates(&tree);
    if culprits.is_empty() {
        println!("xtask: hallcount-core has no web crate in its dependency tree");
        return Ok(());
    }
    let mut message = String::from("hallcount-core must not depend on web crates, but it does on:");
    for culprit in &culprits {
        message.push_str(&format!(
            "\n  {culprit} (see how: cargo tree -p hallcount-core -e normal --target all -i {culprit})"
        ));
    }
    Err(message.into())
}

/// The forbidden crate names in `cargo tree --prefix none` output, each once, in order.
fn forbidden_crates(tree: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for line in tree.lines() {
        let Some(name) = line.split_whitespace().next() else {
            continue;
        };
        let forbidden = FORBIDDEN
            .iter()
            .any(|bad| name == *bad || name.starts_with(&format!("{bad}-")));
        if forbidden && !found.iter().any(|seen| seen == name) {
            found.push(name.to_owned());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_web_crates_by_name_and_family() {
        let tree = "hallcount-core v0.1.0 (/w)\nserde v1.0.229\ngloo-utils v0.2.0\nweb-sys v0.3.107\ngloo-utils v0.2.0\n";
        assert_eq!(forbidden_crates(tree), ["gloo-utils", "web-sys"]);
    }

    #[test]
    fn passes_a_pure_tree() {
        let tree =
            "hallcount-core v0.1.0 (/w)\nserde v1.0.229\nserde_json v1.0.154\nyewish v1.0.0\n";
        assert!(forbidden_crates(tree).is_empty());
    }
}
