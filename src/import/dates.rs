//! Date expressions, found and resolved against the publication date.
//!
//! The rules, each written into the note of the date it gives:
//!
//! - A date with its year ("15 March 2013", "in 2010", "May 2013") is **stated**. A date whose
//!   year (or day) must be worked out is **inferred**, with the rule in its note.
//! - A day and month without a year ("March 15th") takes the year that puts it where the
//!   sentence's tense says: the last such day on or before publication for the past, the first
//!   on or after it for the future ("will", "is expected to"), the nearer of the two when the
//!   sentence does not say.
//! - "last Tuesday" is the last Tuesday before publication (duckling's reading too); when the
//!   Tuesday of the previous calendar week is another day, the date is reported as ambiguous.
//!   "next Tuesday" likewise. "on Tuesday" and a bare "Tuesday" follow the tense: the last
//!   Tuesday on or before publication for the past, the first after it for the future.
//! - "this week", "last week", "next week" are calendar weeks from Monday, precision week;
//!   "this/last/next month" and "year" likewise.
//! - "early", "mid-" and "late" May are days 1–10, 11–20 and 21–end, precision approximate,
//!   written as the 5th, 15th and 25th, which the reader shows as "early-May", "mid-May",
//!   "late-May".
//! - "from 22 April to 3 May" is a range of days; a month range ("from May to July") of months.
//! - Without a publication date only a date that gives its year is resolved; every other
//!   expression is listed in the report as unresolved, never guessed.
//!
//! Compared with duckling (Facebook's rule-based resolver, in Haskell; no Rust port is
//! usable, so the comparison is with its own English corpus, `Duckling/Time/EN/Corpus.hs`,
//! reference time Tue 12 Feb 2013). On its readings of "last week", "this week", "next week",
//! "last tuesday", "last Sunday", "next Wednesday", "yesterday", "in 2014" and "mid March"
//! these rules agree (a test replays them). They part on a date without a year: duckling
//! always takes the next one ("Thu 15th" on 12 Feb is 15 Aug), so on the seed article,
//! published Mon 29 Apr 2013, its "announced on March 15th" and "co-hosted … on April 15th"
//! would be 2014, where the tense says 2013 and the bundled briefing agrees; 7 of the seven
//! dated references here against 5 for duckling's reading. Duckling also has no basis
//! (stated or inferred) and does not say when a phrase has two readings; these rules say both.

use crate::content::date::{MONTH_NAMES, MONTHS, WEEKDAY_NAMES};
use crate::content::{Basis, Precision};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A resolved date, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub start: String,
    pub end: Option<String>,
    pub precision: Precision,
    pub basis: Basis,
    /// How it was found, for the date's note.
    pub rule: String,
    /// Another reading, when there is one.
    pub ambiguous: Option<String>,
}

/// A date expression in the article.
#[derive(Debug, Clone)]
pub struct Expression {
    pub para: usize,
    pub range: Range<usize>,
    pub phrase: String,
    pub resolved: Result<Resolved, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

impl Tense {
    fn word(self) -> &'static str {
        match self {
            Tense::Past => "the sentence is in the past tense",
            Tense::Present => "the sentence is in the present tense",
            Tense::Future => "the sentence speaks of the future",
            Tense::Unknown => "the sentence's tense does not say",
        }
    }
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Sept)";
const FULL_MONTH: &str =
    r"(January|February|March|April|May|June|July|August|September|October|November|December)";
const ORD: &str = r"(\d{1,2})(?:st|nd|rd|th)?\b";
const YEAR: &str = r"((?:1[89]|20)\d\d)\b";
const WD: &str = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const TO: &str = r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*";

#[derive(Debug, Clone, Copy)]
enum Rule {
    DayRange,
    DayRangeMonthFirst,
    DayDashRange,
    DayDashRangeMonthFirst,
    MonthRange,
    DayMonth,
    MonthDay,
    PartOfMonth,
    PartOfMonthWords,
    MonthYear,
    MonthAlone,
    Year,
    Relative,
    Weekday,
    Deictic,
    Ago,
}

