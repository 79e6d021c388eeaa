//! The sealed key's decisions over an in-memory slot: what is stored is never the seed, a wrong
//! or mistyped passphrase changes nothing, a clear key is sealed and its seed replaced.

use std::cell::{Cell, RefCell};

use hallcount_core::export::{AnyKeyFile, KeyError, KeyFile};
use zeroize::Zeroizing;

use super::*;

/// A slot in memory that counts its writes, or refuses them.
#[derive(Default)]
struct MemorySlot {
    text: RefCell<Option<String>>,
    writes: Cell<usize>,
    refuse: bool,
}

impl MemorySlot {
    fn holding(text: &str) -> MemorySlot {
        MemorySlot {
            text: RefCell::new(Some(text.to_owned())),
            ..MemorySlot::default()
        }
    }

    fn text(&self) -> String {
        self.text.borrow().clone().expect("something is stored")
    }
}

impl Slot for MemorySlot {
    fn read(&self) -> Result<Option<String>, String> {
        Ok(self.text.borrow().clone())
    }

    fn write(&self, text: &str) -> Result<(), String> {
        if self.refuse {
            return Err("QuotaExceededError".into());
        }
        self.writes.set(self.writes.get() + 1);
        *self.text.borrow_mut() = Some(text.to_owned());
        Ok(())
    }
}

/// Bytes 1, 2, 3, ... in order: the first 32 drawn are the seed of a new key.
#[derive(Default)]
struct Counting(Cell<u8>);

impl Randomness for Counting {
    fn fill(&self, bytes: &mut [u8]) -> Result<(), String> {
        for byte in bytes {
            self.0.set(self.0.get().wrapping_add(1));
            *byte = self.0.get();
        }
        Ok(())
    }
}

const COUNTING_SEED: [u8; 32] = {
    let mut seed = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        seed[i] = i as u8 + 1;
        i += 1;
    }
    seed
};

fn once(text: &str) -> Passphrase {
    Passphrase {
        first: Zeroizing::new(text.to_owned()),
        again: None,
    }
}

fn twice(first: &str, again: &str) -> Passphrase {
    Passphrase {
        first: Zeroizing::new(first.to_owned()),
        again: Some(Zeroizing::new(again.to_owned())),
    }
}

/// The seed written as a clear key file would: lowercase hex.
fn seed_hex(seed: &[u8; 32]) -> String {
    KeyFile::new(seed, "", "").secret_seed.expose().to_owned()
}

#[test]
fn a_new_key_is_stored_sealed_and_opens_only_with_its_passphrase() {
    let slot = MemorySlot::default();
    let made = create_in(
        &slot,
        &Counting::default(),
        &twice("口令 1", "口令 1"),
        "2026-11-29T00:00:00Z",
    )
    .expect("a key is made");
    let stored = slot.text();
    assert!(stored.contains("\"hallcount/key@2\""), "{stored}");
    assert!(!stored.contains(&seed_hex(&COUNTING_SEED)), "{stored}");
    assert_eq!(state_in(&slot), KeyState::Sealed(made.clone()));

    let (key, signer) = open_in(&slot, &once("口令 1")).expect("the right passphrase opens it");
    assert_eq!(key, made);
    assert_eq!(
        signer.public_key().to_hex(),
        KeyFile::new(&COUNTING_SEED, "", "").public_key
    );
    assert_eq!(
        open_in(&slot, &once("口令 2")).err(),
        Some(KeyFailure::Key(KeyError::WrongPassphrase))
    );
    assert_eq!(slot.writes.get(), 1, "opening writes nothing");
}

#[test]
fn a_mistyped_or_empty_new_passphrase_stores_nothing() {
    let cases = [
        (twice("口令", "口今"), KeyFailure::PassphrasesDiffer),
        (twice("", ""), KeyFailure::Key(KeyError::EmptyPassphrase)),
        (once(""), KeyFailure::Key(KeyError::EmptyPassphrase)),
    ];
    for (passphrase, expected) in cases {
        let slot = MemorySlot::default();
        let made = create_in(&slot, &Counting::default(), &passphrase, "t");
        assert_eq!(made.err(), Some(expected));
        assert_eq!(state_in(&slot), KeyState::Missing);
    }
}

