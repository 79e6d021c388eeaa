//! One component per screen.

mod entry;
mod results;
mod setup;

pub use entry::EntryPage;
pub use results::ResultsPage;
pub use setup::SetupPage;
