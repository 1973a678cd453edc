//! Dates: finds date expressions (`4 december 2024`, `in June 2025`, `2025-09-15`,
//! `den 15 september`, `i går`, `dagen därpå`, `last week`) and resolves them
//! against the document's dateline, its date, and the dates around them.

use crate::lexicon::{PhraseMatch, Relative, Tag};
use regex::Regex;
use std::fmt;
use std::sync::OnceLock;

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub y: i32,
    /// Month 1-12, if known.
    pub m: Option<u8>,
    /// Day 1-31, if known (only with a month).
    pub d: Option<u8>,
}

impl Date {
    /// A full date.
    pub fn ymd(y: i32, m: u8, d: u8) -> Self {
        Date {
            y,
            m: Some(m),
            d: Some(d),
        }
    }

    /// Parses `yyyy`, `yyyy-mm` or `yyyy-mm-dd`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next().map(|x| x.parse().ok()).unwrap_or(Some(0))?;
        let d = it.next().map(|x| x.parse().ok()).unwrap_or(Some(0))?;
        let valid = (m == 0 || (1..=12).contains(&m))
            && (d == 0 || (m != 0 && (1..=days_in_month(y, m)).contains(&d)));
        valid.then_some(Date {
            y,
            m: (m != 0).then_some(m),
            d: (d != 0).then_some(d),
        })
    }

    /// Adds `n` days (full dates only).
    pub fn add_days(self, n: i64) -> Option<Self> {
        let (m, d) = (self.m?, self.d?);
        let (y, m, d) = civil_from_days(days_from_civil(self.y, m, d) + n);
        Some(Date::ymd(y, m, d))
    }

    /// Strictly later than `other` at the precision both have: 2030 is after
    /// 2025-03-25, 2019-01-15 after 2019-01-11, but 2025-06 is not after
    /// 2025-06-02.
    pub fn after(self, other: Date) -> bool {
        let key =
            |x: Date, month: bool, day: bool| (x.y, x.m.filter(|_| month), x.d.filter(|_| day));
        let month = self.m.is_some() && other.m.is_some();
        let day = month && self.d.is_some() && other.d.is_some();
        key(self, month, day) > key(other, month, day)
    }

    /// Is one a coarser form of the other (2025 and 2025-09)?
    pub fn compatible(self, other: Date) -> bool {
        self.y == other.y
            && (self.m.is_none() || other.m.is_none() || self.m == other.m)
            && (self.d.is_none() || other.d.is_none() || self.d == other.d)
    }

    /// 0 (year), 1 (month) or 2 (day).
    pub fn precision(self) -> u8 {
        self.m.is_some() as u8 + self.d.is_some() as u8
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.y)?;
        if let Some(m) = self.m {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.d {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// "in", "since", "by", … right before a month name ("in May").
fn month_preposition_before(before: &str) -> bool {
    let word = before.trim_end_matches([' ', '-']);
    if word.len() == before.len() {
        return false;
    }
    let word = word
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    [
        "in", "since", "by", "until", "from", "during", "before", "after", "last", "early", "late",
        "mid",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil-date algorithms.
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    /// A date with its year.
    Absolute(Date),
    /// Month (and day) without a year: takes the year from context.
    NoYear {
        /// Month.
        m: u8,
        /// Day.
        d: Option<u8>,
    },
    /// Relative to the dateline or an anchor.
    Relative(Relative),
    /// A month (and day) in a year relative to the dateline ("in August
    /// last year", "i augusti i fjol").
    MonthIn {
        /// Month.
        m: u8,
        /// Day.
        d: Option<u8>,
        /// The year's expression (`LastYear`, `ThisYear`, `NextYear`).
        year: Relative,
    },
}

/// A date expression in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte span.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// What it says.
    pub value: DateValue,
}

/// The maximal runs of exactly four ASCII digits in `b` that stand on ASCII
/// word boundaries (no ASCII letter, digit or `_` on either side), as (start,
/// end): the years and the starts of ISO dates. Digits are rare in running
/// text, so they are found eight bytes at a time.
fn digit_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = crate::text::next_digit(&b[i..]) {
        let s = i + k;
        let e = s + b[s..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .unwrap_or(b.len() - s);
        if e - s == 4
            && (s == 0 || !word_byte(b[s - 1]))
            && !b.get(e).is_some_and(|&c| word_byte(c))
        {
            out.push((s, e));
        }
        i = e;
    }
    out
}

/// An ASCII word byte, as `(?-u:\b)` sees it.
fn word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// ISO dates (`2025-06-04`) after the four-digit runs of `b`: `-`, two
/// digits, `-`, two digits on a word boundary; as (start, end).
fn iso_dates(b: &[u8], runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let two = |at: usize| {
        b.get(at..at + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    runs.iter()
        .filter(|&&(_, e)| {
            b.get(e) == Some(&b'-')
                && two(e + 1)
                && b.get(e + 3) == Some(&b'-')
                && two(e + 4)
                && !b.get(e + 6).is_some_and(|&c| word_byte(c))
        })
        .map(|&(s, e)| (s, e + 6))
        .collect()
}

/// Day-first dotted dates (`19.07.2023`, `3.6.2024`) ending in the
/// four-digit runs of `b`: a day and a month of one or two digits, each
/// followed by a dot, with no word byte or dot before the day; as (start,
/// end, date).
fn dotted_dates(b: &[u8], runs: &[(usize, usize)]) -> Vec<(usize, usize, Date)> {
    // the number of one or two digits ending at `end`, with its start
    let number = |end: usize| {
        let n = (1..=2)
            .take_while(|&k| end >= k && b[end - k].is_ascii_digit())
            .count();
        let v = b[end - n..end]
            .iter()
            .fold(0u8, |acc, d| acc * 10 + (d - b'0'));
        (n > 0).then_some((end - n, v))
    };
    runs.iter()
        .filter(|&&(_, e)| {
            !(b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_digit))
        })
        .filter_map(|&(s, e)| {
            (s >= 4 && b[s - 1] == b'.').then_some(())?;
            let (ms, m) = number(s - 1)?;
            (ms >= 2 && b[ms - 1] == b'.').then_some(())?;
            let (ds, d) = number(ms - 1)?;
            if ds > 0 && (word_byte(b[ds - 1]) || b[ds - 1] == b'.') {
                return None;
            }
            let y = std::str::from_utf8(&b[s..e]).ok()?.parse().ok()?;
            ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some((
                ds,
                e,
                Date {
                    y,
                    m: Some(m),
                    d: Some(d),
                },
            ))
        })
        .collect()
}

/// Years the rules read as dates (1950 to 2049) among the four-digit runs of `b`.
fn years(b: &[u8], runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    runs.iter()
        .copied()
        .filter(|&(s, _)| {
            matches!(&b[s..s + 3], b"195" | b"196" | b"197" | b"198" | b"199")
                || matches!(&b[s..s + 3], b"200" | b"201" | b"202" | b"203" | b"204")
        })
        .collect()
}
fn re_day_before() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:\b(?:den|the)\s+)?\b(\d{1,2})(?:\.|st|nd|rd|th)?(?:\s+of)?\s+$").unwrap()
    })
}
fn re_after_month() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b,?)?(?:\.?,?\s+(\d{4})\b)?").unwrap()
    })
}

