//! Components shared by the pages. Each takes what it shows as props; only pages read the state.
pub mod contest_editor;
pub mod describe;
pub mod election_form;
pub mod election_list;
pub mod fields;
pub mod file_drop;
pub mod meeting_alerts;
