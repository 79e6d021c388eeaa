//! Issue 10 for the signed-result workflow: the key, trusted-keys and result readers go through
//! the same strict reader as the election and ballots (no key twice, objects only, encodings
//! named), and the CSV defuses every formula opener.

mod export_common;

use export_common::signed_village;
use hallcount_core::export::{verify_result, KeyFile, TrustedKeys, VerifyError};

const SEED: [u8; 32] = [7; 32];

#[test]
fn a_key_file_with_a_key_twice_is_damaged_and_says_where() {
    let json = KeyFile::new(&SEED, "village", "2026-11-25T12:00:00Z").to_json();
    let twice = json.replacen("{", "{\n  \"label\": \"other\",", 1);
    let message = KeyFile::parse(&twice).err().expect("refused").to_string();
    assert!(message.contains("duplicate key \"label\""), "{message}");
    assert!(message.contains("line "), "{message}");
    assert!(KeyFile::parse(&json).is_ok());
}

#[test]
fn a_trusted_list_with_an_entry_as_an_array_or_a_key_twice_is_refused() {
    let fingerprint = KeyFile::new(&SEED, "", "").fingerprint;
    let good = format!(
        r#"{{"format": "hallcount/trusted@1", "keys": [{{"fingerprint": "{fingerprint}", "village": "赤坑"}}]}}"#
    );
    assert_eq!(TrustedKeys::parse(&good).unwrap().len(), 1);
    for bad in [
        format!(r#"{{"format": "hallcount/trusted@1", "keys": [["{fingerprint}", "赤坑"]]}}"#),
        format!(
            r#"{{"format": "hallcount/trusted@1", "keys": [{{"fingerprint": "{fingerprint}", "village": "赤坑", "village": "偽"}}]}}"#
        ),
        good.replacen("\"keys\"", "\"keys\": [], \"keys\"", 1),
    ] {
        let error = TrustedKeys::parse(&bad).unwrap_err().to_string();
        assert!(error.contains("keys"), "{bad}: {error}");
    }
}

#[test]
fn a_result_with_a_bom_is_named_as_resaved_and_gbk_is_named() {
    let json = signed_village("赤坑", 3);
    assert!(verify_result(json.as_bytes()).is_ok());
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(json.as_bytes());
    assert_eq!(
        verify_result(&with_bom).unwrap_err(),
        VerifyError::Reformatted
    );

    let mut gbk = json.clone().into_bytes();
    let at = json.find("赤坑").unwrap();
    gbk.splice(at..at + "赤坑".len(), *b"\xb3\xe0\xbf\xd3");
    let error = verify_result(&gbk).unwrap_err().to_string();
    assert!(
        error.contains("saved as GBK") && error.contains("byte "),
        "{error}"
    );
}

#[test]
fn a_result_with_a_key_twice_is_damaged_json() {
    let json = signed_village("赤坑", 3);
    let twice = json.replacen("{", "{\"format\":\"x\",", 1);
    let error = verify_result(twice.as_bytes()).unwrap_err();
    assert!(
        matches!(error, VerifyError::DamagedJson(ref m) if m.to_string().contains("duplicate key \"format\"")),
        "{error}"
    );
}
