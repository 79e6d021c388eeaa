//! Parts of the screen that read the meeting themselves, like pages, but are not a page of their
//! own: the alerts and the next step shown above every page, and the signed export of the results
//! page. `components/` only shows what it is given.

pub mod meeting_alerts;
pub mod next_step;
pub mod signed_export;