static RULES: LazyLock<Vec<(Rule, Regex)>> = LazyLock::new(|| {
    let r = |rule, pattern: String| (rule, Regex::new(&pattern).expect("a date pattern compiles"));
    vec![
        r(Rule::DayRange, format!(r"\b(?i:from|between)\s+(?:the\s+)?{ORD}(?:\s+(?:of\s+)?{MONTH})?{TO}(?:the\s+)?{ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?")),
        r(Rule::DayRangeMonthFirst, format!(r"\b(?i:from|between)\s+{MONTH}\s+{ORD}{TO}(?:{MONTH}\s+)?{ORD}(?:,?\s+{YEAR})?")),
        r(Rule::DayDashRange, format!(r"\b{ORD}\s*[-–]\s*{ORD}\s+{MONTH}(?:,?\s+{YEAR})?")),
        r(Rule::DayDashRangeMonthFirst, format!(r"\b{MONTH}\s+{ORD}\s*[-–]\s*{ORD}(?:,?\s+{YEAR})?")),
        r(Rule::MonthRange, format!(r"\b(?i:from|between)\s+{FULL_MONTH}{TO}{FULL_MONTH}(?:,?\s+{YEAR})?")),
        r(Rule::DayMonth, format!(r"\b(?:{WD},?\s+)?(?:the\s+)?{ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?")),
        r(Rule::MonthDay, format!(r"\b(?:{WD},?\s+)?{MONTH}\s+(?:the\s+)?{ORD}(?:,?\s+{YEAR})?")),
        r(Rule::PartOfMonth, format!(r"\b(?i:(early|mid|late))[-\s]+{FULL_MONTH}(?:,?\s+{YEAR})?")),
        r(Rule::PartOfMonthWords, format!(r"\b(?i:the\s+)(beginning|start|middle|end)\s+of\s+{FULL_MONTH}(?:,?\s+{YEAR})?")),
        r(Rule::MonthYear, format!(r"\b{FULL_MONTH},?\s+{YEAR}")),
        r(Rule::MonthAlone, format!(r"\b(?i:in|since|by|until|before|after|during|from|through|throughout|of|last|next|this)\s+{FULL_MONTH}\b")),
        r(Rule::Year, format!(r"\b(?i:in|since|by|until|before|after|during|from|through|throughout|of|early|late|mid|around|circa)[-\s]+{YEAR}")),
        r(Rule::Relative, r"\b(?i:(?:(earlier|later)\s+)?(this|last|next|past|coming|previous)\s+(week|month|year))\b".to_owned()),
        // A weekday after "last", "next"… in any case; alone, only as a name is written.
        r(Rule::Weekday, r"\b(?i:(last|next|this|past|coming)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b".to_owned()),
        r(Rule::Weekday, format!(r"\b(?:(?i:(on))\s+)?{WD}\b")),
        r(Rule::Deictic, r"\b(?i:(today|yesterday|tomorrow))\b".to_owned()),
        r(Rule::Ago, r"\b(?i:(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(days?|weeks?|months?|years?)\s+ago)\b".to_owned()),
    ]
});

/// Every date expression in a paragraph, earlier rules first where two overlap (a range before
/// the day it starts with).
pub fn find(paragraph: &str, para: usize, published: Option<Date>) -> Vec<Expression> {
    let mut taken: Vec<(Range<usize>, Rule, regex::Captures)> = Vec::new();
    for (rule, regex) in RULES.iter() {
        for caps in regex.captures_iter(paragraph) {
            let m = caps.get(0).expect("a match has a whole");
            let range = m.start()..m.end();
            if taken.iter().any(|(r, _, _)| r.start < range.end && range.start < r.end) {
                continue;
            }
            taken.push((range, *rule, caps));
        }
    }
    taken.sort_by_key(|(r, _, _)| r.start);
    let sentences = super::text::sentences(paragraph);
    taken
        .into_iter()
        .filter_map(|(range, rule, caps)| {
            let phrase = paragraph[range.clone()].to_owned();
            let tense = tense(paragraph, &sentences, &range);
            let resolved = resolve(rule, &caps, published, tense)?;
            Some(Expression { para, range, phrase, resolved })
        })
        .collect()
}

fn month_number(name: &str) -> Option<i8> {
    let key: String = name.trim_end_matches('.').chars().take(3).collect();
    MONTHS.iter().position(|m| *m == key).map(|i| i as i8 + 1)
}

fn weekday(name: &str) -> Weekday {
    let day = WEEKDAY_NAMES.iter().position(|d| d.eq_ignore_ascii_case(name)).unwrap_or(6);
    Weekday::from_monday_zero_offset(day as i8).unwrap_or(Weekday::Sunday)
}

fn number_word(w: &str) -> Option<i64> {
    let w = w.to_ascii_lowercase();
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    match w.as_str() {
        "a" | "an" => Some(1),
        _ => words.iter().position(|x| *x == w).map(|i| i as i64).or_else(|| w.parse().ok()),
    }
}

pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_month(y: i16, m: i8) -> String {
    format!("{y:04}-{m:02}")
}

/// "Mon 29 Apr 2013".
pub fn spoken(d: Date) -> String {
    let wd = &WEEKDAY_NAMES[d.weekday().to_monday_zero_offset() as usize][..3];
    let m = MONTHS[d.month() as usize - 1];
    format!("{wd} {} {m} {}", d.day(), d.year())
}

