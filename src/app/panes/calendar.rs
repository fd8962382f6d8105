//! Days as numbers, for drawing dates on an axis: the proleptic Gregorian calendar counted in
//! days from 1 January 1970 (Howard Hinnant's `days_from_civil`), so that a date's position is
//! one subtraction and a tick's date one division.

use crate::content::date::PartialDate;

/// The day number of a calendar date.
pub fn day_number(year: i32, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month.clamp(1, 12)), i64::from(day.max(1)));
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The calendar date of a day number.
pub fn civil(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32, month, day)
}

pub fn month_length(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether a day is a Monday (1 January 1970 was a Thursday).
pub fn is_monday(days: i64) -> bool {
    (days - 4).rem_euclid(7) == 0
}

/// The first day a partial date may mean: "Apr 2013" begins on 1 April.
pub fn first_day(date: PartialDate) -> i64 {
    day_number(date.year, date.month.unwrap_or(1), date.day.unwrap_or(1))
}

/// The last day a partial date may mean: "Apr 2013" ends on 30 April, "2013" on 31 December.
pub fn last_day(date: PartialDate) -> i64 {
    match (date.month, date.day) {
        (Some(m), Some(d)) => day_number(date.year, m, d),
        (Some(m), None) => day_number(date.year, m, month_length(date.year, m)),
        _ => day_number(date.year, 12, 31),
    }
}

pub use crate::content::date::MONTHS;

/// "15 Mar 2013".
pub fn day_label(days: i64) -> String {
    let (year, month, day) = civil(days);
    format!("{day} {} {year}", MONTHS[usize::from(month - 1)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2013, 4, 22), 15_817);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2, "2000 is a leap year");
        assert_eq!(day_number(1900, 3, 1) - day_number(1900, 2, 28), 1, "1900 is not");
        assert!(is_monday(day_number(2013, 4, 22)));
        assert!(!is_monday(day_number(2013, 4, 23)));
    }

    #[test]
    fn days_and_dates_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil(days);
            assert_eq!(day_number(y, m, d), days);
            assert!(d >= 1 && d <= month_length(y, m));
        }
    }

    #[test]
    fn a_partial_date_covers_the_days_it_may_mean() {
        let april = PartialDate { year: 2013, month: Some(4), day: None };
        assert_eq!(last_day(april) - first_day(april), 29);
        let year = PartialDate { year: 2012, month: None, day: None };
        assert_eq!(last_day(year) - first_day(year), 365);
    }
}
