//! The signing key sealed at rest (issue 9). Every page opened from `file://` in Chromium shares
//! one storage origin: another HTML file on the same stick, opened after the officer has made
//! the key and signed, reads all of localStorage and IndexedDB and must find nothing from which
//! the seed can be derived. And a clear `key@1`, left in storage by an earlier version or
//! imported from an old backup, is sealed under a passphrase, a mistyped or wrong passphrase
//! changing nothing, said in each language.

use data_encoding::{BASE64, BASE64URL, BASE64URL_NOPAD, BASE64_NOPAD, HEXLOWER_PERMISSIVE};
use hallcount_app::i18n::{tr, Lang, Msg};
use hallcount_app::services::signing_key;
use hallcount_core::export::{result_file_name, AnyKeyFile, KeyFile, ResultFile, Signer};
use serde_json::{json, Value};

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};
use crate::signed::{election_at, make_key, papers, use_key, PASSPHRASE};

/// What a stranger's page on the same stick does: read every item of localStorage and every
/// record of every IndexedDB database, binary values as hex, and show it all as JSON.
const SPY_PAGE: &str = r#"<!doctype html>
<meta charset="utf-8"><title>photos</title>
<pre id="report"></pre>
<script>
const hex = (view) => [...new Uint8Array(view.buffer ?? view, view.byteOffset ?? 0, view.byteLength)]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
const plain = (_, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? hex(v) : v);
const request = (r) => new Promise((ok, no) => { r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
// The browser may hand a new page the items of another page a moment late: wait, by frames,
// until there are some (at most 5 s; then read what there is, and the test says it is empty).
const someItems = () => new Promise((ok) => {
    const until = performance.now() + 5000;
    const look = () => (localStorage.length > 0 || performance.now() > until ? ok() : requestAnimationFrame(look));
    look();
});
(async () => {
    await someItems();
    const report = { local: {}, idb: {} };
    for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        report.local[key] = localStorage.getItem(key);
    }
    for (const { name } of await indexedDB.databases()) {
        const db = await request(indexedDB.open(name));
        report.idb[name] = {};
        for (const store of db.objectStoreNames) {
            const all = db.transaction(store).objectStore(store);
            const [keys, values] = await Promise.all([request(all.getAllKeys()), request(all.getAll())]);
            report.idb[name][store] = keys.map((key, i) => [key, values[i]]);
        }
        db.close();
    }
    document.getElementById("report").textContent = JSON.stringify(report, plain);
    document.body.dataset.done = "read";
})().catch((error) => {
    document.getElementById("report").textContent = `failed: ${error}`;
    document.body.dataset.done = "failed";
});
</script>
"#;

#[tokio::test]
async fn another_page_on_the_stick_finds_nothing_that_gives_the_seed() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("other_pages").await;
    let election = election_at("赤坑社區");
    preload(
        &browser,
        &stored_meeting("other-pages", &election, &papers()),
    )
    .await;
    browser.goto_hash("#/results").await;
    make_key(&browser, PASSPHRASE).await;
    use_key(&browser, PASSPHRASE, ".download-signed").await;
    let signed = browser
        .wait_for_download(&result_file_name(&election))
        .await;
    use_key(&browser, PASSPHRASE, ".backup-key").await;
    browser
        .wait_for_text(".signed-export .done", tr(Lang::En, Msg::KeyBackupSaved))
        .await;
    eprintln!("key work in the page (ms): {}", key_work_ms(&browser).await);
    browser.assert_no_problems().await;

    // The seed, as only the backup and its passphrase give it.
    let Ok(AnyKeyFile::Sealed(stored)) = AnyKeyFile::parse(&stored_key(&browser).await) else {
        panic!("the app stores a sealed key");
    };
    let backup = browser
        .wait_for_download(&signing_key::backup_file_name(&stored))
        .await;
    let backup = std::fs::read_to_string(backup).unwrap();
    let Ok(AnyKeyFile::Sealed(sealed)) = AnyKeyFile::parse(&backup) else {
        panic!("the backup is not a sealed key file:\n{backup}");
    };
    let signer = sealed
        .open(PASSPHRASE)
        .expect("the backup opens with the passphrase");
    let public_key = signer.public_key().to_hex();
    let seed = seed_hex(&signer);
    let file: ResultFile = serde_json::from_slice(&std::fs::read(&signed).unwrap()).unwrap();
    assert_eq!(
        file.signature.public_key, public_key,
        "the export is signed by this key"
    );
    for (what, text) in [
        ("the backup", backup.as_str()),
        ("the export", &std::fs::read_to_string(&signed).unwrap()),
    ] {
        assert_eq!(
            seed_findings(text, &seed, &public_key),
            Vec::<String>::new(),
            "{what}"
        );
    }

    // A stranger's page in another folder of the stick, in the same browser profile.
    let stick = browser.downloads().join("stick").join("photos");
    std::fs::create_dir_all(&stick).unwrap();
    let spy = stick.join("index.html");
    std::fs::write(&spy, SPY_PAGE).unwrap();
    browser
        .client()
        .goto(&format!("file://{}", spy.display()))
        .await
        .expect("open the other page");
    browser.wait_for("body[data-done]").await;
    let report = browser.text("#report").await;
    let found: Value = serde_json::from_str(&report).unwrap_or_else(|_| panic!("{report}"));

    // It does read the app's storage (so the check below is not vacuous): the sealed key, with
    // its public key in clear, and the meeting's log.
    let stored_key = found["local"]["hallcount.signing_key"]
        .as_str()
        .unwrap_or_else(|| panic!("the other page sees the app's localStorage: {found:#}"));
    assert!(stored_key.contains(&public_key), "{stored_key}");
    let log_records = found["idb"]["hallcount"]["kv"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(
        log_records > papers().len(),
        "the other page sees the app's IndexedDB: {found:#}"
    );

    let everything = strings_of(&found).join("\n");
    assert_eq!(
        seed_findings(&everything, &seed, &public_key),
        Vec::<String>::new(),
        "the other page found the seed in what it read:\n{everything}"
    );
    browser.goto_hash("#/results").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_clear_key_left_by_an_earlier_version_is_sealed_and_a_wrong_passphrase_changes_nothing() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("clear_key").await;
    let election = election_at("大塘村");
    preload(&browser, &stored_meeting("clear-key", &election, &papers())).await;
    let seed = [0x42; 32];
    let clear = KeyFile::new(&seed, "大塘村", "2025-05-01T08:00:00Z");
    browser
        .client()
        .execute(
            "localStorage.setItem('hallcount.signing_key', arguments[0]); return null;",
            vec![json!(clear.to_json())],
        )
        .await
        .expect("leave a clear key as an earlier version did");
    let lang = Lang::ZhHant;
    browser
        .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
        .await;
    browser.goto_hash("#/results").await;
    browser.wait_for(".signed-export .key-clear").await;
    assert!(
        browser.find_all(".download-signed").await.is_empty(),
        "a clear key signs nothing"
    );

    // Two different passphrases: said, and the stored key is as it was.
    browser.fill(".key-seal .passphrase", "one").await;
    browser.fill(".key-seal .passphrase-again", "two").await;
    browser.click(".seal-key").await;
    browser
        .wait_for_text(".key-refused", tr(lang, Msg::KeyPassphrasesDiffer))
        .await;
    assert_eq!(stored_key(&browser).await, clear.to_json());

    browser.fill(".key-seal .passphrase", PASSPHRASE).await;
    browser
        .fill(".key-seal .passphrase-again", PASSPHRASE)
        .await;
    browser.click(".seal-key").await;
    browser.wait_for(".key-use").await;
    let sealed = stored_key(&browser).await;
    let Ok(AnyKeyFile::Sealed(key)) = AnyKeyFile::parse(&sealed) else {
        panic!("not sealed: {sealed}");
    };
    assert_eq!(key.public_key, clear.public_key);
    assert_eq!(
        seed_findings(&sealed, clear.secret_seed.expose(), &clear.public_key),
        Vec::<String>::new()
    );

    // A wrong passphrase: said in each language, no file, nothing stored changes.
    use_key(&browser, "seven green hills 8", ".download-signed").await;
    for lang in [Lang::ZhHant, Lang::ZhHans, Lang::En] {
        browser
            .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
            .await;
        browser
            .wait_for_text(".key-refused", tr(lang, Msg::KeyWrongPassphrase))
            .await;
    }
    assert_eq!(stored_key(&browser).await, sealed);
    assert!(!browser
        .downloads()
        .join(result_file_name(&election))
        .exists());

    // The right one signs, with the key the town already knows.
    use_key(&browser, PASSPHRASE, ".download-signed").await;
    let signed = browser
        .wait_for_download(&result_file_name(&election))
        .await;
    let file: ResultFile = serde_json::from_slice(&std::fs::read(signed).unwrap()).unwrap();
    assert_eq!(file.signature.fingerprint, clear.fingerprint);
    browser.finish().await;
}

#[tokio::test]
async fn an_old_clear_backup_is_imported_sealed_under_a_new_passphrase() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("import_clear").await;
    let election = election_at("新圍村");
    preload(
        &browser,
        &stored_meeting("import-clear", &election, &papers()),
    )
    .await;
    browser.goto_hash("#/results").await;
    let seed = [0x24; 32];
    let old = KeyFile::new(&seed, "新圍村", "2024-02-02T08:00:00Z");
    let backup = browser.downloads().join("old-backup.json");
    std::fs::write(&backup, old.to_json()).unwrap();
    browser
        .wait_for(".signed-export input[type=file]")
        .await
        .send_keys(&backup.display().to_string())
        .await
        .expect("choose the old backup");
    browser.fill(".key-import .passphrase", PASSPHRASE).await;
    browser
        .fill(".key-import .passphrase-again", PASSPHRASE)
        .await;
    browser.click(".import-key").await;
    browser.wait_for(".key-use").await;
    let stored = stored_key(&browser).await;
    let Ok(AnyKeyFile::Sealed(key)) = AnyKeyFile::parse(&stored) else {
        panic!("not stored sealed: {stored}");
    };
    assert_eq!(key.public_key, old.public_key);
    assert_eq!(
        seed_findings(&stored, old.secret_seed.expose(), &old.public_key),
        Vec::<String>::new()
    );
    use_key(&browser, PASSPHRASE, ".download-signed").await;
    let signed = browser
        .wait_for_download(&result_file_name(&election))
        .await;
    let file: ResultFile = serde_json::from_slice(&std::fs::read(signed).unwrap()).unwrap();
    assert_eq!(file.signature.fingerprint, old.fingerprint);
    browser.finish().await;
}