fn month_name(m: i8) -> &'static str {
    MONTH_NAMES[m as usize - 1]
}

fn monday_of(d: Date) -> Date {
    d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).unwrap_or(d)
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).unwrap_or(d)
}

fn day(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

const NO_PUBLICATION: &str = "no publication date was given (--published), so a date without its year or a relative date cannot be resolved";

/// The year for a month (and day) that the text gives without one.
fn year_for(m: i8, d: Option<i8>, published: Date, tense: Tense) -> (i16, String) {
    let y = published.year();
    let key = |year: i16| (year, m, d.unwrap_or(1));
    let p = (published.year(), published.month(), if d.is_some() { published.day() } else { 1 });
    let not_after = if key(y) <= p { y } else { y - 1 };
    let not_before = if key(y) >= p { y } else { y + 1 };
    let what = match d {
        Some(d) => format!("{d} {}", month_name(m)),
        None => month_name(m).to_owned(),
    };
    let pub_text = spoken(published);
    match tense {
        Tense::Past | Tense::Present if tense == Tense::Past || not_after == y => (
            not_after,
            format!(
                "the latest {what} on or before publication on {pub_text}, as {}",
                tense.word()
            ),
        ),
        Tense::Future => (
            not_before,
            format!("the first {what} on or after publication on {pub_text}, as {}", tense.word()),
        ),
        _ => {
            let distance = |year: i16| {
                let target = day(year, m, d.unwrap_or(15)).unwrap_or(published);
                (target - published).get_days().abs()
            };
            let year =
                if distance(not_after) <= distance(not_before) { not_after } else { not_before };
            (year, format!("the {what} nearest to publication on {pub_text}, as {}", tense.word()))
        }
    }
}

fn resolve(
    rule: Rule,
    caps: &regex::Captures,
    published: Option<Date>,
    tense: Tense,
) -> Option<Result<Resolved, String>> {
    let text = |i: usize| caps.get(i).map(|m| m.as_str());
    let num = |i: usize| text(i).and_then(|t| t.parse::<i8>().ok());
    let phrase = text(0).unwrap_or("");
    let stated = |start: String, end: Option<String>, precision: Precision, rule: String| {
        Ok(Resolved { start, end, precision, basis: Basis::Stated, rule, ambiguous: None })
    };
    let inferred = |start: String,
                    end: Option<String>,
                    precision: Precision,
                    rule: String,
                    ambiguous: Option<String>| {
        Ok(Resolved { start, end, precision, basis: Basis::Inferred, rule, ambiguous })
    };
    let unresolved = || Some(Err(NO_PUBLICATION.to_owned()));
    match rule {
        Rule::DayRange
        | Rule::DayRangeMonthFirst
        | Rule::DayDashRange
        | Rule::DayDashRangeMonthFirst => {
            let (d1, m1, d2, m2, y) = match rule {
                Rule::DayRange => (
                    num(1)?,
                    text(2).and_then(month_number),
                    num(3)?,
                    month_number(text(4)?)?,
                    text(5),
                ),
                Rule::DayRangeMonthFirst => (
                    num(2)?,
                    Some(month_number(text(1)?)?),
                    num(4)?,
                    text(3).and_then(month_number).unwrap_or(month_number(text(1)?)?),
                    text(5),
                ),
                Rule::DayDashRange => (num(1)?, None, num(2)?, month_number(text(3)?)?, text(4)),
                _ => (
                    num(2)?,
                    Some(month_number(text(1)?)?),
                    num(3)?,
                    month_number(text(1)?)?,
                    text(4),
                ),
            };
            let m1 = m1.unwrap_or(m2);
            let (y1, how) = match (y.and_then(|y| y.parse::<i16>().ok()), published) {
                (Some(y), _) => (y, None),
                (None, Some(p)) => {
                    let (y, how) = year_for(m1, Some(d1), p, tense);
                    (y, Some(how))
                }
                (None, None) => return unresolved(),
            };
            let y2 = if (m2, d2) < (m1, d1) { y1 + 1 } else { y1 };
            let (Some(start), Some(end)) = (day(y1, m1, d1), day(y2, m2, d2)) else { return None };
            if end < start {
                return None;
            }
            Some(match how {
                None => stated(
                    iso(start),
                    Some(iso(end)),
                    Precision::Day,
                    format!("“{phrase}”: the days are stated with their year"),
                ),
                Some(how) => inferred(
                    iso(start),
                    Some(iso(end)),
                    Precision::Day,
                    format!("“{phrase}”: days and months stated, the year is not; {y1} is {how}"),
                    None,
                ),
            })
        }
        Rule::MonthRange => {
            let (m1, m2) = (month_number(text(1)?)?, month_number(text(2)?)?);
            let (y1, how) = match (text(3).and_then(|y| y.parse::<i16>().ok()), published) {
                (Some(y), _) => (if m2 < m1 { y - 1 } else { y }, None),
                (None, Some(p)) => {
                    let (y, how) = year_for(m1, None, p, tense);
                    (y, Some(how))
                }
                (None, None) => return unresolved(),
            };
            let y2 = if m2 < m1 { y1 + 1 } else { y1 };
            Some(match how {
                None => stated(
                    iso_month(y1, m1),
                    Some(iso_month(y2, m2)),
                    Precision::Month,
                    format!("“{phrase}”: the months are stated with their year"),
                ),
                Some(how) => inferred(
                    iso_month(y1, m1),
                    Some(iso_month(y2, m2)),
                    Precision::Month,
                    format!("“{phrase}”: months stated, the year is not; {y1} is {how}"),
                    None,
                ),
            })
        }
        Rule::DayMonth | Rule::MonthDay => {
            let (d, m, y) = if let Rule::DayMonth = rule {
                (num(2)?, month_number(text(3)?)?, text(4))
            } else {
                (num(3)?, month_number(text(2)?)?, text(4))
            };
            if !(1..=31).contains(&d) {
                return None;
            }
            match (y.and_then(|y| y.parse::<i16>().ok()), published) {
                (Some(y), _) => {
                    let date = day(y, m, d)?;
                    Some(stated(
                        iso(date),
                        None,
                        Precision::Day,
                        format!("“{phrase}”: the day is stated with its year"),
                    ))
                }
                (None, Some(p)) => {
                    let (y, how) = year_for(m, Some(d), p, tense);
                    let date = day(y, m, d)?;
                    Some(inferred(
                        iso(date),
                        None,
                        Precision::Day,
                        format!("“{phrase}”: day and month stated, the year is not; {y} is {how}"),
                        None,
                    ))
                }
                (None, None) => unresolved(),
            }
        }
        Rule::PartOfMonth | Rule::PartOfMonthWords => {
            let part = text(1)?.to_ascii_lowercase();
            let m = month_number(text(2)?)?;
            let (d, days) = match part.as_str() {
                "early" | "beginning" | "start" => (5, "days 1–10"),
                "mid" | "middle" => (15, "days 11–20"),
                _ => (25, "days 21 to the end"),
            };
            let what = format!(
                "“{phrase}” is {days} of {}; the reader shows the {d}th as {part}-month",
                month_name(m)
            );
            match (text(3).and_then(|y| y.parse::<i16>().ok()), published) {
                (Some(y), _) => {
                    Some(stated(iso(day(y, m, d)?), None, Precision::Approximate, what))
                }
                (None, Some(p)) => {
                    let (y, how) = year_for(m, None, p, tense);
                    Some(inferred(
                        iso(day(y, m, d)?),
                        None,
                        Precision::Approximate,
                        format!("{what}; the year is not stated: {y} is {how}"),
                        None,
                    ))
                }
                (None, None) => unresolved(),
            }
        }
        Rule::MonthYear => {
            let m = month_number(text(1)?)?;
            let y: i16 = text(2)?.parse().ok()?;
            Some(stated(
                iso_month(y, m),
                None,
                Precision::Month,
                format!("“{phrase}”: month and year stated"),
            ))
        }
        Rule::MonthAlone => {
            let m = month_number(text(1)?)?;
            let Some(p) = published else { return unresolved() };
            let lower = phrase.to_ascii_lowercase();
            let tense = if lower.starts_with("last ") {
                Tense::Past
            } else if lower.starts_with("next ") {
                Tense::Future
            } else {
                tense
            };
            let (y, how) = year_for(m, None, p, tense);
            Some(inferred(
                iso_month(y, m),
                None,
                Precision::Month,
                format!("“{phrase}”: the month is stated, the year is not; {y} is {how}"),
                None,
            ))
        }
        Rule::Year => {
            let y: i16 = text(1)?.parse().ok()?;
            let lower = phrase.to_ascii_lowercase();
            let (precision, what) = if lower.starts_with("early")
                || lower.starts_with("late")
                || lower.starts_with("mid")
                || lower.starts_with("around")
                || lower.starts_with("circa")
            {
                (Precision::Approximate, "an approximate year")
            } else {
                (Precision::Year, "the year is stated")
            };
            Some(stated(format!("{y:04}"), None, precision, format!("“{phrase}”: {what}")))
        }
        Rule::Relative => {
            let Some(p) = published else { return unresolved() };
            let which = text(2)?.to_ascii_lowercase();
            let unit = text(3)?.to_ascii_lowercase();
            let offset: i64 = match which.as_str() {
                "this" => 0,
                "last" | "past" | "previous" => -1,
                _ => 1,
            };
            let pub_text = spoken(p);
            let (start, precision, said) = match unit.as_str() {
                "week" => {
                    let monday = add_days(monday_of(p), 7 * offset);
                    (
                        iso(monday),
                        Precision::Week,
                        format!("the week from Mon {} {}", monday.day(), &spoken(monday)[7..]),
                    )
                }
                "month" => {
                    let first = p.first_of_month();
                    let target = first.checked_add((offset as i32).months()).unwrap_or(first);
                    (
                        iso_month(target.year(), target.month()),
                        Precision::Month,
                        format!("{} {}", month_name(target.month()), target.year()),
                    )
                }
                _ => {
                    let y = p.year() + offset as i16;
                    (format!("{y:04}"), Precision::Year, y.to_string())
                }
            };
            let relation = match offset {
                0 => format!("the {unit} of publication on {pub_text}"),
                -1 => format!("the {unit} before publication on {pub_text}"),
                _ => format!("the {unit} after publication on {pub_text}"),
            };
            Some(inferred(start, None, precision, format!("“{phrase}” → {said}, {relation}"), None))
        }
        Rule::Weekday => {
            let wd = weekday(text(2)?);
            let which = text(1).map(str::to_ascii_lowercase);
            let Some(p) = published else { return unresolved() };
            let offset = p.weekday().to_monday_zero_offset() as i64;
            let target = wd.to_monday_zero_offset() as i64;
            // The last such day strictly before publication, and the first strictly after.
            let before = {
                let back = (offset - target).rem_euclid(7);
                add_days(p, -(if back == 0 { 7 } else { back }))
            };
            let after = {
                let ahead = (target - offset).rem_euclid(7);
                add_days(p, if ahead == 0 { 7 } else { ahead })
            };
            let in_week = |week_offset: i64| add_days(monday_of(p), 7 * week_offset + target);
            let pub_text = spoken(p);
            let name = {
                let lower = text(2)?.to_ascii_lowercase();
                lower[..1].to_uppercase() + &lower[1..]
            };
            let (date, rule, other) = match which.as_deref() {
                Some("last") | Some("past") => {
                    let other = in_week(-1);
                    (
                        before,
                        format!(
                            "“{phrase}” → {}, the {name} before publication on {pub_text}",
                            spoken(before)
                        ),
                        (other != before).then(|| {
                            format!("the {name} of the week before publication, {}", spoken(other))
                        }),
                    )
                }
                // "next Wednesday" said on a Tuesday is the Wednesday of next week, as duckling
                // reads it too; the day after is the other reading.
                Some("next") => {
                    let date = in_week(1);
                    (
                        date,
                        format!(
                            "“{phrase}” → {}, the {name} of the week after publication on {pub_text}",
                            spoken(date)
                        ),
                        (date != after).then(|| {
                            format!("the first {name} after publication, {}", spoken(after))
                        }),
                    )
                }
                Some("coming") => (
                    after,
                    format!(
                        "“{phrase}” → {}, the first {name} after publication on {pub_text}",
                        spoken(after)
                    ),
                    None,
                ),
                Some("this") => {
                    let date = in_week(0);
                    (
                        date,
                        format!(
                            "“{phrase}” → {}, the {name} of the week of publication on {pub_text}",
                            spoken(date)
                        ),
                        None,
                    )
                }
                _ => {
                    let on_or_before = if offset == target { p } else { before };
                    match tense {
                        Tense::Future => (
                            after,
                            format!(
                                "“{phrase}” → {}, the first {name} after publication on {pub_text}, as {}",
                                spoken(after),
                                tense.word()
                            ),
                            None,
                        ),
                        Tense::Past => (
                            on_or_before,
                            format!(
                                "“{phrase}” → {}, the last {name} on or before publication on {pub_text}, as {}",
                                spoken(on_or_before),
                                tense.word()
                            ),
                            None,
                        ),
                        _ => {
                            let nearer = if (p - on_or_before).get_days().abs()
                                <= (after - p).get_days().abs()
                            {
                                on_or_before
                            } else {
                                after
                            };
                            let other = if nearer == after { on_or_before } else { after };
                            (
                                nearer,
                                format!(
                                    "“{phrase}” → {}, the {name} nearest to publication on {pub_text}, as {}",
                                    spoken(nearer),
                                    tense.word()
                                ),
                                Some(spoken(other)),
                            )
                        }
                    }
                }
            };
            Some(inferred(iso(date), None, Precision::Day, rule, other))
        }
        Rule::Deictic => {
            let Some(p) = published else { return unresolved() };
            let (date, what) = match text(1)?.to_ascii_lowercase().as_str() {
                "today" => (p, "the day of publication"),
                "yesterday" => (add_days(p, -1), "the day before publication"),
                _ => (add_days(p, 1), "the day after publication"),
            };
            Some(inferred(
                iso(date),
                None,
                Precision::Day,
                format!("“{phrase}” → {}, {what} on {}", spoken(date), spoken(p)),
                None,
            ))
        }
        Rule::Ago => {
            let Some(p) = published else { return unresolved() };
            let n = number_word(text(1)?)?;
            let unit = text(2)?.trim_end_matches('s').to_ascii_lowercase();
            let (start, precision, said) = match unit.as_str() {
                "day" => {
                    let d = add_days(p, -n);
                    (iso(d), Precision::Day, spoken(d))
                }
                "week" => {
                    let monday = monday_of(add_days(p, -7 * n));
                    (iso(monday), Precision::Week, format!("the week of {}", spoken(monday)))
                }
                "month" => {
                    let d = p.first_of_month().checked_sub((n as i32).months()).unwrap_or(p);
                    (
                        iso_month(d.year(), d.month()),
                        Precision::Month,
                        format!("{} {}", month_name(d.month()), d.year()),
                    )
                }
                _ => {
                    let y = p.year() - n as i16;
                    (format!("{y:04}"), Precision::Year, y.to_string())
                }
            };
            Some(inferred(
                start,
                None,
                precision,
                format!("“{phrase}” → {said}, counted back from publication on {}", spoken(p)),
                None,
            ))
        }
    }
}

/// Words that put a sentence in the future. "expected", "scheduled", "due" alone speak of
/// what is to come even in a past sentence ("the report was expected in mid-September"), and
/// so do "could meet", "may meet".
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "’ll",
    "'ll",
    "expected",
    "due to",
    "scheduled",
    "set to",
    "plans to",
    "plan to",
    "planned",
    "intends to",
    "is to",
    "are to",
    "going to",
    "upcoming",
    "would",
    "could",
    "might",
    "may",
    "due",
];

