//! Parts of the screen that read the meeting themselves, like pages, but are not a page of their
//! own: the alerts and the next step shown above every page, the signed export of the results
//! page, and the meeting's backup and restore on Setup. `components/` only shows what it is
//! given.

pub mod meeting_alerts;
pub mod meeting_backup;
pub mod next_step;
pub mod signed_export;
