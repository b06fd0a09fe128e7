//! Calendar arithmetic on proleptic Gregorian days: what normalization needs and no
//! more (adding days and months, weekdays, ISO weeks, formatting).

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// The year (astronomical: 0 is 1 BC).
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to the month's length.
    pub day: u32,
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of a month (0 for a month out of 1..=12).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Day {
    /// A valid day, or `None` (`31 février`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    /// Reads the day at the start of an ISO 8601 date or timestamp (`2025-04-10`,
    /// `2025-04-10T08:00:00Z`).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        let year = i32::try_from(num(0..4)?).ok()?;
        Day::new(year, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day {
            year: year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            month,
            day,
        }
    }

    /// `n` days later (earlier if negative).
    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.to_days().saturating_add(n))
    }

    /// `n` months later, the day clamped to the month's length (31 March + 1 month
    /// is 30 April).
    pub fn add_months(self, n: i32) -> Day {
        let (year, month) = add_months(self.year, self.month, n);
        Day {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// 1 for Monday to 7 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.to_days() + 3).rem_euclid(7) as u32 + 1
    }

    /// The ISO 8601 week: its year and number (1 to 53).
    pub fn iso_week(self) -> (i32, u32) {
        // The week's Thursday decides the year.
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = Day {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u32)
    }

    /// The Monday of the same ISO week.
    pub fn monday(self) -> Day {
        self.add_days(1 - i64::from(self.weekday()))
    }
}

/// `n` months after `year`-`month`.
pub fn add_months(year: i32, month: u32, n: i32) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(n);
    let year = index
        .div_euclid(12)
        .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    (year, index.rem_euclid(12) as u32 + 1)
}

impl Day {
    /// `YYYY-MM-DD`, the text of [`Display`](fmt::Display), written digit by digit:
    /// the formatting machinery costs several times more, and a day is written for
    /// most expressions. Years outside 0 to 9999 go through `Display`.
    pub fn iso(&self) -> String {
        let Ok(year @ 0..=9999) = u32::try_from(self.year) else {
            return self.to_string();
        };
        if self.month > 99 || self.day > 99 {
            return self.to_string();
        }
        let mut out = String::with_capacity(10);
        push_digits(&mut out, year, 4);
        out.push('-');
        push_digits(&mut out, self.month, 2);
        out.push('-');
        push_digits(&mut out, self.day, 2);
        out
    }
}

/// Appends `year` as `{year:04}` does, digit by digit for a year of 0 to 9999 (see
/// [`Day::iso`]); through the formatting machinery else.
pub fn push_year(out: &mut String, year: i32) {
    match u32::try_from(year) {
        Ok(year @ 0..=9999) => push_digits(out, year, 4),
        _ => {
            use fmt::Write;
            let _ = write!(out, "{year:04}");
        }
    }
}

/// Appends `n` as `{n:02}` does: digit by digit below 100, through the formatting
/// machinery else.
pub fn push_two(out: &mut String, n: u32) {
    if n < 100 {
        push_digits(out, n, 2);
    } else {
        use fmt::Write;
        let _ = write!(out, "{n:02}");
    }
}

/// Appends `n` in decimal as `{n}` does, digit by digit.
pub fn push_uint(out: &mut String, n: u64) {
    for &d in crate::record::json::decimal(n, &mut [0; 20]) {
        out.push(char::from(d));
    }
}

/// Appends the last `width` decimal digits of `n`, zero-padded.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The digit writers write what the formatting machinery writes.
        #[test]
        fn digits_are_the_formatted_ones(year in -20_000i32..20_000, n in 0u32..300, big: u64) {
            let mut out = String::new();
            push_year(&mut out, year);
            proptest::prop_assert_eq!(&out, &format!("{year:04}"));
            out.clear();
            push_two(&mut out, n);
            proptest::prop_assert_eq!(&out, &format!("{n:02}"));
            for v in [big, u64::from(n), 0, u64::MAX] {
                out.clear();
                push_uint(&mut out, v);
                proptest::prop_assert_eq!(&out, &v.to_string());
            }
        }

        #[test]
        fn iso_is_the_display(year in -20_000i32..20_000, month in 0u32..200, day in 0u32..200) {
            let d = Day { year, month, day };
            proptest::prop_assert_eq!(d.iso(), d.to_string());
        }
    }

    fn day(s: &str) -> Day {
        Day::parse_iso(s).unwrap()
    }

    #[test]
    fn days_round_trip() {
        for n in [-800_000, -1, 0, 1, 19_000, 20_188, 2_000_000] {
            assert_eq!(Day::from_days(n).to_days(), n);
        }
        assert_eq!(day("1970-01-01").to_days(), 0);
        assert_eq!(day("2025-04-10").to_days(), 20_188);
    }

    #[test]
    fn validation() {
        assert!(Day::new(2024, 2, 29).is_some());
        assert!(Day::new(2025, 2, 29).is_none());
        assert!(Day::new(1900, 2, 29).is_none());
        assert!(Day::new(2000, 2, 29).is_some());
        assert!(Day::new(2025, 13, 1).is_none());
        assert!(Day::new(2025, 4, 0).is_none());
        assert_eq!(
            Day::parse_iso("2025-04-10T08:30:00Z"),
            Day::new(2025, 4, 10)
        );
        assert_eq!(Day::parse_iso("2025-4-10"), None);
        assert_eq!(Day::parse_iso("hier"), None);
    }

    #[test]
    fn weekdays() {
        assert_eq!(day("2025-04-10").weekday(), 4); // Thursday
        assert_eq!(day("2025-03-03").weekday(), 1); // Monday
        assert_eq!(day("2024-11-17").weekday(), 7); // Sunday
        assert_eq!(day("1970-01-01").weekday(), 4);
    }

    #[test]
    fn adding() {
        assert_eq!(day("2025-03-01").add_days(-1), day("2025-02-28"));
        assert_eq!(day("2024-12-31").add_days(1), day("2025-01-01"));
        assert_eq!(day("2025-03-31").add_months(1), day("2025-04-30"));
        assert_eq!(day("2024-01-31").add_months(1), day("2024-02-29"));
        assert_eq!(day("2025-01-15").add_months(-2), day("2024-11-15"));
        assert_eq!(add_months(2025, 12, 1), (2026, 1));
        assert_eq!(add_months(2025, 1, -13), (2023, 12));
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(day("2025-04-10").iso_week(), (2025, 15));
        assert_eq!(day("2024-12-30").iso_week(), (2025, 1));
        assert_eq!(day("2021-01-03").iso_week(), (2020, 53));
        assert_eq!(day("2025-04-10").monday(), day("2025-04-07"));
    }
}
