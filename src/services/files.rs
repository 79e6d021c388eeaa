//! Files in and out without a server: downloads through a Blob and a link (works from file://),
//! uploads read as bytes from a picker or a drop (`components::json_files`).

use hallcount_core::{BallotsFile, Election, Paper};
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a link".to_owned())?;
    link.set_href(&url);
    link.set_download(filename);
    link.set_attribute("hidden", "").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&link).map_err(|e| format!("{e:?}"))?;
    link.click();
    link.remove();
    // Revoking the URL at once could cancel the download in some browsers: let it go later.
    let keep = url;
    gloo::timers::callback::Timeout::new(60_000, move || drop(keep)).forget();
    Ok(())
}

pub fn ballots_json(papers: impl IntoIterator<Item = Paper>) -> String {
    let file = BallotsFile {
        format: hallcount_core::ballot::BALLOTS_FORMAT.into(),
        ballots: papers.into_iter().collect(),
    };
    hallcount_core::json::to_string_pretty(&file).expect("ballots always serialize")
}

pub fn election_json(election: &Election) -> String {
    hallcount_core::json::to_string_pretty(election).expect("an election always serializes")
}

/// A file name from the election: its date and title, safe on any disk (the core's rule, which
/// also names the signed result).
pub fn file_name(election: &Election, kind: &str) -> String {
    let title = hallcount_core::export::file_name_part(&election.title);
    format!("{}-{title}-{kind}.json", election.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ballots_json_is_a_ballots_file() {
        let json = ballots_json([
            Paper::default(),
            Paper {
                rejected: Some("mark".into()),
                ..Paper::default()
            },
        ]);
        let file = hallcount_core::parse_ballots(&json).unwrap();
        assert_eq!(file.ballots.len(), 2);
    }

    #[test]
    fn file_names_are_safe() {
        let election = crate::sample::sample_congress();
        assert_eq!(
            file_name(&election, "ballots"),
            "2026-03-08-赤坑社區第一次婦女代表大會-ballots.json"
        );
    }
}
