//! One component per screen.

mod board;
mod checks;
pub(crate) mod entry;
mod help;
mod papers;
mod results;
mod second_entry;
mod setup;
mod town;

pub use board::BoardPage;
pub use checks::ChecksPage;
pub use entry::EntryPage;
pub use help::HelpPage;
pub use papers::PapersPage;
pub use results::ResultsPage;
pub use second_entry::SecondEntryPage;
pub use setup::SetupPage;
pub use town::TownPage;