#[test]
fn a_refused_write_is_said_and_the_old_key_stays() {
    let clear = KeyFile::new(&[9; 32], "舊", "2020-01-01T00:00:00Z");
    let slot = MemorySlot {
        refuse: true,
        ..MemorySlot::holding(&clear.to_json())
    };
    let made = create_in(&slot, &Counting::default(), &twice("p", "p"), "t");
    assert_eq!(
        made.err(),
        Some(KeyFailure::Browser("QuotaExceededError".into()))
    );
    assert_eq!(state_in(&slot), KeyState::Clear(clear));
}

#[test]
fn a_clear_key_left_in_storage_is_sealed_and_its_seed_replaced() {
    let seed = [0x5a; 32];
    let clear = KeyFile::new(&seed, "赤坑社區", "2020-01-01T00:00:00Z");
    let slot = MemorySlot::holding(&clear.to_json());
    assert_eq!(state_in(&slot), KeyState::Clear(clear.clone()));
    // A clear key signs nothing until it is sealed.
    assert_eq!(
        open_in(&slot, &once("anything")).err(),
        Some(KeyFailure::NoSealedKey)
    );
    assert_eq!(
        seal_stored_in(&slot, &Counting::default(), &twice("a", "b")).err(),
        Some(KeyFailure::PassphrasesDiffer)
    );
    assert_eq!(
        slot.text(),
        clear.to_json(),
        "a mistyped passphrase changes nothing"
    );

    let sealed = seal_stored_in(&slot, &Counting::default(), &twice("新口令", "新口令"))
        .expect("the clear key is sealed");
    assert_eq!(sealed.fingerprint, clear.fingerprint);
    assert_eq!(sealed.label, clear.label);
    assert!(!slot.text().contains(&seed_hex(&seed)), "{}", slot.text());
    let (_, signer) = open_in(&slot, &once("新口令")).expect("opens");
    assert_eq!(signer.public_key().to_hex(), clear.public_key);
}

#[test]
fn an_imported_clear_file_is_stored_sealed_and_a_sealed_one_only_with_its_passphrase() {
    let old_seed = [0x11; 32];
    let old = KeyFile::new(&old_seed, "備份", "2020-01-01T00:00:00Z");
    let slot = MemorySlot::default();
    let file = AnyKeyFile::parse(&old.to_json()).expect("a key@1 file reads");
    let sealed = import_in(&slot, &Counting::default(), &file, &twice("一", "一"))
        .expect("imported and sealed");
    assert_eq!(sealed.public_key, old.public_key);
    assert!(!slot.text().contains(&seed_hex(&old_seed)));

    // A sealed backup replaces the stored key only when it opens with the passphrase given.
    let backup_slot = MemorySlot::default();
    let backup = create_in(&backup_slot, &Counting::default(), &twice("二", "二"), "t").unwrap();
    let file = AnyKeyFile::parse(&backup.to_json()).unwrap();
    let before = slot.text();
    assert_eq!(
        import_in(&slot, &Counting::default(), &file, &once("一")).err(),
        Some(KeyFailure::Key(KeyError::WrongPassphrase))
    );
    assert_eq!(slot.text(), before, "a wrong passphrase changes nothing");
    let imported = import_in(&slot, &Counting::default(), &file, &once("二")).unwrap();
    assert_eq!(imported, backup);
    assert_eq!(slot.text(), backup.to_json());
}

#[test]
fn what_is_stored_but_not_a_key_is_damaged_and_never_opened() {
    for text in ["{", "{\"format\":\"hallcount/ballots@1\"}", "[]"] {
        let slot = MemorySlot::holding(text);
        assert!(matches!(state_in(&slot), KeyState::Damaged(_)), "{text}");
        assert_eq!(
            open_in(&slot, &once("p")).err(),
            Some(KeyFailure::NoSealedKey)
        );
    }
}
