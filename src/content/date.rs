//! Dates as briefings state them: partial ISO dates with a precision and a basis.

use serde::Deserialize;
use std::fmt;

/// How much of a date is known.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
    Approximate,
}

/// Where a date comes from: stated in the source, inferred from it, or an outside source.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    serde::Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Basis {
    Stated,
    Inferred,
    Outside,
}

impl Precision {
    /// The word the files write: `day`, `week`, `month`…
    pub fn word(self) -> &'static str {
        self.into()
    }
}

impl Basis {
    /// The word the files write: `stated`, `inferred`, `outside`.
    pub fn word(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Basis::Stated => "stated in the article",
            Basis::Inferred => "inferred",
            Basis::Outside => "outside source",
        }
    }
}

/// A calendar date of which only the year, or the year and month, may be known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Months as dates are written on screen ("15 Mar 2013").
pub const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Months and weekdays in full, as articles write them.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const WEEKDAY_NAMES: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse(s: &str) -> Result<PartialDate, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, digits: usize, what: &str| -> Result<u32, String> {
            if p.len() != digits || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("'{s}' is not a date: the {what} must be {digits} digits"));
            }
            p.parse().map_err(|_| format!("'{s}' is not a date"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!("'{s}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let year = number(parts[0], 4, "year")? as i32;
        let month = match parts.get(1) {
            Some(p) => {
                let m = number(p, 2, "month")?;
                if !(1..=12).contains(&m) {
                    return Err(format!("'{s}' is not a date: month {m} does not exist"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = number(p, 2, "day")?;
                let last = days_in_month(year, m);
                if d == 0 || d > u32::from(last) {
                    return Err(format!(
                        "'{s}' is not a date: {} {year} has {last} days",
                        MONTHS[usize::from(m) - 1]
                    ));
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    /// As the files write it: `2013`, `2013-04` or `2013-04-29`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    fn month_name(self) -> Option<&'static str> {
        self.month.map(|m| MONTHS[usize::from(m) - 1])
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.day, self.month_name()) {
            (Some(d), Some(m)) => write!(f, "{d} {m} {}", self.year),
            (None, Some(m)) => write!(f, "{m} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

/// A date with what is known about it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Date {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub precision: Precision,
    pub basis: Basis,
    pub note: Option<super::sanitize::Clean>,
    pub source: Option<super::sanitize::Clean>,
}

impl Date {
    /// A stand-in for a date that was missing or rejected, reported already; a briefing with
    /// one never loads.
    pub fn unknown() -> Date {
        Date {
            start: PartialDate { year: 0, month: None, day: None },
            end: None,
            precision: Precision::Year,
            basis: Basis::Stated,
            note: None,
            source: None,
        }
    }

    /// The date as a reader would say it, without its basis: "15 Mar 2013", "mid-May 2013",
    /// "22 Apr – 3 May 2013".
    pub fn when(&self) -> String {
        let start = self.start;
        if let Some(end) = self.end {
            return range(start, end);
        }
        match self.precision {
            Precision::Week => format!("week of {start}"),
            Precision::Approximate => match (start.day, start.month_name()) {
                (Some(d), Some(m)) => {
                    let part = match d {
                        1..=10 => "early",
                        11..=20 => "mid",
                        _ => "late",
                    };
                    format!("{part}-{m} {}", start.year)
                }
                _ => format!("c. {start}"),
            },
            _ => start.to_string(),
        }
    }

    /// The date with its basis when it is not stated outright: "30 Apr 2013 (inferred)".
    pub fn display(&self) -> String {
        match self.basis {
            Basis::Stated => self.when(),
            Basis::Inferred => format!("{} (inferred)", self.when()),
            Basis::Outside => format!("{} (outside source)", self.when()),
        }
    }

    /// The whole date in fewer columns, for a narrow list: "15 Mar 2013", "wk 22 Apr 2013",
    /// "22 Apr–3 May 2013", "mid-May 2013". Nothing is left out, only spaces and words.
    pub fn compact(&self) -> String {
        if let Some(end) = self.end {
            return range(self.start, end).replace(" – ", "–");
        }
        match self.precision {
            Precision::Week => format!("wk {}", self.start),
            _ => self.when(),
        }
    }

    /// Orders by start; "Apr 2013" comes before "1 Apr 2013", and on the same start a period
    /// (the conference from 22 Apr to 3 May) comes before what happens within it.
    pub fn sort_key(&self) -> (PartialDate, bool, Option<PartialDate>) {
        (self.start, self.end.is_none(), self.end)
    }
}

fn range(start: PartialDate, end: PartialDate) -> String {
    let same_year = start.year == end.year;
    match (start.day, start.month_name(), end.day, end.month_name()) {
        (Some(sd), Some(sm), Some(ed), Some(em)) if same_year && sm == em => {
            format!("{sd}–{ed} {sm} {}", start.year)
        }
        (Some(sd), Some(sm), Some(_), Some(_)) if same_year => format!("{sd} {sm} – {end}"),
        (None, Some(sm), None, Some(_)) if same_year => format!("{sm} – {end}"),
        _ => format!("{start} – {end}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(start: &str, end: Option<&str>, precision: Precision, basis: Basis) -> Date {
        Date {
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
            precision,
            basis,
            note: None,
            source: None,
        }
    }

    #[test]
    fn shows_each_precision_as_a_reader_says_it() {
        use Basis::*;
        use Precision::*;
        assert_eq!(date("2013-03-15", None, Day, Stated).display(), "15 Mar 2013");
        assert_eq!(date("2013-04-30", None, Day, Inferred).display(), "30 Apr 2013 (inferred)");
        assert_eq!(date("2013-04", None, Month, Stated).display(), "Apr 2013");
        assert_eq!(date("2013", None, Year, Stated).display(), "2013");
        assert_eq!(date("2013-05-15", None, Approximate, Stated).display(), "mid-May 2013");
        assert_eq!(date("2013-05-03", None, Approximate, Stated).display(), "early-May 2013");
        assert_eq!(date("2013-05", None, Approximate, Stated).display(), "c. May 2013");
        assert_eq!(
            date("2013-04-22", None, Week, Inferred).display(),
            "week of 22 Apr 2013 (inferred)"
        );
        assert_eq!(
            date("2013-04-22", Some("2013-05-03"), Day, Outside).display(),
            "22 Apr – 3 May 2013 (outside source)"
        );
        assert_eq!(date("2013-04-22", Some("2013-04-26"), Day, Stated).display(), "22–26 Apr 2013");
        assert_eq!(
            date("2012-12-30", Some("2013-01-02"), Day, Stated).display(),
            "30 Dec 2012 – 2 Jan 2013"
        );
    }

    #[test]
    fn compact_dates_are_whole() {
        use Basis::*;
        use Precision::*;
        assert_eq!(
            date("2013-04-22", Some("2013-05-03"), Day, Outside).compact(),
            "22 Apr–3 May 2013"
        );
        assert_eq!(date("2013-04-22", None, Week, Inferred).compact(), "wk 22 Apr 2013");
        assert_eq!(date("2013-05-15", None, Approximate, Stated).compact(), "mid-May 2013");
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert!(PartialDate::parse("2013-02-29").is_err());
        assert!(PartialDate::parse("2012-02-29").is_ok());
        assert!(PartialDate::parse("2013-13").is_err());
        assert!(PartialDate::parse("13-01-01").is_err());
        assert!(PartialDate::parse("2013-1-01").is_err());
        assert!(PartialDate::parse("2013-01-01-01").is_err());
        assert!(PartialDate::parse("").is_err());
        assert!(PartialDate::parse("soon").is_err());
    }

    #[test]
    fn orders_a_month_before_its_days() {
        let month = PartialDate::parse("2013-04").unwrap();
        let day = PartialDate::parse("2013-04-01").unwrap();
        assert!(month < day);
    }
}
