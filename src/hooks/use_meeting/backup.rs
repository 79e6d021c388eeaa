//! The whole meeting in one file and back (`hallcount/meeting@1`, read by the core's strict
//! `parse_backup`): every election kept in this browser with its whole log, to go on in another
//! browser, on another laptop, or after the HTML file moved (Firefox keeps each `file://`
//! page's storage apart). A restore adds elections that are not kept here, skips those kept
//! with the same entries, and refuses the whole file, writing nothing, if any election is kept
//! here with other entries: it never overwrites.

use hallcount_core::{parse_backup, write_backup, BackupError, Log};

use super::MeetingHandle;
use crate::services::idb::{AppendError, Batch};
use crate::services::save::Kind;
use crate::services::storage::{self, RestorePlan, StorageError};
use crate::services::{self, files};
use crate::state::{Action, ElectionSummary};

/// What a restore did: the titles of the elections added, and of those already kept here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub added: Vec<String>,
    pub already_here: Vec<String>,
}

/// Why a restore wrote nothing (or, for `Storage`, stopped part-way: each election is written
/// whole or not at all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    File(BackupError),
    /// These elections are kept here with other entries.
    Conflict {
        titles: Vec<String>,
    },
    Storage(StorageError),
}

fn title_of(log: &Log) -> String {
    log.state()
        .election
        .as_ref()
        .map(|election| election.title.clone())
        .unwrap_or_default()
}

impl MeetingHandle {
    /// Saves every election kept here, each with its whole log. The open one is taken from
    /// this tab's book (what the screen shows, even when storage failed); the others from
    /// storage, up to any break.
    pub async fn back_up(&self) -> Result<(), StorageError> {
        let open_id = self.election_id();
        let mut logs: Vec<(String, Log)> = Vec::new();
        let idb = self.outbox.borrow().idb();
        for summary in self.elections().iter() {
            if summary.id == open_id {
                continue;
            }
            let Some(idb) = &idb else {
                return Err(StorageError::unavailable());
            };
            let items = idb
                .with_prefix(&storage::election_prefix(&summary.id))
                .await?;
            let log = storage::restore(&summary.id, &items).log;
            if !log.entries().is_empty() {
                logs.push((summary.id.clone(), log));
            }
        }
        let open = self.book().log().clone();
        if !open.entries().is_empty() {
            logs.push((open_id.clone(), open));
        }
        let current = logs.iter().any(|(id, _)| *id == open_id).then_some(open_id);
        let text = write_backup(
            &services::now_iso(),
            current.as_deref(),
            logs.iter().map(|(id, log)| (id.as_str(), log)),
        );
        let name = match self.election() {
            Some(election) => files::file_name(&election, "meeting"),
            None => "hallcount-meeting.json".to_owned(),
        };
        self.save_file(name, "application/json", Kind::Backup, text);
        Ok(())
    }

    /// Restores a backup file's elections into this browser, then opens the election that was
    /// open when it was made.
    pub async fn restore(&self, bytes: &[u8]) -> Result<Restored, RestoreError> {
        let backup = parse_backup(bytes).map_err(RestoreError::File)?;
        let idb = self
            .outbox
            .borrow()
            .idb()
            .ok_or_else(|| RestoreError::Storage(StorageError::unavailable()))?;
        let mut plans = Vec::with_capacity(backup.elections.len());
        for (id, log) in &backup.elections {
            let items = idb
                .with_prefix(&storage::election_prefix(id))
                .await
                .map_err(RestoreError::Storage)?;
            plans.push(storage::restore_plan(id, log, &items));
        }
        let conflicts: Vec<String> = backup
            .elections
            .iter()
            .zip(&plans)
            .filter(|(_, plan)| **plan == RestorePlan::Conflict)
            .map(|((_, log), _)| title_of(log))
            .collect();
        if !conflicts.is_empty() {
            return Err(RestoreError::Conflict { titles: conflicts });
        }
        let mut restored = Restored::default();
        let mut list = (*self.elections()).clone();
        for ((id, log), plan) in backup.elections.iter().zip(plans) {
            if plan == RestorePlan::Add {
                let (add, head) = storage::log_items(id, log);
                // Added, never put: a key another tab stored since is refused, not overwritten.
                let stored = idb
                    .append_if(
                        &storage::head_key(id),
                        |head| head.is_none(),
                        add,
                        vec![head],
                    )
                    .await;
                match stored {
                    Ok(()) => restored.added.push(title_of(log)),
                    Err(AppendError::HeadMoved) => {
                        return Err(RestoreError::Conflict {
                            titles: vec![title_of(log)],
                        })
                    }
                    Err(AppendError::Storage(error)) => return Err(RestoreError::Storage(error)),
                }
            } else {
                restored.already_here.push(title_of(log));
            }
            if let Some(election) = &log.state().election {
                list = storage::with_election(list, ElectionSummary::of(id, election)).0;
            }
        }
        let batch = Batch {
            put: vec![storage::elections_item(&list)],
            delete: Vec::new(),
        };
        idb.write(&batch).await.map_err(RestoreError::Storage)?;
        self.meeting.dispatch(Action::Listed(list));
        if let Some(current) = &backup.current {
            self.switch_to(current);
        }
        Ok(restored)
    }
}
