//! A calendar date with no time zone: an expected close date is a day, not an instant.

use std::fmt;

/// The earliest year a close date may have: older ones are typing mistakes.
pub const MIN_YEAR: i32 = 1900;
/// The latest year a close date may have: the native date picker accepts year 275760.
pub const MAX_YEAR: i32 = 2199;

/// A proleptic Gregorian calendar date.
///
/// ```
/// use dealform::model::Date;
/// let d = Date::parse_iso("2028-02-29").unwrap();
/// assert_eq!(d.to_string(), "2028-02-29");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("Enter a date as YYYY-MM-DD")]
    Format,
    /// Of the right form, but no such day exists (30 February, month 13).
    #[error("{0} is not a day in the calendar")]
    NoSuchDay(String),
    /// A real day, outside the years a close date may have.
    #[error("Close date must be between {MIN_YEAR} and {MAX_YEAR}")]
    OutOfRange,
}

impl DateError {
    /// What the form says about it.
    pub fn message(&self) -> super::Message {
        use super::Message;
        match self {
            DateError::Format => Message::key("error-date-format"),
            DateError::NoSuchDay(text) => Message::key("error-date-no-such-day").text("date", text.clone()),
            DateError::OutOfRange => Message::key("error-date-range")
                .text("min", MIN_YEAR.to_string())
                .text("max", MAX_YEAR.to_string()),
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Builds a date, refusing days that do not exist and years outside the allowed range.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay(format!("{year:04}-{month:02}-{day:02}")));
        }
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        Ok(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, the value an `<input type="date">` gives in every locale.
    pub fn parse_iso(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| DateError::Format)
            } else {
                Err(DateError::Format)
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        // Each fits: at most four digits.
        Self::new(y as i32, m as u8, d as u8)
    }

    /// Reads the date part of an RFC 3339 / ISO 8601 timestamp (`2023-11-07T05:31:56Z`).
    pub fn parse_iso_prefix(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        match s.get(..10) {
            Some(head) if s.len() == 10 || s.as_bytes()[10] == b'T' || s.as_bytes()[10] == b' ' => {
                Self::parse_iso(head)
            }
            _ => Err(DateError::Format),
        }
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), for CRMs that want epoch timestamps.
    ///
    /// Howard Hinnant's `days_from_civil`: exact for every Gregorian date.
    pub fn to_epoch_days(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::to_epoch_days`].
    pub fn from_epoch_days(days: i64) -> Result<Self, DateError> {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        let y = i32::try_from(y).map_err(|_| DateError::OutOfRange)?;
        Self::new(y, m as u8, d as u8)
    }
}

/// A date is stored as `YYYY-MM-DD`.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse_iso(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_ninth_of_february_exists_only_in_leap_years() {
        assert!(Date::parse_iso("2028-02-29").is_ok());
        assert!(Date::parse_iso("2000-02-29").is_ok());
        assert_eq!(
            Date::parse_iso("2027-02-29"),
            Err(DateError::NoSuchDay("2027-02-29".into()))
        );
        assert!(Date::parse_iso("2100-02-29").is_err());
    }

    #[test]
    fn impossible_days_and_months_are_refused() {
        for s in ["2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"] {
            assert!(matches!(Date::parse_iso(s), Err(DateError::NoSuchDay(_))), "{s}");
        }
    }

    #[test]
    fn far_dates_are_out_of_range() {
        assert_eq!(Date::parse_iso("1899-12-31"), Err(DateError::OutOfRange));
        assert_eq!(Date::parse_iso("2200-01-01"), Err(DateError::OutOfRange));
        assert_eq!(Date::parse_iso("275760-09-13"), Err(DateError::Format));
        assert!(Date::parse_iso("2199-12-31").is_ok());
    }

    #[test]
    fn malformed_text_is_a_format_error() {
        for s in [
            "",
            "2026-1-01",
            "2026/01/01",
            "01-02-2026",
            "２０２６-01-01",
            "2026-01-0a",
        ] {
            assert_eq!(Date::parse_iso(s), Err(DateError::Format), "{s:?}");
        }
    }

    #[test]
    fn epoch_days_round_trip_across_eras() {
        let d = Date::parse_iso("1970-01-01").unwrap();
        assert_eq!(d.to_epoch_days(), 0);
        let d = Date::parse_iso("2026-09-30").unwrap();
        assert_eq!(d.to_epoch_days(), 20_726);
        for days in [-25_567, -1, 0, 1, 11_016, 20_726, 84_000] {
            assert_eq!(Date::from_epoch_days(days).unwrap().to_epoch_days(), days);
        }
    }

    #[test]
    fn timestamp_prefix_gives_the_calendar_day() {
        assert_eq!(
            Date::parse_iso_prefix("2023-11-07T05:31:56Z").unwrap().to_string(),
            "2023-11-07"
        );
        assert!(Date::parse_iso_prefix("2023-11-07X").is_err());
    }
}