/// Date expressions in `text[start..end]`, using the lexicon's month and relative
/// phrases found there.
pub fn find(text: &str, start: usize, end: usize, phrases: &[PhraseMatch]) -> Vec<DateExpr> {
    let mut out: Vec<DateExpr> = Vec::new();
    let slice = &text[start..end];
    // the digit scans stop at ASCII word boundaries; a letter or digit of
    // another script next to the number is checked here
    let bounded = |s: usize, e: usize| {
        !text[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[e..].chars().next().is_some_and(char::is_alphanumeric)
    };
    let runs = digit_runs(slice.as_bytes());
    let iso = iso_dates(slice.as_bytes(), &runs)
        .into_iter()
        .filter_map(|(s, e)| Some((s, e, Date::parse(&slice[s..e])?)));
    for (s, e, d) in iso.chain(dotted_dates(slice.as_bytes(), &runs)) {
        if bounded(start + s, start + e) {
            out.push(DateExpr {
                start: start + s,
                end: start + e,
                value: DateValue::Absolute(d),
            });
        }
    }
    for p in phrases.iter().filter(|p| p.start >= start && p.end <= end) {
        for t in p.tags.iter() {
            match t {
                Tag::Month(mo) => {
                    let before = &text[start..p.start];
                    let mut s = p.start;
                    let mut day = None;
                    if let Some(c) = re_day_before().captures(before) {
                        day = c[1].parse::<u8>().ok().filter(|d| (1..=31).contains(d));
                        if day.is_some() {
                            s = start + c.get(0).unwrap().start();
                        }
                    }
                    let after = &text[p.end..end];
                    let mut e = p.end;
                    let mut year = None;
                    if let Some(c) = re_after_month().captures(after) {
                        if let Some(d2) = c.get(1) {
                            if day.is_none() {
                                day = d2.as_str().parse().ok().filter(|d| (1..=31).contains(d));
                            }
                        }
                        if let Some(y) = c.get(2) {
                            year = y
                                .as_str()
                                .parse::<i32>()
                                .ok()
                                .filter(|y| (1900..2100).contains(y));
                        }
                        if c.get(1).is_some() || year.is_some() {
                            e = p.end + c.get(0).unwrap().end();
                        }
                    }
                    let value = match year {
                        Some(y) => DateValue::Absolute(Date {
                            y,
                            m: Some(*mo),
                            d: day.filter(|d| *d <= days_in_month(y, *mo)),
                        }),
                        None => DateValue::NoYear { m: *mo, d: day },
                    };
                    // "May" alone is too ambiguous in English, except
                    // capitalised after a preposition of time ("in May")
                    if matches!(value, DateValue::NoYear { d: None, .. })
                        && text[p.start..p.end].eq_ignore_ascii_case("may")
                        && !(&text[p.start..p.end] == "May" && month_preposition_before(before))
                    {
                        continue;
                    }
                    out.push(DateExpr {
                        start: s,
                        end: e,
                        value,
                    });
                }
                Tag::Relative(r) => out.push(DateExpr {
                    start: p.start,
                    end: p.end,
                    value: DateValue::Relative(*r),
                }),
                _ => {}
            }
        }
    }
    let mut spans: Vec<(usize, usize)> = out.iter().map(|d| (d.start, d.end)).collect();
    spans.sort_unstable();
    let spans = crate::spans::SpanIndex::new(spans);
    for (s, e) in years(slice.as_bytes(), &runs) {
        let (s, e) = (start + s, start + e);
        if !bounded(s, e) || spans.first_holding(s, e).is_some() {
            continue;
        }
        let prev = text[..s].chars().next_back();
        let next = text[e..].chars().next();
        // not a quantity ("2000 ton", "€2025"), not part of a range or identifier
        if prev.is_some_and(|c| matches!(c, '€' | '$' | '£' | '¥' | '-' | '/' | '.' | '[' | '–'))
            || next.is_some_and(|c| matches!(c, '-' | '/' | '%' | '–'))
            || text[e..]
                .chars()
                .take(6)
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let y = text[s..e].parse().expect("four digits");
        out.push(DateExpr {
            start: s,
            end: e,
            value: DateValue::Absolute(Date {
                y,
                m: None,
                d: None,
            }),
        });
    }
    out.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    out.dedup_by(|b, a| b.start < a.end);
    // "in August last year", "i augusti i fjol": a month and the year
    // relative to the dateline right after it are one date (and a month in
    // the year named before is the year-less month: "i december samma år")
    let mut joined: Vec<DateExpr> = Vec::with_capacity(out.len());
    for d in out {
        if let (
            Some(prev),
            DateValue::Relative(
                r @ (Relative::LastYear
                | Relative::ThisYear
                | Relative::NextYear
                | Relative::SameYear),
            ),
        ) = (joined.last_mut(), d.value)
        {
            if let DateValue::NoYear { m, d: day } = prev.value {
                if text[prev.end..d.start].trim().is_empty() {
                    let value = DateValue::MonthIn { m, d: day, year: r };
                    *prev = DateExpr {
                        start: prev.start,
                        end: d.end,
                        value,
                    };
                    continue;
                }
            }
        }
        joined.push(d);
    }
    joined
}

/// What a relative or year-less date is resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The dateline or document date.
    pub dateline: Option<Date>,
    /// The last absolute date mentioned before the expression.
    pub last: Option<Date>,
    /// The last absolute date with a month mentioned before the expression
    /// ("in June 2022", "8 November 2022"): what a year-less date
    /// ("in March", "den 15 september") takes its year from when there is
    /// no dateline (with one, it takes the dateline's year).
    pub last_month: Option<Date>,
    /// The date of the agreement talked about just before (for "the same day").
    pub anchor: Option<Date>,
}

