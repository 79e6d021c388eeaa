//! Components shared by the pages. Each takes what it shows as props; only pages read the state.

pub mod ballot_layout;
pub mod ballot_paper;
pub mod board_column;
pub mod board_fit;
pub mod contest_editor;
pub mod contest_marks;
pub mod describe;
pub mod draft;
pub mod election_form;
pub mod election_list;
pub mod fields;
pub mod file_drop;
pub mod keys;
pub mod lot_form;
pub mod meeting_alerts;
pub mod next_step;
pub mod page_margins;
pub mod paper_form;
pub mod paper_list;
pub mod result_sheet;
pub mod results_table;
pub mod signed_export;
pub mod tally_marks;
pub mod town_files;
pub mod town_report;
