//! `Expiry`: when a registration token stops working, parsed from GitHub's RFC 3339 timestamp
//! (which carries a UTC offset, not always `Z`) and said in words. Local-time wording is the
//! browser's job (Intl); everything here is pure.

use std::fmt;

/// An instant, as milliseconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expiry {
    unix_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError;

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an RFC 3339 date and time")
    }
}

impl Expiry {
    pub fn unix_ms(self) -> i64 {
        self.unix_ms
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t` and `z` in either case, as RFC 3339
    /// allows, and a space instead of `T`.
    pub fn parse_rfc3339(s: &str) -> Result<Self, TimestampError> {
        let b = s.as_bytes();
        if b.len() < 20 || !b.is_ascii() {
            return Err(TimestampError);
        }
        let num = |range: std::ops::Range<usize>| -> Result<i64, TimestampError> {
            let part = &s[range];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| TimestampError)
            } else {
                Err(TimestampError)
            }
        };
        let sep = |i: usize, c: &[u8]| if c.contains(&b[i]) { Ok(()) } else { Err(TimestampError) };
        sep(4, b"-")?;
        sep(7, b"-")?;
        sep(10, b"Tt ")?;
        sep(13, b":")?;
        sep(16, b":")?;
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(TimestampError);
        }
        // 60 admits a leap second, which RFC 3339 allows; it counts as the next second.
        if hour > 23 || minute > 59 || second > 60 {
            return Err(TimestampError);
        }
        let mut i = 19;
        let mut millis = 0;
        if b[i] == b'.' {
            let start = i + 1;
            i = start;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(TimestampError);
            }
            let digits = &s[start..i.min(start + 3)];
            millis = digits.parse::<i64>().map_err(|_| TimestampError)? * 10_i64.pow(3 - digits.len() as u32);
        }
        let offset_minutes = match &b[i..] {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
                let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
                if h > 23 || m > 59 {
                    return Err(TimestampError);
                }
                let total = h * 60 + m;
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return Err(TimestampError),
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
        Ok(Self {
            unix_ms: seconds * 1000 + millis,
        })
    }

    /// For `<time datetime>` and for reading: `2020-01-22T20:13:35Z`.
    pub fn utc_iso(self) -> String {
        let (y, mo, d, h, mi, s) = self.civil();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }

    /// `2020-01-22 20:13 UTC`
    pub fn utc_text(self) -> String {
        let (y, mo, d, h, mi, _) = self.civil();
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
    }

    /// `1 Sep 2026` (the UTC date): for schedules, where the day is what matters.
    pub fn utc_day(self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let (y, mo, d, ..) = self.civil();
        format!("{d} {} {y}", MONTHS[(mo.clamp(1, 12) - 1) as usize])
    }

    fn civil(self) -> (i64, i64, i64, i64, i64, i64) {
        let secs = self.unix_ms.div_euclid(1000);
        let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }
}

/// What a countdown shows at `now_ms`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remaining {
    Expired,
    /// Seconds, under a minute: urgent.
    Seconds(i64),
    Minutes(i64),
    /// Hours and minutes (a clock far behind, or a server with longer tokens).
    Hours(i64, i64),
}

impl Remaining {
    pub fn at(expiry: Expiry, now_ms: i64) -> Self {
        let ms = expiry.unix_ms.saturating_sub(now_ms);
        if ms <= 0 {
            return Self::Expired;
        }
        // Under a minute, seconds rounded up (never "0 s" while still valid); above, whole
        // minutes elapsed-style, so a fresh one-hour token reads "60 min", then "59 min".
        if ms < 60_000 {
            return Self::Seconds((ms + 999) / 1000);
        }
        match ms / 60_000 {
            minutes if minutes <= 60 => Self::Minutes(minutes),
            minutes => Self::Hours(minutes / 60, minutes % 60),
        }
    }

    pub fn is_expired(&self) -> bool {
        matches!(self, Self::Expired)
    }
}

impl fmt::Display for Remaining {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Expired => f.write_str("expired"),
            Self::Seconds(s) => write!(f, "expires in {s} s"),
            Self::Minutes(m) => write!(f, "expires in {m} min"),
            Self::Hours(h, 0) => write!(f, "expires in {h} h"),
            Self::Hours(h, m) => write!(f, "expires in {h} h {m} min"),
        }
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ms(s: &str) -> i64 {
        Expiry::parse_rfc3339(s).unwrap().unix_ms()
    }

    fn at(unix_ms: i64) -> Expiry {
        Expiry { unix_ms }
    }

    #[test]
    fn parses_githubs_documented_example_with_its_offset() {
        // 12:13:35.123 at UTC-8 is 20:13:35.123 UTC.
        let e = Expiry::parse_rfc3339("2020-01-22T12:13:35.123-08:00").unwrap();
        assert_eq!(e.unix_ms(), 1_579_724_015_123);
        assert_eq!(e.utc_iso(), "2020-01-22T20:13:35Z");
        assert_eq!(e.utc_text(), "2020-01-22 20:13 UTC");
    }

    #[test]
    fn odd_offsets_and_forms_agree_on_the_instant() {
        let utc = ms("2026-11-21T12:00:00Z");
        assert_eq!(ms("2026-11-21T17:45:00+05:45"), utc);
        assert_eq!(ms("2026-11-21T12:00:00.000Z"), utc);
        assert_eq!(ms("2026-11-21t12:00:00z"), utc);
        assert_eq!(ms("2026-11-21 12:00:00+00:00"), utc);
        assert_eq!(ms("2026-11-21T02:00:00-10:00"), utc);
        assert_eq!(ms("2026-11-21T12:00:00.9999999Z"), utc + 999);
        assert_eq!(ms("1970-01-01T00:00:00Z"), 0);
        assert_eq!(ms("1969-12-31T23:59:59Z"), -1000);
        assert_eq!(ms("9999-12-31T23:59:59Z"), 253_402_300_799_000);
    }

    #[test]
    fn rejects_malformed_timestamps() {
        for bad in [
            "",
            "2020-01-22",
            "2020-01-22T12:13:35",
            "2020-01-22T12:13:35+0800",
            "2020-13-01T00:00:00Z",
            "2021-02-29T00:00:00Z",
            "2020-01-22T24:00:00Z",
            "2020-01-22T12:13:35.Z",
            "2020-01-22T12:13:35Zjunk",
            "+020-01-22T12:13:35Z",
            "2020-01-22T12:13:35+24:00",
            "٢٠٢٠-01-22T12:13:35Z",
            "1579724015",
        ] {
            assert!(Expiry::parse_rfc3339(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn countdown_counts_whole_minutes_then_seconds_and_marks_expiry() {
        let e = at(3_600_000);
        assert_eq!(Remaining::at(e, 0).to_string(), "expires in 60 min");
        assert_eq!(Remaining::at(e, 1).to_string(), "expires in 59 min");
        assert_eq!(Remaining::at(e, 60_000).to_string(), "expires in 59 min");
        assert_eq!(Remaining::at(e, 3_600_000 - 60_000).to_string(), "expires in 1 min");
        assert_eq!(Remaining::at(e, 3_600_000 - 59_500).to_string(), "expires in 60 s");
        assert_eq!(Remaining::at(e, 3_600_000 - 59_000).to_string(), "expires in 59 s");
        assert_eq!(Remaining::at(e, 3_600_000 - 1).to_string(), "expires in 1 s");
        assert!(Remaining::at(e, 3_600_000).is_expired());
        assert_eq!(Remaining::at(e, i64::MAX), Remaining::Expired);
        assert_eq!(Remaining::at(at(5_400_000), 0).to_string(), "expires in 1 h 30 min");
        assert_eq!(Remaining::at(at(3_660_000), 0).to_string(), "expires in 1 h 1 min");
        assert_eq!(Remaining::at(at(7_200_000), 0).to_string(), "expires in 2 h");
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,40}") {
            let _ = Expiry::parse_rfc3339(&s);
        }

        #[test]
        fn utc_iso_round_trips(secs in -62_135_596_800_i64..253_402_300_799) {
            let e = at(secs * 1000);
            prop_assert_eq!(Expiry::parse_rfc3339(&e.utc_iso()), Ok(e));
        }

        #[test]
        fn offsets_shift_the_instant_exactly(secs in 0_i64..4_000_000_000, h in 0_i64..24, m in 0_i64..60, neg in any::<bool>()) {
            let utc = at(secs * 1000);
            let offset = if neg { -(h * 60 + m) } else { h * 60 + m };
            let local = at((secs + offset * 60) * 1000).utc_iso();
            let with_offset = format!("{}{}{:02}:{:02}", &local[..19], if neg { '-' } else { '+' }, h, m);
            prop_assert_eq!(Expiry::parse_rfc3339(&with_offset), Ok(utc));
        }
    }
}
