//! IndexedDB as a key-value store, the app's durable storage. localStorage is not enough: the
//! browser writes it to disk seconds later, so a crash (the process killed) loses the last papers;
//! an IndexedDB transaction is on disk once it completes. Keys and values are the strings of
//! [`super::storage`]; each write is one transaction with durability "strict" (flushed to disk,
//! so even a flat battery keeps it), awaited before the screen shows what it wrote.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use super::storage::StorageError;

const DATABASE: &str = "hallcount";
const VERSION: u32 = 1;
const STORE: &str = "kv";

/// One write: keys to set and keys to delete, applied together or not at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub put: Vec<(String, String)>,
    pub delete: Vec<String>,
}

/// Why an append was not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppendError {
    /// Another writer stored entries since this tab last did: nothing was written.
    HeadMoved,
    /// Storage refused the write.
    Storage(StorageError),
}

impl From<StorageError> for AppendError {
    fn from(error: StorageError) -> AppendError {
        AppendError::Storage(error)
    }
}

#[derive(Clone, Debug)]
pub struct Idb {
    db: IdbDatabase,
}

impl PartialEq for Idb {
    fn eq(&self, other: &Idb) -> bool {
        self.db == other.db
    }
}

fn error(value: JsValue) -> StorageError {
    let message = Reflect::get(&value, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .or_else(|| {
            Reflect::get(&value, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
        })
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "IndexedDB refused".to_owned());
    StorageError(message)
}

/// A promise settled by a request's success or error.
fn request_done(request: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let reason = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &reason);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// A promise settled when a transaction is committed (or fails or aborts).
fn transaction_done(transaction: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let reject_with = move || {
            let reason = failed
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("transaction aborted"));
            let _ = reject.call1(&JsValue::NULL, &reason);
        };
        let on_abort = Closure::once_into_js(reject_with);
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        // An error aborts the transaction; its abort event follows and rejects once.
        transaction.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

impl Idb {
    pub async fn open() -> Result<Idb, StorageError> {
        let factory = gloo::utils::window()
            .indexed_db()
            .map_err(error)?
            .ok_or_else(|| StorageError("IndexedDB is not available".into()))?;
        let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION).map_err(error)?;
        let upgrading = request.clone();
        let on_upgrade = Closure::once_into_js(move || {
            if let Ok(db) = upgrading
                .result()
                .and_then(|db| db.dyn_into::<IdbDatabase>())
            {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = request_done(&request).await.map_err(error)?;
        Ok(Idb {
            db: db
                .dyn_into()
                .map_err(|_| StorageError("not a database".into()))?,
        })
    }

    fn transaction(&self, write: bool) -> Result<(IdbTransaction, IdbObjectStore), StorageError> {
        let transaction = if write {
            // durability "strict": not reported complete before it is flushed to disk.
            let options = js_sys::Object::new();
            Reflect::set(&options, &"durability".into(), &"strict".into()).map_err(error)?;
            let open: Function = Reflect::get(&self.db, &"transaction".into())
                .map_err(error)?
                .unchecked_into();
            open.call3(&self.db, &STORE.into(), &"readwrite".into(), &options)
                .map_err(error)?
                .unchecked_into()
        } else {
            self.db
                .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)
                .map_err(error)?
        };
        let store = transaction.object_store(STORE).map_err(error)?;
        Ok((transaction, store))
    }

    /// Applies `batch` in one transaction; returns once it is committed.
    pub async fn write(&self, batch: &Batch) -> Result<(), StorageError> {
        let (transaction, store) = self.transaction(true)?;
        let done = transaction_done(&transaction);
        let queued = (|| {
            for (key, value) in &batch.put {
                store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
            }
            for key in &batch.delete {
                store.delete(&JsValue::from_str(key))?;
            }
            Ok::<(), JsValue>(())
        })();
        if let Err(refused) = queued {
            let _ = transaction.abort();
            return Err(error(refused));
        }
        done.await.map(|_| ()).map_err(error)
    }

    /// Appends to a log: in one transaction, reads `guard_key` and goes on only if `guard`
    /// accepts its value (the stored head is still the one this tab last stored), then `add`s
    /// each of `add` (refused if the key exists: nothing is overwritten) and puts each of `put`.
    /// A second writer thus fails instead of overwriting what the first stored.
    pub async fn append_if(
        &self,
        guard_key: &str,
        guard: impl FnOnce(Option<String>) -> bool + 'static,
        add: Vec<(String, String)>,
        put: Vec<(String, String)>,
    ) -> Result<(), AppendError> {
        let (transaction, store) = self.transaction(true)?;
        let done = transaction_done(&transaction);
        let read = store.get(&JsValue::from_str(guard_key)).map_err(error)?;
        let moved = std::rc::Rc::new(std::cell::Cell::new(false));
        // What the store threw, when it refused a write: its message says why (quota, ...).
        let thrown = std::rc::Rc::new(std::cell::RefCell::new(None::<JsValue>));
        let on_read = {
            let (read, moved, transaction) = (read.clone(), moved.clone(), transaction.clone());
            let thrown = thrown.clone();
            // Queued from the read's success event, while the transaction is still active.
            Closure::once_into_js(move || {
                let value = read.result().ok().and_then(|v| v.as_string());
                if !guard(value) {
                    moved.set(true);
                    let _ = transaction.abort();
                    return;
                }
                let queued = (|| {
                    for (key, value) in &add {
                        store.add_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
                    }
                    for (key, value) in &put {
                        store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
                    }
                    Ok::<(), JsValue>(())
                })();
                if let Err(refused) = queued {
                    *thrown.borrow_mut() = Some(refused);
                    let _ = transaction.abort();
                }
            })
        };
        read.set_onsuccess(Some(on_read.unchecked_ref()));
        match done.await {
            Ok(_) => Ok(()),
            Err(_) if moved.get() => Err(AppendError::HeadMoved),
            Err(aborted) => {
                let reason = thrown.borrow_mut().take().unwrap_or(aborted);
                Err(AppendError::Storage(error(reason)))
            }
        }
    }

    pub async fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let (_, store) = self.transaction(false)?;
        let request = store.get(&JsValue::from_str(key)).map_err(error)?;
        Ok(request_done(&request).await.map_err(error)?.as_string())
    }

    /// Every key starting with `prefix`, with its value, in key order.
    pub async fn with_prefix(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        let (_, store) = self.transaction(false)?;
        let range = IdbKeyRange::bound(
            &JsValue::from_str(prefix),
            &JsValue::from_str(&format!("{prefix}\u{ffff}")),
        )
        .map_err(error)?;
        let keys = request_done(&store.get_all_keys_with_key(&range).map_err(error)?);
        let values = request_done(&store.get_all_with_key(&range).map_err(error)?);
        let keys: js_sys::Array = keys.await.map_err(error)?.unchecked_into();
        let values: js_sys::Array = values.await.map_err(error)?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(key, value)| Some((key.as_string()?, value.as_string()?)))
            .collect())
    }
}
