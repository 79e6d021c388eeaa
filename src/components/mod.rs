//! Components shared by the pages. Each takes what it shows as props and reads nothing but the
//! language (`hooks::use_lang`); the meeting is read by `pages/` and `panels/` only.

pub mod ballot_layout;
pub mod ballot_paper;
pub mod board_column;
pub mod board_fit;
pub mod board_form;
pub mod board_lines;
pub mod checks_warning;
pub mod contest_editor;
pub mod contest_marks;
pub mod difference_list;
pub mod election_form;
pub mod election_list;
pub mod field_keys;
pub mod fields;
pub mod fingerprint;
pub mod json_files;
pub mod key_slip;
pub mod lot_form;
pub mod name;
pub mod paper_form;
pub mod paper_list;
pub mod passphrase_form;
pub mod result_sheet;
pub mod results_table;
pub mod sheet_checks;
pub mod sheet_measure;
pub mod sheet_pages;
pub mod tally_marks;
pub mod town_report;
pub mod trust_builder;
