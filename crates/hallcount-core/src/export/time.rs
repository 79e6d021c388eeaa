//! UTC timestamps as RFC 3339 text. The core has no clock: callers pass the seconds since
//! the Unix epoch they read (the CLI from the system, the app from the browser).

/// `1_700_000_000` → `"2023-11-14T22:13:20Z"`.
pub fn utc_timestamp(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let second_of_day = unix_seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

/// Whether `text` is an RFC 3339 date-time (section 5.6): `2017-08-25T10:00:00Z`,
/// `2017-08-25T18:00:00.5+08:00`; a real calendar date, hours to 23, minutes to 59, seconds to
/// 60 (a leap second), an offset to 23:59. `T` and `Z` may be lower case, as the RFC allows.
pub fn is_rfc3339(text: &str) -> bool {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = bytes.get(range)?;
        digits.iter().all(u8::is_ascii_digit).then(|| {
            digits
                .iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
        })
    };
    let at = |index: usize, allowed: &[u8]| bytes.get(index).is_some_and(|b| allowed.contains(b));
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        number(0..4),
        number(5..7),
        number(8..10),
        number(11..13),
        number(14..16),
        number(17..19),
    ) else {
        return false;
    };
    let separators = at(4, b"-") && at(7, b"-") && at(10, b"Tt") && at(13, b":") && at(16, b":");
    let date = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
    if !separators || !date || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n_digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n_digits == 0 {
            return false;
        }
        rest = &fraction[n_digits..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let two = |a: &u8, b: &u8| {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
            };
            matches!((two(h1, h2), two(m1, m2)), (Some(h), Some(m)) if h <= 23 && m <= 59)
        }
        _ => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::{is_rfc3339, utc_timestamp};

    #[test]
    fn formats_known_instants() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(utc_timestamp(1_503_619_199), "2017-08-24T23:59:59Z");
    }

    #[test]
    fn rfc_3339_times_are_told_from_the_rest() {
        for good in [
            "2017-08-25T10:00:00Z",
            "2017-08-25t10:00:00z",
            "2024-02-29T23:59:60Z",
            "2017-08-25T18:00:00.123+08:00",
            "2017-08-25T05:30:00-04:30",
            &utc_timestamp(1_700_000_000),
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "not a time",
            "",
            "2017-08-25",
            "2017-08-25 10:00:00Z",
            "2017-08-25T10:00:00",
            "2017-08-25T10:00Z",
            "2023-02-29T10:00:00Z",
            "2017-13-01T10:00:00Z",
            "2017-00-01T10:00:00Z",
            "2017-04-31T10:00:00Z",
            "2017-08-25T24:00:00Z",
            "2017-08-25T10:60:00Z",
            "2017-08-25T10:00:61Z",
            "2017-08-25T10:00:00.Z",
            "2017-08-25T10:00:00+0800",
            "2017-08-25T10:00:00+24:00",
            "2017-08-25T10:00:00Z ",
            "２０１７-08-25T10:00:00Z",
            "+017-08-25T10:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
