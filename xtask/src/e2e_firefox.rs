//! The core end-to-end tests again in Firefox ESR (issue 14: village laptops run Firefox too).
//! Every end-to-end test runs in Chromium; these run in both.

use std::process::Command;

use crate::browsers::Firefox;
use crate::workspace::{self, TaskResult};

/// The core tests, by their names in the `e2e` test binary: the page loads; the harness still
/// catches what it promises to; a definition is imported; papers are entered across a reload
/// and a killed browser; the results; the signed download; the Town page; the meeting backed up
/// in one browser and restored in another (Firefox keeps each `file://` page's storage apart);
/// the result sheet printed to PDF, every page with its title, number and seal.
const CORE_TESTS: [&str; 15] = [
    "start::start_page_names_the_product_and_switches_areas",
    "start::a_deep_link_opens_its_area",
    "problems::a_clean_page_has_no_problems",
    "problems::an_attempted_fetch_is_a_problem",
    "problems::an_attempted_image_load_is_a_problem",
    "problems::console_errors_and_uncaught_errors_are_problems",
    "tools::types_and_presses_keys",
    "tools::downloads_land_in_the_profile_folder",
    "tools::a_killed_browser_reopens_with_its_profile",
    "storage::setup_sample_import_and_the_definition_lock",
    "storage::a_killed_browser_keeps_every_committed_paper",
    "meeting::the_executive_example_typed_voided_counted_and_printed",
    "signed::a_signed_result_is_verified_by_the_cli_and_three_villages_are_summed_in_the_town_page",
    "backup::a_meeting_backed_up_in_one_browser_goes_on_in_another",
    "sheet_pages::every_printed_page_of_a_long_sheet_carries_title_page_and_seal",
];

pub fn run(firefox: &Firefox) -> TaskResult {
    let app = workspace::app_package()?;
    // A renamed or removed test must not silently drop out of the Firefox run.
    let listed = e2e(&app, firefox).args(["--", "--list"]).output()?;
    if !listed.status.success() {
        return Err(format!(
            "cannot list the end-to-end tests:\n{}",
            String::from_utf8_lossy(&listed.stderr)
        )
        .into());
    }
    let missing = missing_tests(&String::from_utf8_lossy(&listed.stdout), &CORE_TESTS);
    if !missing.is_empty() {
        return Err(format!(
            "the core end-to-end tests {missing:?} are not in tests/e2e; update CORE_TESTS in xtask/src/e2e_firefox.rs"
        )
        .into());
    }
    workspace::run(e2e(&app, firefox).arg("--").args(CORE_TESTS).arg("--exact"))
}

fn e2e(app: &str, firefox: &Firefox) -> Command {
    let mut command = workspace::cargo();
    command
        .args(["test", "--package", app, "--test", "e2e"])
        .env("HALLCOUNT_BROWSER", "firefox")
        .env("HALLCOUNT_E2E", "require")
        .env("FIREFOX", &firefox.firefox)
        .env("GECKODRIVER", &firefox.geckodriver);
    command
}

/// The names in `wanted` that `cargo test -- --list` output (`name: test` lines) lacks.
fn missing_tests<'a>(list: &str, wanted: &[&'a str]) -> Vec<&'a str> {
    let listed: Vec<&str> = list
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .collect();
    wanted
        .iter()
        .copied()
        .filter(|name| !listed.contains(name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "start::a_deep_link_opens_its_area: test\nstart::start_page: test\n\n2 tests, 0 benchmarks\n";

    #[test]
    fn every_listed_test_is_found() {
        let wanted = ["start::a_deep_link_opens_its_area", "start::start_page"];
        assert!(missing_tests(LIST, &wanted).is_empty());
    }

    #[test]
    fn a_renamed_test_is_reported_and_a_prefix_is_not_a_match() {
        let wanted = ["start::a_deep_link", "start::start_page", "gone::test"];
        assert_eq!(
            missing_tests(LIST, &wanted),
            ["start::a_deep_link", "gone::test"]
        );
    }
}
