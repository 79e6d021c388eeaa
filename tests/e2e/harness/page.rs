//! The page under test, and whether there is one to test.

use std::path::{Path, PathBuf};

/// The page under test: `$HALLCOUNT_HTML`, else the workspace's `dist/hallcount.html`.
pub fn page_path() -> PathBuf {
    let path = built_page();
    assert!(
        path.is_file(),
        "{} is missing: the end-to-end tests open the built file; run `cargo xtask test` (or `cargo xtask dist` first)",
        path.display()
    );
    path
}

fn built_page() -> PathBuf {
    std::env::var_os("HALLCOUNT_HTML")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("dist")
                .join("hallcount.html")
        })
}

/// Whether to skip this test because the page is not built: the first line of every test that
/// opens a browser (`if skip_without_page() { return; }`), so that a plain `cargo test` works
/// on a fresh clone, as rust-analyzer gates its slow tests. Said once per test binary, on the
/// real stderr (past the test harness's capture). `cargo xtask test` builds the page and sets
/// `HALLCOUNT_E2E=require`, so there a missing page fails instead.
pub fn skip_without_page() -> bool {
    static SAID: std::sync::Once = std::sync::Once::new();
    let page = built_page();
    if page.is_file() || std::env::var_os("HALLCOUNT_E2E").is_some_and(|value| value == "require") {
        return false;
    }
    SAID.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\nend-to-end tests SKIPPED: {} is not built. `cargo xtask test` builds it and runs them \
             (or `cargo xtask dist`, then `cargo test`).\n",
            page.display()
        );
    });
    true
}

pub fn page_url() -> String {
    format!("file://{}", page_path().display())
}

/// Where screenshots go: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target dir")
        .join("screenshots")
}
