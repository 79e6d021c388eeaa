use super::*;
use crate::export::KEY_FORMAT;

/// Small enough for tests that are not about the cost (the recommended cost takes ~0.1 s).
const CHEAP: SealParams = SealParams {
    m_kib: 64,
    t: 1,
    p: 1,
};
const SEED: [u8; 32] = [0x5e; 32];
const RANDOM: SealRandom = SealRandom {
    salt: [1; SALT_BYTES],
    nonce: [2; NONCE_BYTES],
};

fn sealed() -> SealedKey {
    SealedKey::seal(
        &SEED,
        "正確 horse",
        CHEAP,
        &RANDOM,
        "赤坑社區",
        "2026-11-29T10:00:00Z",
    )
    .unwrap()
}

#[test]
fn a_sealed_key_opens_with_its_passphrase_only() {
    let file = sealed();
    let read = SealedKey::parse(&file.to_json()).unwrap();
    assert_eq!(read, file);
    let signer = read.open("正確 horse").unwrap();
    assert_eq!(signer.public_key().to_hex(), file.public_key);
    assert_eq!(signer.seed(), SEED);
    for wrong in ["正確 Horse", "正確 horse ", "", "x"] {
        assert_eq!(
            read.open(wrong).err(),
            Some(KeyError::WrongPassphrase),
            "{wrong:?}"
        );
    }
    assert_eq!(read, file, "a wrong passphrase changes nothing");
}

#[test]
fn attack_the_seed_is_readable_from_the_stored_key() {
    // Nothing in the file is the seed, in any of the spellings the code writes.
    let text = sealed().to_json();
    assert!(!text.contains(&to_hex(&SEED)), "{text}");
    assert!(!text.contains("secret_seed"));
    let shown = format!("{:?}", sealed());
    assert!(!shown.contains(&to_hex(&SEED)));
}

#[test]
fn a_key_1_file_still_reads_and_seals_to_the_same_key() {
    let clear = KeyFile::new(&SEED, "赤坑社區", "2026-01-01T00:00:00Z");
    let Ok(AnyKeyFile::Clear(read, _)) = AnyKeyFile::parse(&clear.to_json()) else {
        panic!("a key@1 file is read");
    };
    assert_eq!(read.format, KEY_FORMAT);
    let sealed = SealedKey::seal_clear(&read, "pass", CHEAP, &RANDOM).unwrap();
    assert_eq!(
        (sealed.public_key.as_str(), sealed.label.as_str()),
        (clear.public_key.as_str(), "赤坑社區")
    );
    assert_eq!(sealed.created, clear.created);
    let Ok(AnyKeyFile::Sealed(again)) = AnyKeyFile::parse(&sealed.to_json()) else {
        panic!("a key@2 file is read");
    };
    assert_eq!(again.open("pass").unwrap().seed(), SEED);
}

#[test]
fn a_swapped_public_key_or_altered_seal_does_not_open() {
    let file = sealed();
    let other = SealedKey::seal(&[9; 32], "p", CHEAP, &RANDOM, "x", "y").unwrap();
    let swapped = SealedKey {
        public_key: other.public_key.clone(),
        fingerprint: other.fingerprint.clone(),
        ..file.clone()
    };
    assert_eq!(
        swapped.open("正確 horse").err(),
        Some(KeyError::WrongPassphrase)
    );
    let mut flipped = file.clone();
    let last = flipped.seed.sealed.pop().unwrap();
    flipped
        .seed
        .sealed
        .push(if last == '0' { '1' } else { '0' });
    assert_eq!(
        flipped.open("正確 horse").err(),
        Some(KeyError::WrongPassphrase)
    );
}

#[test]
fn hostile_or_damaged_files_are_refused_before_any_work() {
    let text = sealed().to_json();
    let cases = [
        text.replace("\"m_kib\": 64", "\"m_kib\": 4000000"),
        text.replace("\"t\": 1", "\"t\": 0"),
        text.replace("\"p\": 1", "\"p\": 64"),
        text.replace("argon2id", "scrypt"),
        text.replace("xchacha20poly1305", "aes-gcm"),
        text.replace("\"label\"", "\"extra\": 1, \"label\""),
    ];
    for case in cases {
        assert!(
            matches!(SealedKey::parse(&case), Err(KeyError::Damaged(_))),
            "{case}"
        );
    }
    let short_salt = sealed();
    let mut short_salt = short_salt;
    short_salt.seed.salt.truncate(8);
    assert!(matches!(
        short_salt.open("正確 horse"),
        Err(KeyError::Damaged(_))
    ));
    assert!(matches!(
        AnyKeyFile::parse("{\"format\":\"hallcount/key@3\"}"),
        Err(KeyError::UnknownFormat(_))
    ));
}

#[test]
fn an_empty_passphrase_is_refused() {
    assert_eq!(
        SealedKey::seal(&SEED, "", CHEAP, &RANDOM, "l", "c").err(),
        Some(KeyError::EmptyPassphrase)
    );
}

#[test]
fn the_recommended_cost_is_recorded_in_the_file() {
    let file = SealedKey::seal(&SEED, "p", SealParams::RECOMMENDED, &RANDOM, "l", "c").unwrap();
    let value: serde_json::Value = serde_json::from_str(&file.to_json()).unwrap();
    assert_eq!(value["seed"]["params"]["m_kib"], 65_536);
    assert_eq!(value["seed"]["params"]["t"], 6);
    assert_eq!(value["seed"]["params"]["p"], 1);
    assert_eq!(file.open("p").unwrap().seed(), SEED);
}