/// Past-tense verbs that do not end in -ed.
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "held",
    "took",
    "gave",
    "made",
    "came",
    "went",
    "began",
    "saw",
    "spoke",
    "wrote",
    "arose",
    "sent",
    "left",
    "found",
    "brought",
    "thought",
    "became",
    "felt",
    "kept",
    "led",
    "lost",
    "paid",
    "rose",
    "fell",
    "won",
    "ran",
    "set",
    "struck",
    "sought",
    "spent",
    "stood",
    "understood",
    "withdrew",
    "drew",
    "grew",
    "knew",
    "heard",
    "meant",
    "put",
    "read",
    "sold",
    "built",
    "broke",
    "chose",
    "flew",
    "forgot",
    "froze",
    "hid",
    "hit",
    "hurt",
    "let",
    "shut",
    "split",
    "spread",
    "swore",
    "taught",
    "threw",
    "woke",
    "wore",
];

/// Words ending in -ed that are not past tense here.
const NOT_PAST: &[&str] = &[
    "expected",
    "scheduled",
    "planned",
    "supposed",
    "concerned",
    "interested",
    "based",
    "related",
    "limited",
    "united",
    "need",
    "speed",
    "indeed",
    "proceed",
    "succeed",
    "exceed",
    "feed",
    "seed",
    "bed",
    "shed",
    "red",
    "advanced",
    "detailed",
    "increased",
    "reduced",
    "proposed",
    "continued",
    "focused",
    "focussed",
    "used",
    "called",
    "so-called",
    "renewed",
    "sustained",
    "armed",
    "alleged",
    "estimated",
    "enriched",
    "suspected",
    "confirmed",
];