/// Resolves an expression, or `None` when the text does not make the date certain.
pub fn resolve(v: DateValue, cx: &Context) -> Option<Date> {
    match v {
        DateValue::Absolute(d) => Some(d),
        // (news names a month without its year in the dateline's year, or
        // the year before for an event that has happened: `Extractor`
        // moves it back; "In April it agreed to …" in an October piece is
        // that April, even after a paragraph on 2022)
        DateValue::NoYear { m, d } => Some(Date {
            y: cx.dateline.or(cx.last_month).or(cx.last)?.y,
            m: Some(m),
            d,
        }),
        // ("i februari samma år" after "löpt till 2030 … 2022": the year of
        // the last date with a month, as for a month without a year)
        DateValue::MonthIn {
            m,
            d,
            year: Relative::SameYear,
        } => Some(Date {
            y: cx.last_month.or(cx.last).or(cx.anchor)?.y,
            m: Some(m),
            d,
        }),
        DateValue::MonthIn { m, d, year } => Some(Date {
            y: resolve(DateValue::Relative(year), cx)?.y,
            m: Some(m),
            d,
        }),
        DateValue::Relative(r) => match r {
            Relative::Yesterday => cx.dateline?.add_days(-1),
            Relative::Today => cx.dateline.filter(|d| d.d.is_some()),
            Relative::DayAfter => cx.anchor.or(cx.last)?.add_days(1),
            Relative::YearAfter => Some(Date {
                y: cx.last.or(cx.anchor)?.y + 1,
                m: None,
                d: None,
            }),
            Relative::SameDay => cx.anchor.or(cx.dateline),
            // (the last date named, before the agreement talked about)
            Relative::SameMonth => {
                let a = cx.last_month.or(cx.anchor)?;
                Some(Date {
                    y: a.y,
                    m: Some(a.m?),
                    d: None,
                })
            }
            Relative::SameYear => Some(Date {
                y: cx.last.or(cx.anchor)?.y,
                m: None,
                d: None,
            }),
            Relative::LastWeek => {
                let d = cx.dateline?;
                let days = days_from_civil(d.y, d.m?, d.d?);
                let weekday = (days + 3).rem_euclid(7); // 0 = Monday
                let monday = days - weekday - 7;
                let (y1, m1, _) = civil_from_days(monday);
                let (y2, m2, _) = civil_from_days(monday + 6);
                ((y1, m1) == (y2, m2)).then_some(Date {
                    y: y1,
                    m: Some(m1),
                    d: None,
                })
            }
            Relative::NextYear => Some(Date {
                y: cx.dateline?.y + 1,
                m: None,
                d: None,
            }),
            Relative::LastYear => Some(Date {
                y: cx.dateline?.y - 1,
                m: None,
                d: None,
            }),
            Relative::ThisYear => Some(Date {
                y: cx.dateline?.y,
                m: None,
                d: None,
            }),
            Relative::ThisMonth => {
                let d = cx.dateline?;
                Some(Date {
                    y: d.y,
                    m: Some(d.m?),
                    d: None,
                })
            }
            Relative::LastMonth => {
                let d = cx.dateline?;
                let (y, m) = match d.m? {
                    1 => (d.y - 1, 12),
                    m => (d.y, m - 1),
                };
                Some(Date {
                    y,
                    m: Some(m),
                    d: None,
                })
            }
            Relative::Weekday | Relative::Later => None,
            Relative::MonthsLater(n) => {
                let a = cx.anchor.or(cx.last)?;
                let months = i64::from(a.y) * 12 + i64::from(a.m?) - 1 + i64::from(n);
                Some(Date {
                    y: i32::try_from(months.div_euclid(12)).ok()?,
                    m: Some(u8::try_from(months.rem_euclid(12) + 1).ok()?),
                    d: None,
                })
            }
            Relative::WeekdayRecent(w) | Relative::WeekdayLast(w) => {
                let d = cx.dateline?;
                let days = days_from_civil(d.y, d.m?, d.d?);
                let weekday = (days + 3).rem_euclid(7); // 0 = Monday
                let mut back = (weekday - i64::from(w)).rem_euclid(7);
                if back == 0 && matches!(r, Relative::WeekdayLast(_)) {
                    back = 7;
                }
                d.add_days(-back)
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_compares_at_the_common_precision() {
        let d = |s| Date::parse(s).unwrap();
        assert!(d("2030").after(d("2025-03-25")));
        assert!(d("2019-01-15").after(d("2019-01-11")));
        assert!(d("2019-02").after(d("2019-01-31")));
        assert!(!d("2025-06").after(d("2025-06-02")));
        assert!(!d("2025").after(d("2025-12-31")));
        assert!(!d("2019-01-11").after(d("2019-01-11")));
        assert!(!d("2018-12-31").after(d("2019")));
    }

    #[test]
    fn day_first_dotted_dates() {
        let found = |t: &str| {
            find(t, 0, t.len(), &[])
                .iter()
                .map(|d| (t[d.start..d.end].to_string(), d.value))
                .collect::<Vec<_>>()
        };
        let day = |y, m, d| DateValue::Absolute(Date::ymd(y, m, d));
        assert_eq!(
            found("den 19.07.2023"),
            [("19.07.2023".into(), day(2023, 7, 19))]
        );
        assert_eq!(found("(3.6.2024)"), [("3.6.2024".into(), day(2024, 6, 3))]);
        // no month 13, no 30 February, no version number or address: the year alone
        for t in ["13.13.2024", "30.2.2024", "v1.2.2024.5", "10.1.2.2024"] {
            assert!(
                found(t).iter().all(|(s, _)| s.len() == 4),
                "{t}: {:?}",
                found(t)
            );
        }
    }

    const PIECES: &[&str] = &[
        "2025",
        "1950",
        "2049",
        "1949",
        "2050",
        "-",
        "01",
        "12",
        "3",
        "123",
        "_",
        "a",
        " ",
        "é",
        "19",
        "20",
        "x2025",
        "–",
        ".",
        "\n",
        "2025-06-04",
        "-06",
        "-06-04",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// The byte scans find what the regexes they replace would.
        #[test]
        fn scans_match_the_regexes(pieces in proptest::collection::vec(0usize..PIECES.len(), 0..30)) {
            let t: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let iso = Regex::new(r"(?-u:\b)[0-9]{4}-[0-9]{2}-[0-9]{2}(?-u:\b)").unwrap();
            let year = Regex::new(r"(?-u:\b)(?:19[5-9][0-9]|20[0-4][0-9])(?-u:\b)").unwrap();
            let runs = digit_runs(t.as_bytes());
            let want: Vec<_> = iso.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(iso_dates(t.as_bytes(), &runs), want, "{:?}", t);
            let want: Vec<_> = year.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(years(t.as_bytes(), &runs), want, "{:?}", t);
        }
    }

    #[test]
    fn parse_and_display() {
        assert_eq!(Date::parse("2024-12-04").unwrap().to_string(), "2024-12-04");
        assert_eq!(Date::parse("2025-09").unwrap().to_string(), "2025-09");
        assert!(Date::parse("2025-02-30").is_none());
        assert_eq!(
            Date::ymd(2024, 12, 31).add_days(1),
            Some(Date::ymd(2025, 1, 1))
        );
        assert_eq!(
            Date::ymd(2024, 3, 1).add_days(-1),
            Some(Date::ymd(2024, 2, 29))
        );
    }

    #[test]
    fn a_month_without_a_year_takes_the_datelines_year() {
        let march = DateValue::NoYear { m: 3, d: None };
        let year = |y| Date {
            y,
            m: None,
            d: None,
        };
        // "the 1979 accident ... In March": the dateline's year
        let cx = Context {
            dateline: Some(Date::ymd(2024, 9, 20)),
            last: Some(year(1979)),
            ..Default::default()
        };
        assert_eq!(resolve(march, &cx).unwrap().to_string(), "2024-03");
        // "in June 2022 ... In March" in a piece of September 2024: still
        // the March before the dateline
        let cx = Context {
            last_month: Some(Date::ymd(2022, 6, 1)),
            ..cx
        };
        assert_eq!(resolve(march, &cx).unwrap().to_string(), "2024-03");
        // "In October" in a piece of September 2024: the dateline's year
        // (the extractor moves an event that has happened a year back)
        let october = DateValue::NoYear { m: 10, d: Some(3) };
        assert_eq!(resolve(october, &cx).unwrap().to_string(), "2024-10-03");
        // "in August 2023 … in the same year in December": the year named
        let december = DateValue::MonthIn {
            m: 12,
            d: None,
            year: Relative::SameYear,
        };
        let cx = Context {
            last_month: Some(Date::ymd(2023, 8, 1)),
            last: Some(Date::ymd(2023, 8, 1)),
            ..cx
        };
        assert_eq!(resolve(december, &cx).unwrap().to_string(), "2023-12");
        // no dateline: the year of the last date with a month, else a bare year
        let cx = Context {
            last_month: Some(Date::ymd(2022, 6, 1)),
            last: Some(year(2019)),
            ..Default::default()
        };
        assert_eq!(resolve(march, &cx).unwrap().to_string(), "2022-03");
        let cx = Context {
            last: Some(year(2019)),
            ..Default::default()
        };
        assert_eq!(resolve(march, &cx).unwrap().to_string(), "2019-03");
    }

    #[test]
    fn last_year_is_the_year_before_the_dateline() {
        let cx = Context {
            dateline: Some(Date::ymd(2025, 1, 30)),
            ..Default::default()
        };
        let v = DateValue::Relative(Relative::LastYear);
        assert_eq!(resolve(v, &cx).unwrap().to_string(), "2024");
        assert_eq!(resolve(v, &Context::default()), None);
    }

    #[test]
    fn next_year_and_a_month_in_a_relative_year_count_from_the_dateline() {
        let cx = Context {
            dateline: Some(Date::ymd(2025, 1, 30)),
            last: Some(Date::ymd(2019, 5, 2)),
            ..Default::default()
        };
        let next = DateValue::Relative(Relative::NextYear);
        assert_eq!(resolve(next, &cx).unwrap().to_string(), "2026");
        let august_last_year = DateValue::MonthIn {
            m: 8,
            d: None,
            year: Relative::LastYear,
        };
        assert_eq!(
            resolve(august_last_year, &cx).unwrap().to_string(),
            "2024-08"
        );
        assert_eq!(resolve(august_last_year, &Context::default()), None);
    }

    #[test]
    fn months_later_count_from_the_anchor_across_a_new_year() {
        let cx = Context {
            anchor: Some(Date::ymd(2023, 11, 20)),
            ..Default::default()
        };
        let later = |n| resolve(DateValue::Relative(Relative::MonthsLater(n)), &cx);
        assert_eq!(later(2).unwrap().to_string(), "2024-01");
        assert_eq!(later(12).unwrap().to_string(), "2024-11");
        // (a year alone gives no month to count from)
        let year = Context {
            last: Some(Date {
                y: 2023,
                m: None,
                d: None,
            }),
            ..Default::default()
        };
        assert_eq!(
            resolve(DateValue::Relative(Relative::MonthsLater(6)), &year),
            None
        );
    }

    #[test]
    fn this_year_this_month_and_last_month_count_from_the_dateline() {
        let at = |y, m, d, r| {
            let cx = Context {
                dateline: Some(Date::ymd(y, m, d)),
                ..Default::default()
            };
            resolve(DateValue::Relative(r), &cx).map(|d| d.to_string())
        };
        assert_eq!(at(2025, 6, 12, Relative::ThisYear).as_deref(), Some("2025"));
        assert_eq!(
            at(2025, 6, 12, Relative::ThisMonth).as_deref(),
            Some("2025-06")
        );
        assert_eq!(
            at(2025, 6, 12, Relative::LastMonth).as_deref(),
            Some("2025-05")
        );
        // January's last month is the December before
        assert_eq!(
            at(2025, 1, 3, Relative::LastMonth).as_deref(),
            Some("2024-12")
        );
        // a time after the dateline is not resolved
        assert_eq!(at(2025, 6, 12, Relative::Later), None);
        let none = Context::default();
        assert_eq!(
            resolve(DateValue::Relative(Relative::ThisYear), &none),
            None
        );
    }

    #[test]
    fn weekdays_count_back_from_the_dateline() {
        // Tuesday 17 December 2024
        let cx = Context {
            dateline: Some(Date::ymd(2024, 12, 17)),
            ..Default::default()
        };
        let on = |w| {
            resolve(DateValue::Relative(Relative::WeekdayRecent(w)), &cx).map(|d| d.to_string())
        };
        let last =
            |w| resolve(DateValue::Relative(Relative::WeekdayLast(w)), &cx).map(|d| d.to_string());
        assert_eq!(on(1).as_deref(), Some("2024-12-17"));
        assert_eq!(on(0).as_deref(), Some("2024-12-16"));
        assert_eq!(on(2).as_deref(), Some("2024-12-11"));
        assert_eq!(last(1).as_deref(), Some("2024-12-10"));
        assert_eq!(last(6).as_deref(), Some("2024-12-15"));
        // a dateline without a day gives no weekday
        let cx = Context {
            dateline: Some(Date {
                y: 2024,
                m: Some(12),
                d: None,
            }),
            ..Default::default()
        };
        assert_eq!(
            resolve(DateValue::Relative(Relative::WeekdayRecent(1)), &cx),
            None
        );
    }

    #[test]
    fn relative_dates_need_an_anchor() {
        let cx = Context {
            dateline: Some(Date::ymd(2025, 10, 20)),
            ..Default::default()
        };
        // the week before Monday 20 October 2025 is 13-19 October
        assert_eq!(
            resolve(DateValue::Relative(Relative::LastWeek), &cx)
                .unwrap()
                .to_string(),
            "2025-10"
        );
        assert_eq!(
            resolve(DateValue::Relative(Relative::Yesterday), &cx)
                .unwrap()
                .to_string(),
            "2025-10-19"
        );
        assert_eq!(
            resolve(DateValue::Relative(Relative::LastWeek), &Context::default()),
            None
        );
        let cx = Context {
            last: Some(Date {
                y: 2010,
                m: None,
                d: None,
            }),
            ..Default::default()
        };
        assert_eq!(
            resolve(DateValue::Relative(Relative::YearAfter), &cx)
                .unwrap()
                .to_string(),
            "2011"
        );
    }
}