async fn stored_key(browser: &Browser) -> String {
    let value = browser
        .execute("return localStorage.getItem('hallcount.signing_key');")
        .await;
    value.as_str().expect("a key is stored").to_owned()
}

/// How long each key action took in the page (sealing, opening and signing), in milliseconds.
async fn key_work_ms(browser: &Browser) -> Value {
    browser
        .execute(
            "const at = (name) => performance.getEntriesByName(name).map((m) => m.startTime);
             const [starts, ends] = [at('hallcount-key-work-start'), at('hallcount-key-work-end')];
             return starts.map((start, i) => Math.round(ends[i] - start));",
        )
        .await
}

/// The seed in lowercase hex, as a clear key file holds it.
fn seed_hex(signer: &Signer) -> String {
    KeyFile::for_signer(signer, "", "")
        .secret_seed
        .expose()
        .to_owned()
}

/// Every string in a JSON value, keys included.
fn strings_of(value: &Value) -> Vec<String> {
    match value {
        Value::String(text) => vec![text.clone()],
        Value::Array(items) => items.iter().flat_map(strings_of).collect(),
        Value::Object(map) => map
            .iter()
            .flat_map(|(key, value)| std::iter::once(key.clone()).chain(strings_of(value)))
            .collect(),
        other => vec![other.to_string()],
    }
}