/// The tense of the words nearest the date: a future cue ("will", "is expected to") or a past
/// verb, whichever stands closer to it within its sentence.
pub fn tense(p: &str, sentences: &[Range<usize>], at: &Range<usize>) -> Tense {
    let Some(s) = super::text::sentence_of(sentences, at.start) else { return Tense::Unknown };
    let sentence = &p[sentences[s].clone()];
    let offset = sentences[s].start;
    let lower = sentence.to_lowercase();
    let distance = |i: usize| {
        let i = i + offset;
        if i < at.start { at.start - i } else { i.saturating_sub(at.end) }
    };
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |i: usize, t: Tense| {
        // The date's own words are no cue: "last week" is not a verb.
        let abs = i + offset;
        if abs >= at.start && abs < at.end {
            return;
        }
        if best.is_none_or(|(d, _)| distance(i) < d) {
            best = Some((distance(i), t));
        }
    };
    for cue in FUTURE {
        for (i, _) in lower.match_indices(cue) {
            let boundary_before = i == 0 || !lower[..i].ends_with(|c: char| c.is_alphanumeric());
            let boundary_after = !lower[i + cue.len()..].starts_with(|c: char| c.is_alphanumeric());
            if boundary_before && boundary_after {
                consider(i, Tense::Future);
            }
        }
    }
    for w in super::text::words(sentence) {
        let word = &lower[w.range.clone()];
        let past = PAST.contains(&word)
            || (word.ends_with("ed")
                && word.len() > 4
                && !NOT_PAST.contains(&word)
                && !preceded_by_be(&lower, w.range.start));
        if past {
            consider(w.range.start, Tense::Past);
        } else if matches!(word, "is" | "are" | "remains" | "continues") {
            consider(w.range.start, Tense::Present);
        }
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

/// "is expected", "are scheduled", "has been": a participle after a form of "be" or "have" is
/// no past tense of its own.
fn preceded_by_be(lower: &str, at: usize) -> bool {
    let before = lower[..at].trim_end();
    ["is", "are", "be", "been", "being", "am"].iter().any(|w| {
        before.ends_with(w)
            && !before[..before.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// A line that is only a date ("29 April 2013", "April 29, 2013", "2013-04-29", "Published
/// 29 April 2013"), as a page prints above an article.
pub fn standalone_date(line: &str) -> Option<Date> {
    let line = line.trim();
    if line.contains('\n') || line.len() > 60 {
        return None;
    }
    let rest =
        ["Published", "Posted", "Updated", "Date:", "Published:", "Posted on", "Published on"]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .unwrap_or(line)
            .trim()
            .trim_start_matches("on ")
            .trim();
    parse_date(rest).filter(|_| {
        // The whole line must be the date.
        let stripped = rest.trim_end_matches(['.', ' ']);
        let full = Regex::new(&format!(r"^(?:{WD},?\s+)?(?:{ORD}\s+{MONTH},?\s+{YEAR}|{MONTH}\s+{ORD},?\s+{YEAR}|\d{{4}}-\d{{2}}-\d{{2}})$")).expect("compiles");
        full.is_match(stripped)
    })
}

/// A full date as a page or a person writes it: ISO ("2013-04-29", "2013-04-29T10:00:00Z"),
/// "29 April 2013" or "April 29, 2013".
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.len() >= 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-' {
        let (y, m, d) =
            (text[0..4].parse().ok()?, text[5..7].parse().ok()?, text[8..10].parse().ok()?);
        let rest = &text[10..];
        if rest.is_empty() || rest.starts_with(['T', ' ']) {
            return Date::new(y, m, d).ok();
        }
        return None;
    }
    let day_month =
        Regex::new(&format!(r"^(?:{WD},?\s+)?{ORD}\s+{MONTH},?\s+{YEAR}")).expect("compiles");
    if let Some(c) = day_month.captures(text) {
        return Date::new(c[4].parse().ok()?, month_number(&c[3])?, c[2].parse().ok()?).ok();
    }
    let month_day =
        Regex::new(&format!(r"^(?:{WD},?\s+)?{MONTH}\s+{ORD},?\s+{YEAR}")).expect("compiles");
    if let Some(c) = month_day.captures(text) {
        return Date::new(c[4].parse().ok()?, month_number(&c[2])?, c[3].parse().ok()?).ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(p: &str, published: &str) -> Vec<(String, String, Precision, Basis)> {
        let published = parse_date(published);
        find(p, 1, published)
            .into_iter()
            .map(|e| {
                let r = e.resolved.expect("resolved");
                let when = match r.end {
                    Some(end) => format!("{}/{end}", r.start),
                    None => r.start,
                };
                (e.phrase, when, r.precision, r.basis)
            })
            .collect()
    }

    fn one(p: &str, published: &str) -> (String, Precision, Basis) {
        let found = at(p, published);
        assert_eq!(found.len(), 1, "{p}: {found:?}");
        let (_, when, precision, basis) = found.into_iter().next().unwrap();
        (when, precision, basis)
    }

    use Basis::*;
    use Precision::*;

    #[test]
    fn the_seed_articles_phrases() {
        let p = "2013-04-29";
        assert_eq!(
            one("Hagel announced on March 15th updates.", p),
            ("2013-03-15".into(), Day, Inferred)
        );
        assert_eq!(
            one("BASIC co-hosted a meeting in Brussels on April 15th, which was focused.", p),
            ("2013-04-15".into(), Day, Inferred)
        );
        assert_eq!(
            one("In a statement to the PrepCom last week, Moscow continued.", p),
            ("2013-04-22".into(), Week, Inferred)
        );
        assert_eq!(
            one("During the meeting last Tuesday, Lavrov said.", p),
            ("2013-04-23".into(), Day, Inferred)
        );
        assert_eq!(
            one("Antonov is expected to meet on Tuesday with Miller.", p),
            ("2013-04-30".into(), Day, Inferred)
        );
        assert_eq!(
            one("BASIC will co-host a follow-up meeting in Moscow, in mid-May, to discuss.", p),
            ("2013-05-15".into(), Approximate, Inferred)
        );
        assert_eq!(
            one("Attention will remain focused on the PrepCom this week.", p),
            ("2013-04-29".into(), Week, Inferred)
        );
    }

    #[test]
    fn stated_dates_and_ranges() {
        let p = "2013-04-29";
        assert_eq!(one("It was signed in 2010.", p), ("2010".into(), Year, Stated));
        assert_eq!(
            one("The session runs from 22 April to 3 May.", p),
            ("2013-04-22/2013-05-03".into(), Day, Inferred)
        );
        assert_eq!(
            one("It met from 13 to 15 July 2012.", p),
            ("2012-07-13/2012-07-15".into(), Day, Stated)
        );
        assert_eq!(one("Signed on 8 April 2010 in Prague.", p), ("2010-04-08".into(), Day, Stated));
        assert_eq!(
            one("Signed on April 8, 2010 in Prague.", p),
            ("2010-04-08".into(), Day, Stated)
        );
        assert_eq!(
            one("It was announced in September 2009.", p),
            ("2009-09".into(), Month, Stated)
        );
        assert_eq!(one("They met in late March.", p), ("2013-03-25".into(), Approximate, Inferred));
    }

    #[test]
    fn duckling_corpus_readings_at_its_reference_time() {
        // Duckling's English corpus resolves against Tue 12 Feb 2013.
        let r = "2013-02-12";
        assert_eq!(one("It happened last week.", r), ("2013-02-04".into(), Week, Inferred));
        assert_eq!(one("It happens this week.", r), ("2013-02-11".into(), Week, Inferred));
        assert_eq!(one("It will happen next week.", r), ("2013-02-18".into(), Week, Inferred));
        assert_eq!(one("It happened last tuesday.", r), ("2013-02-05".into(), Day, Inferred));
        assert_eq!(one("It happened last Sunday.", r), ("2013-02-10".into(), Day, Inferred));
        assert_eq!(one("We will meet next Wednesday.", r), ("2013-02-20".into(), Day, Inferred));
        assert_eq!(one("It happened yesterday.", r), ("2013-02-11".into(), Day, Inferred));
        assert_eq!(one("It will be in 2014.", r), ("2014".into(), Year, Stated));
        assert_eq!(
            one("We will meet in mid-March.", r),
            ("2013-03-15".into(), Approximate, Inferred)
        );
    }

    #[test]
    fn ambiguous_weekdays_are_flagged() {
        // Published on a Thursday: "last Tuesday" is two days before, or nine.
        let found = find("They met last Tuesday.", 1, parse_date("2024-03-14"));
        let r = found[0].resolved.as_ref().unwrap();
        assert_eq!(r.start, "2024-03-12");
        assert!(r.ambiguous.as_deref().unwrap().contains("5 Mar 2024"));
    }

    #[test]
    fn without_a_publication_date_only_stated_years_resolve() {
        let found = find("On March 15th, last week, and in 2010.", 1, None);
        assert_eq!(found.len(), 3);
        assert!(found[0].resolved.is_err());
        assert!(found[1].resolved.is_err());
        assert_eq!(found[2].resolved.as_ref().unwrap().start, "2010");
    }

    #[test]
    fn tense_comes_from_the_nearest_cue() {
        let p = "Attention will remain on Geneva, while Antonov is expected to meet on Tuesday.";
        let s = super::super::text::sentences(p);
        let at = p.find("on Tuesday").unwrap();
        assert_eq!(tense(p, &s, &(at..at + 10)), Tense::Future);
        let p = "Hagel announced on March 15th updates.";
        let s = super::super::text::sentences(p);
        assert_eq!(tense(p, &s, &(16..29)), Tense::Past);
        for (p, date) in [
            ("The report was expected in mid-September.", "mid-September"),
            ("A panel, which could meet from 8 to 12 April.", "from 8 to 12 April"),
        ] {
            let s = super::super::text::sentences(p);
            let at = p.find(date).unwrap();
            assert_eq!(tense(p, &s, &(at..at + date.len())), Tense::Future, "{p}");
        }
    }

    #[test]
    fn page_dates_are_read() {
        assert_eq!(parse_date("2013-04-29T10:00:00Z").map(iso).as_deref(), Some("2013-04-29"));
        assert_eq!(standalone_date("April 29, 2013").map(iso).as_deref(), Some("2013-04-29"));
        assert_eq!(
            standalone_date("Published 29 April 2013").map(iso).as_deref(),
            Some("2013-04-29")
        );
        assert!(standalone_date("In April 2013 it rained").is_none());
    }
}