/// What in `text` gives the seed: the seed itself in hex or base64, or any 32 bytes written in
/// hex or base64 whose Ed25519 public key is `public_key` (the seed, however it was written).
fn seed_findings(text: &str, seed_hex: &str, public_key: &str) -> Vec<String> {
    let seed = HEXLOWER_PERMISSIVE.decode(seed_hex.as_bytes()).unwrap();
    let mut found = Vec::new();
    let lower = text.to_lowercase();
    if lower.contains(seed_hex) {
        found.push("the seed in hex".to_owned());
    }
    for encoding in [&BASE64, &BASE64_NOPAD, &BASE64URL, &BASE64URL_NOPAD] {
        if text.contains(&encoding.encode(&seed)) {
            found.push("the seed in base64".to_owned());
        }
    }
    let gives_the_key = |bytes: &[u8]| {
        <[u8; 32]>::try_from(bytes)
            .is_ok_and(|seed| Signer::from_seed(&seed).public_key().to_hex() == public_key)
    };
    for run in runs(&lower, |c| c.is_ascii_hexdigit()) {
        for start in (0..=run.len().saturating_sub(64)).step_by(2) {
            let window = &run[start..run.len().min(start + 64)];
            if HEXLOWER_PERMISSIVE
                .decode(window.as_bytes())
                .is_ok_and(|bytes| gives_the_key(&bytes))
            {
                found.push(format!("hex that gives the key: {window}"));
            }
        }
    }
    let base64ish = |c: char| c.is_ascii_alphanumeric() || "+/-_=".contains(c);
    for token in runs(text, base64ish).filter(|t| (43..=44).contains(&t.len())) {
        for encoding in [&BASE64, &BASE64_NOPAD, &BASE64URL, &BASE64URL_NOPAD] {
            if encoding
                .decode(token.as_bytes())
                .is_ok_and(|bytes| gives_the_key(&bytes))
            {
                found.push(format!("base64 that gives the key: {token}"));
            }
        }
    }
    found
}

/// The maximal runs of characters that `keep` keeps.
fn runs(text: &str, keep: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    text.split(move |c: char| !keep(c))
        .filter(|run| !run.is_empty())
}

#[test]
fn the_seed_finder_finds_a_clear_key_file_and_not_a_sealed_one() {
    // The attack of issue 9 on earlier versions: the key@1 in localStorage gave the seed.
    let clear = KeyFile::new(&[7; 32], "x", "y");
    let public_key = clear.public_key.clone();
    let seed = clear.secret_seed.expose().to_owned();
    assert!(!seed_findings(&clear.to_json(), &seed, &public_key).is_empty());
    let upper = clear.to_json().replace(&seed, &seed.to_uppercase());
    assert!(!seed_findings(&upper, &seed, &public_key).is_empty());
    let b64 = BASE64.encode(&HEXLOWER_PERMISSIVE.decode(seed.as_bytes()).unwrap());
    assert!(!seed_findings(&format!("{{\"s\":\"{b64}\"}}"), &seed, &public_key).is_empty());
    assert!(seed_findings(
        &format!("{public_key} {}", "ab".repeat(40)),
        &seed,
        &public_key
    )
    .is_empty());
}
