//! The grammar: reads the tokens of one sentence and finds its temporal expressions,
//! with what they say (an [`Expr`]), before any resolution against a reference date.

use super::tokens::{Class, Kind, Tokens, Unit};
use crate::record::{TemporalModifier, TemporalType};

/// How many of a unit: a number, or an unspecified few (`plusieurs`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    N(f64),
    Few,
}

/// Which weekday of several: the one of this week, the last, the next, or as the
/// tense says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Bare,
    This,
    Last,
    Next,
}

/// What an expression says, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// A calendar day, month, or year; `year: None` when left to the context.
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    Month {
        year: Option<i32>,
        month: u32,
    },
    Year(i32),
    /// `199` for the 1990s.
    Decade(i32),
    /// `19` for the twentieth century; negative before the common era (`-4` for
    /// the fourth century BC).
    Century(i32),
    /// `offset`: `Some(0)` for `cet été`, `Some(-1)` for `l'été dernier`, `None` when
    /// the tense decides.
    Season {
        year: Option<i32>,
        season: &'static str,
        offset: Option<i32>,
    },
    /// A quarter (`Q`) or a half-year (`H`) of a year.
    Part {
        year: Option<i32>,
        letter: char,
        n: u32,
    },
    Weekday {
        weekday: u32,
        which: Which,
    },
    /// `hier` (-1), `aujourd'hui` (0), `demain` (1): from the reference day.
    DayOffset(i64),
    /// `la veille` (-1), `le lendemain` (1), `ce jour-là` (0): from the last day said.
    Anaphor(i64),
    /// `la semaine dernière`, `ce mois-ci`, `l'an prochain`.
    UnitOffset {
        unit: Unit,
        offset: i32,
    },
    /// `il y a trois jours` (-3), `dans deux semaines` (+2); `anaphoric` for `trois
    /// jours plus tard`.
    Shift {
        amount: f64,
        unit: Unit,
        sign: i32,
        anaphoric: bool,
    },
    Weekend {
        offset: i32,
    },
    /// A clock time on a day (the context's when `None`).
    Clock {
        day: Option<Box<Val>>,
        hour: u32,
        minute: u32,
    },
    /// A part of a day (`MO`, `AF`, `EV`, `NI`).
    DayPart {
        day: Option<Box<Val>>,
        part: &'static str,
    },
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// A value the words fix by themselves: a set (`XXXX-WXX-1`, `P1Y`), or a
    /// duration written like a clock (`PT2H30M`).
    Fixed(String),
}

/// Which way the clause points in time: its tense, or a preposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    None,
    Past,
    Future,
}

/// One temporal expression: token range, what it says, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Date, time, duration or set.
    pub kind: TemporalType,
    /// What it says (its start, for a range).
    pub val: Val,
    /// `start`, `mid`, `end`, `approx`.
    pub modifier: Option<TemporalModifier>,
    /// The end of a range.
    pub end_val: Option<Val>,
    /// The direction its own words give (`depuis`: the past), else none.
    pub dir: Dir,
    /// The direction when the clause's tense says none (`dès mercredi`).
    pub lean: Dir,
    /// Whether its year anchors year-less dates later in the sentence (not for the
    /// start of an ongoing state: `depuis décembre 2019`).
    pub anchors: bool,
}

const FULL_MONTHS: [&str; 15] = [
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
];

/// The grammar over the tokens of one sentence.
pub struct Grammar<'a> {
    t: &'a Tokens<'a>,
    /// The lowercase text of each token ([`Tokens::texts`]): the rules ask for it
    /// often.
    words: &'a [&'a str],
}

/// A parsed piece: the token after it, and its value.
type Parsed<T> = Option<(usize, T)>;

/// The starters (`starter` words of `words.txt`) a core expression may start with:
/// articles and modifiers (`le`, `début`, `mi`). [`CORE_STARTERS`] written as a
/// `match`, where [`Grammar::is_any`] compared the word with each of the list in
/// turn: every starter token before a strong one is asked (the test
/// `core_starters_are_the_listed_ones` compares the two).
fn starts_core(word: &str) -> bool {
    matches!(
        word,
        "le" | "la"
            | "l"
            | "les"
            | "au"
            | "du"
            | "à"
            | "début"
            | "fin"
            | "mi"
            | "milieu"
            | "courant"
            | "ces"
    )
}

/// The reference list of [`starts_core`].
#[cfg(test)]
const CORE_STARTERS: [&str; 13] = [
    "le", "la", "l", "les", "au", "du", "à", "début", "fin", "mi", "milieu", "courant", "ces",
];

impl<'a> Grammar<'a> {
    /// The grammar over the tokens of one sentence.
    pub fn new(t: &'a Tokens<'a>, words: &'a [&'a str]) -> Self {
        Grammar { t, words }
    }

    /// Every expression of the sentence, left to right.
    pub fn parse(&self, out: &mut Vec<Expr>) {
        let n = self.t.len();
        // Every expression holds a strong token (a number, a month, a unit...) at
        // most `REACH` tokens after its start: elsewhere no parse is tried.
        const REACH: usize = 6;
        // `i` only moves forward: the first strong token at or after it is found by
        // moving a cursor over the strong tokens.
        let strongs = &self.t.strong;
        let mut cursor = 0;
        let mut i = 0;
        while i < n {
            while strongs.get(cursor).is_some_and(|&k| k < i) {
                cursor += 1;
            }
            let Some(&strong) = strongs.get(cursor) else {
                break;
            };
            if strong > i + REACH {
                i = strong - REACH;
                continue;
            }
            if !self.t.toks[i].may_start() {
                i += 1;
                continue;
            }
            if let Some(skip) = self.not_a_date(i) {
                i = skip;
                continue;
            }
            match self.expression(i) {
                Some((next, expr)) => {
                    // `ce mardi et mercredi`: the second weekday is of the same week.
                    let this_weekday = matches!(
                        expr.val,
                        Val::Weekday {
                            which: Which::This,
                            ..
                        }
                    );
                    out.push(expr);
                    i = next.max(i + 1);
                    if this_weekday && self.is(i, "et") {
                        if let Some(Class::Weekday(weekday)) = self.class(i + 1) {
                            let mut expr = self.expr(
                                i + 1,
                                i + 2,
                                TemporalType::Date,
                                Val::Weekday {
                                    weekday,
                                    which: Which::This,
                                },
                            );
                            expr.dir = Dir::None;
                            out.push(expr);
                            i += 2;
                        }
                    }
                }
                None => i += 1,
            }
        }
    }

    // --- token helpers ---

    /// The lowercase text of token `i` (empty past the end).
    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == w
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        !w.is_empty() && words.contains(&w)
    }

    fn class(&self, i: usize) -> Option<Class> {
        match self.t.toks.get(i)?.kind {
            Kind::Word(class) => class,
            _ => None,
        }
    }

    fn alt(&self, i: usize) -> Option<Class> {
        self.t.toks.get(i)?.alt.copied()
    }

    fn has_class(&self, i: usize, f: impl Fn(Class) -> bool) -> bool {
        self.class(i).is_some_and(&f) || self.alt(i).is_some_and(&f)
    }

    fn number(&self, i: usize) -> Option<(u32, u8)> {
        match self.t.toks.get(i)?.kind {
            Kind::Number(v, d) => Some((v, d)),
            _ => None,
        }
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn apostrophe(&self, i: usize) -> bool {
        self.punct(i, '\'') || self.punct(i, '’')
    }

    /// Token `i` follows the previous one without a space.
    fn glued(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn capital(&self, i: usize) -> bool {
        self.t.toks.get(i).is_some_and(|t| t.capital)
    }

    /// `l'`, `d'`, `jusqu'`: a word then an apostrophe; the index after both.
    fn elided(&self, i: usize, w: &str) -> Option<usize> {
        (self.is(i, w) && self.apostrophe(i + 1)).then_some(i + 2)
    }

    /// `de`, `d'`, `du`, `des`: the index after it.
    fn of(&self, i: usize) -> Option<usize> {
        if matches!(self.word(i), "de" | "du" | "des") {
            Some(i + 1)
        } else {
            self.elided(i, "d")
        }
    }

    /// `le`, `la`, `l'`, `les`: the index after it.
    fn article(&self, i: usize) -> Option<usize> {
        if matches!(self.word(i), "le" | "la" | "les") {
            Some(i + 1)
        } else {
            self.elided(i, "l")
        }
    }

    fn expr(&self, from: usize, to: usize, kind: TemporalType, val: Val) -> Expr {
        let toks = &self.t.toks;
        Expr {
            start: toks[from].start(),
            end: toks[to.max(from + 1) - 1].end(),
            kind,
            val,
            modifier: None,
            end_val: None,
            dir: Dir::None,
            lean: Dir::None,
            anchors: true,
        }
    }

    // --- what is not a date ---

    /// Tokens to skip: `14-Juillet` (a name), `n° 14`, numbers of a `1 500` group.
    fn not_a_date(&self, i: usize) -> Option<usize> {
        let (_, digits) = self.number(i)?;
        // `la place du 14-Juillet`, `rue du 8-Mai-1945`: names; the holiday itself
        // (`le défilé du 14-Juillet`) is a date.
        if self.punct(i + 1, '-')
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.capital(i + 2)
            && matches!(self.class(i + 2), Some(Class::Month(_)))
            && self.after_street(i)
        {
            let mut end = i + 3;
            if self.punct(end, '-') && self.number(end + 1).is_some() {
                end += 2;
            }
            return Some(end);
        }
        // `1 500`, `2 000 000`: a group of thousands.
        if digits <= 3 {
            let mut end = i + 1;
            while self.number(end).is_some_and(|(_, d)| d == 3) && !self.glued(end) {
                end += 1;
            }
            if end > i + 1 {
                return Some(end);
            }
        }
        None
    }

    /// Whether the token at `i` follows a street or place noun (`place du`, `rue
    /// du`, `avenue du`): a name, not a date.
    fn after_street(&self, i: usize) -> bool {
        i >= 2
            && matches!(self.word(i - 1), "du" | "de")
            && super::CUES.streets.contains(self.word(i - 2))
    }

    // --- expressions ---

    /// The longest expression starting at token `i`.
    fn expression(&self, i: usize) -> Parsed<Expr> {
        let w = self.word(i);
        match w {
            "entre" | "du" | "de" => {
                if let Some(r) = self.range(i) {
                    return Some(r);
                }
            }
            "chaque" | "tous" | "toutes" | "par" => {
                if let Some(s) = self.set(i) {
                    return Some(s);
                }
            }
            "il" => {
                if self.is(i + 1, "y") && self.is(i + 2, "a") {
                    let k = self.hedges(i + 3);
                    if let Some((next, (Amount::N(n), unit))) = self.amount_unit(k) {
                        let mut e = self.expr(
                            i,
                            next,
                            TemporalType::Date,
                            Val::Shift {
                                amount: n,
                                unit,
                                sign: -1,
                                anaphoric: false,
                            },
                        );
                        e.dir = Dir::Past;
                        return Some((next, e));
                    }
                }
                return None;
            }
            "dans" => {
                if let Some((next, (Amount::N(n), unit))) = self.amount_unit(i + 1) {
                    if !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second)
                        || !self.is(next, "de")
                    {
                        let e = self.expr(
                            i,
                            next,
                            TemporalType::Date,
                            Val::Shift {
                                amount: n,
                                unit,
                                sign: 1,
                                anaphoric: false,
                            },
                        );
                        return Some((next, e));
                    }
                }
                // `dans la nuit de samedi à dimanche`, `dans la soirée`.
                if let Some(r) = self.night_of(i) {
                    return Some(r);
                }
                // `dans les années 1990`: the decade alone.
                return None;
            }
            "depuis" => {
                let k = self.hedges(i + 1);
                let k = if self.is(k, "le") && self.day_number(k + 1).is_some() {
                    k + 1
                } else {
                    k
                };
                let (next, mut e) = self.core(k)?;
                e.start = self.t.toks[i].start();
                e.dir = Dir::Past;
                e.anchors = false;
                return Some((next, e));
            }
            "pendant" | "durant" => {
                if let Some((next, mut e)) = self.duration(self.hedges(i + 1)) {
                    e.start = self.t.toks[i].start();
                    return Some((next, e));
                }
                // `pendant la nuit`.
                if let Some(after) = self.article(i + 1) {
                    if let Some(Class::Part(part)) = self.class(after) {
                        let e = self.expr(
                            i,
                            after + 1,
                            TemporalType::Time,
                            Val::DayPart { day: None, part },
                        );
                        return Some((after + 1, e));
                    }
                }
                return None;
            }
            "sur" => {
                // `sur un an`, `sur trois ans`: over a length of time.
                let (next, mut e) = self.duration(i + 1)?;
                if e.kind != TemporalType::Duration {
                    return None;
                }
                e.start = self.t.toks[i].start();
                return Some((next, e));
            }
            "plus" | "moins" | "près" => {
                // `plus d'un an`, `moins de trois semaines`.
                if let Some(after) = self.of(i + 1) {
                    if let Some((next, e)) = self.duration(after) {
                        let mut e = e;
                        e.start = self.t.toks[i].start();
                        return Some((next, e));
                    }
                }
                return None;
            }
            "vers" | "environ" => {
                let (next, mut e) = self.core(i + 1)?;
                e.modifier = Some(TemporalModifier::Approx);
                return Some((next, e));
            }
            "aux" if self.is(i + 1, "alentours") => {
                let after = self.of(i + 2)?;
                let (next, mut e) = self.core(after)?;
                e.modifier = Some(TemporalModifier::Approx);
                return Some((next, e));
            }
            "en" => {
                // `en février`, `en été`, `en fin d'année`: `en` belongs to the span;
                // `en 2023`: it does not.
                let (next, mut e) = self.core(i + 1)?;
                // `en février 2025`: the month and year alone, as for a bare year.
                let head = self.class(i + 1);
                let with_year = matches!(
                    e.val,
                    Val::Month { year: Some(_), .. } | Val::Season { year: Some(_), .. }
                );
                if (matches!(head, Some(Class::Month(_) | Class::Season(_))) && !with_year)
                    || matches!(self.word(i + 1), "début" | "fin" | "milieu")
                {
                    e.start = self.t.toks[i].start();
                }
                return Some((next, e));
            }
            "jusqu" | "dès" => {
                let after = if self.apostrophe(i + 1) { i + 2 } else { i + 1 };
                let after = if matches!(self.word(after), "à" | "au" | "en" | "le") {
                    after + 1
                } else {
                    after
                };
                let (next, mut e) = self.core(after)?;
                // `jusqu'à jeudi` looks ahead; `dès mercredi` too, unless the tense
                // says otherwise (`étaient épuisés dès fin mars`).
                if w == "jusqu" {
                    e.dir = Dir::Future;
                } else {
                    e.lean = Dir::Future;
                }
                return Some((next, e));
            }
            "d" if self.apostrophe(i + 1) && self.is(i + 2, "ici") => {
                let after = if matches!(self.word(i + 3), "à" | "au") {
                    i + 4
                } else {
                    i + 3
                };
                let (next, mut e) = self.core(after)?;
                e.dir = Dir::Future;
                return Some((next, e));
            }
            "à" if self.is(i + 1, "partir") => {
                let after = self.of(i + 2)?;
                let (next, mut e) = self.core(after)?;
                e.dir = Dir::Future;
                return Some((next, e));
            }
            _ => {}
        }
        self.core(i)
    }

    /// Past hedging words before an amount: `à peine`, `près de`, `plus de`,
    /// `environ`, `seulement`, `déjà`, `presque`.
    fn hedges(&self, mut k: usize) -> usize {
        loop {
            if self.is(k, "à") && self.is(k + 1, "peine") {
                k += 2;
            } else if matches!(self.word(k), "près" | "plus" | "moins") && self.of(k + 1).is_some()
            {
                k = self.of(k + 1).unwrap_or(k + 1);
            } else if matches!(
                self.word(k),
                "environ"
                    | "seulement"
                    | "déjà"
                    | "presque"
                    | "quelque"
                    | "bientôt"
                    | "maintenant"
                    | "exactement"
                    | "pile"
            ) {
                k += 1;
            } else {
                return k;
            }
        }
    }

    /// An expression without a leading preposition.
    fn core(&self, i: usize) -> Parsed<Expr> {
        if !self.may_start_core(i) {
            return None;
        }
        if let Some(r) = self.modified(i) {
            return Some(r);
        }
        if let Some(r) = self.clock(i) {
            return Some(r);
        }
        if let Some(r) = self.calendar(i) {
            return Some(r);
        }
        if let Some(r) = self.relative(i) {
            return Some(r);
        }
        if let Some(r) = self.duration(i) {
            return Some(r);
        }
        None
    }

    /// Whether a core expression may start at `i`: not at punctuation, an unknown
    /// word, or a word that only ends expressions (`ans`, `soir`, `dernier`,
    /// `dizaine`); `années` starts a decade, `aube` nothing.
    fn may_start_core(&self, i: usize) -> bool {
        let Some(tok) = self.t.toks.get(i) else {
            return false;
        };
        match tok.kind {
            Kind::Punct(_) => false,
            Kind::Number(..) | Kind::Ordinal(_) => true,
            Kind::Word(None) => tok.marks_time,
            Kind::Word(Some(class)) => match class {
                Class::Unit(_) => self.is(i, "années") || tok.alt.is_some(),
                Class::Part(_)
                | Class::Anaphor(_)
                | Class::Approx(_)
                | Class::Last
                | Class::Next => tok.alt.is_some(),
                // Prepositions start expressions through [`Self::expression`], which
                // reads them; only articles and modifiers start a core one.
                Class::Starter => starts_core(self.word(i)),
                _ => true,
            },
        }
    }

    // --- amounts ---

    /// A number written in words (`vingt-quatre`, `quatre-vingt-dix`, `deux mille`).
    fn number_words(&self, i: usize) -> Parsed<u32> {
        let value_at = |k: usize| -> Option<u32> {
            match (self.class(k), self.alt(k)) {
                (Some(Class::Number(n)), _) | (_, Some(Class::Number(n))) => Some(n),
                _ => None,
            }
        };
        let mut k = i;
        let (mut total, mut current) = (0u32, 0u32);
        let mut last: Option<u32> = None;
        while let Some(n) = value_at(k) {
            match n {
                100 => current = current.max(1).saturating_mul(100),
                1000 => {
                    total = total.saturating_add(current.max(1).saturating_mul(1000));
                    current = 0;
                }
                // `quatre-vingt`: 4 × 20.
                20 if last == Some(4) && current >= 4 => current = current - 4 + 80,
                _ => current = current.saturating_add(n),
            }
            last = Some(n);
            k += 1;
            // Joined by a hyphen, a space, or `et` before `un`/`onze`.
            let hyphen = self.punct(k, '-') && self.glued(k) && value_at(k + 1).is_some();
            let et = self.is(k, "et") && matches!(self.word(k + 1), "un" | "une" | "onze");
            if hyphen || et {
                k += 1;
            } else if value_at(k).is_none() {
                break;
            }
        }
        (k > i).then_some((k, total + current))
    }

    /// An amount: digits, number words, `une dizaine de`, `plusieurs`.
    fn amount(&self, i: usize) -> Parsed<(Amount, bool)> {
        if let Some((v, digits)) = self.number(i) {
            if digits > 6 {
                return None;
            }
            // `1,5` / `1.5`.
            if (self.punct(i + 1, ',') || self.punct(i + 1, '.'))
                && self.glued(i + 1)
                && self.glued(i + 2)
            {
                if let Some((frac, fd)) = self.number(i + 2) {
                    let value = f64::from(v) + f64::from(frac) / 10f64.powi(i32::from(fd));
                    return Some((i + 3, (Amount::N(value), false)));
                }
            }
            return Some((i + 1, (Amount::N(f64::from(v)), false)));
        }
        if matches!(self.class(i), Some(Class::Vague)) {
            return Some((i + 1, (Amount::Few, false)));
        }
        // `une dizaine de`, `des dizaines de`.
        let approx_at = |k: usize| match self.class(k) {
            Some(Class::Approx(n)) => Some(n),
            _ => None,
        };
        if matches!(self.word(i), "une" | "un") {
            if let Some(n) = approx_at(i + 1) {
                let after = self.of(i + 2)?;
                return Some((after, (Amount::N(f64::from(n)), true)));
            }
        }
        if self.is(i, "des") && approx_at(i + 1).is_some() {
            let after = self.of(i + 2)?;
            return Some((after, (Amount::Few, false)));
        }
        let (next, n) = self.number_words(i)?;
        Some((next, (Amount::N(f64::from(n)), false)))
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        match (self.class(i), self.alt(i)) {
            (Some(Class::Unit(u)), _) | (_, Some(Class::Unit(u))) => Some(u),
            _ => None,
        }
    }

    /// An amount and a unit, with `et demi(e)`; `un quart d'heure`, `une demi-heure`.
    fn amount_unit(&self, i: usize) -> Parsed<(Amount, Unit)> {
        self.amount_unit_mod(i).map(|(n, (a, u, _))| (n, (a, u)))
    }

    fn amount_unit_mod(&self, i: usize) -> Parsed<(Amount, Unit, bool)> {
        // `un quart d'heure`, `trois quarts d'heure`, `une demi-heure`.
        if matches!(self.word(i), "un" | "une") {
            if self.is(i + 1, "quart")
                && self.elided(i + 2, "d") == Some(i + 4)
                && self.is(i + 4, "heure")
            {
                return Some((i + 5, (Amount::N(15.0), Unit::Minute, false)));
            }
            if self.is(i + 1, "demi") && self.punct(i + 2, '-') {
                if let Some(unit) = self.unit(i + 3) {
                    let (n, unit) = match unit {
                        Unit::Hour => (30.0, Unit::Minute),
                        Unit::Day => (12.0, Unit::Hour),
                        other => (0.5, other),
                    };
                    return Some((i + 4, (Amount::N(n), unit, false)));
                }
            }
        }
        let (next, (amount, approx)) = self.amount(i)?;
        // `les trois derniers mois`, `les neuf premiers mois`.
        let next = if self.has_class(next, |c| {
            matches!(c, Class::Last | Class::Next | Class::Ordinal(1))
        }) && self.unit(next + 1).is_some()
            && !matches!(self.class(next), Some(Class::Ordinal(_)) if matches!(self.word(next), "second" | "seconde"))
        {
            next + 1
        } else {
            next
        };
        let unit = self.unit(next)?;
        if matches!(unit, Unit::Quarter | Unit::Half) {
            return None;
        }
        let mut end = next + 1;
        let mut amount = amount;
        // `un mois et demi`, `deux ans et demi`, `une heure et demie`.
        if self.is(end, "et") && matches!(self.word(end + 1), "demi" | "demie") {
            if let Amount::N(n) = amount {
                amount = Amount::N(n + 0.5);
            }
            end += 2;
        }
        Some((end, (amount, unit, approx)))
    }

    /// A length of time: `trois ans`, `48 heures`, `plusieurs semaines`.
    fn duration(&self, i: usize) -> Parsed<Expr> {
        // `deux fois par semaine`: a set.
        if let Some((next, _)) = self.amount(i) {
            if self.is(next, "fois") && self.is(next + 1, "par") {
                if let Some(unit) = self.unit(next + 2) {
                    let e = self.expr(
                        i,
                        next + 3,
                        TemporalType::Set,
                        Val::Fixed(period(1.0, unit)),
                    );
                    return Some((next + 3, e));
                }
            }
        }
        // `ces derniers mois`, `ces dernières années`.
        if self.is(i, "ces") && matches!(self.class(i + 1), Some(Class::Last)) {
            let unit = self.unit(i + 2)?;
            let e = self.expr(
                i,
                i + 3,
                TemporalType::Duration,
                Val::Duration {
                    amount: Amount::Few,
                    unit,
                },
            );
            return Some((i + 3, e));
        }
        // `les dix dernières minutes`: the article belongs to the span.
        let (from, start) = if self.is(i, "les") && !self.is(i + 1, "années") {
            (i + 1, i)
        } else {
            (i, i)
        };
        let (next, (amount, unit, approx)) = self.amount_unit_mod(from)?;
        if from != start
            && !self.has_class(next - 2, |c| {
                matches!(c, Class::Last | Class::Next | Class::Ordinal(1))
            })
        {
            // `les trois jours` without `derniers`: the duration alone.
            let mut e = self.expr(
                from,
                next,
                TemporalType::Duration,
                Val::Duration { amount, unit },
            );
            if approx {
                e.modifier = Some(TemporalModifier::Approx);
            }
            return Some((next, e));
        }
        // `une année noire`, `une journée de grève`: a noun phrase, not a length.
        if matches!(amount, Amount::N(n) if n == 1.0)
            && matches!(self.word(from), "un" | "une")
            && from == start
            && !matches!(
                self.word(start.wrapping_sub(1)),
                "pendant"
                    | "durant"
                    | "depuis"
                    | "en"
                    | "sur"
                    | "dans"
                    | "de"
                    | "d"
                    | "a"
                    | "plus"
                    | "moins"
                    | "près"
                    | "environ"
                    | "que"
                    | "qu"
            )
        {
            let follows = self.t.toks.get(next).map(|t| t.kind);
            let noun_phrase = match follows {
                Some(Kind::Word(_)) => {
                    !matches!(
                        self.word(next),
                        "ferme"
                            | "fermes"
                            | "et"
                            | "ou"
                            | "à"
                            | "au"
                            | "après"
                            | "avant"
                            | "plus"
                            | "de"
                            | "d"
                            | "pour"
                            | "par"
                            | "sans"
                            | "avec"
                            | "en"
                            | "entier"
                            | "entière"
                            | "complet"
                            | "complète"
                            | "supplémentaire"
                            | "encore"
                            | "déjà"
                    ) && !self.capital(next)
                }
                _ => false,
            };
            if noun_phrase
                || (unit == Unit::Day && self.is(from + 1, "journée") && self.is(next, "de"))
            {
                return None;
            }
        }
        // `un jour` (some day) and `une seconde fois` are not durations.
        if matches!(amount, Amount::N(n) if n == 1.0)
            && matches!(self.word(from), "un" | "une")
            && (self.is(next, "fois")
                || (unit == Unit::Day && !self.is(start.wrapping_sub(1), "pendant")))
        {
            return None;
        }
        // `trois jours par semaine`: a set.
        if self.is(next, "par") {
            if let Some(per) = self.unit(next + 1) {
                let e = self.expr(
                    start,
                    next + 2,
                    TemporalType::Set,
                    Val::Fixed(period(1.0, per)),
                );
                return Some((next + 2, e));
            }
        }
        let mut e = self.expr(
            start,
            next,
            TemporalType::Duration,
            Val::Duration { amount, unit },
        );
        if approx {
            e.modifier = Some(TemporalModifier::Approx);
        }
        // `trois jours plus tard`, `deux semaines plus tôt`: a date from the last one.
        if self.is(next, "plus") && matches!(self.word(next + 1), "tard" | "tôt") {
            if let Amount::N(n) = amount {
                let sign = if self.is(next + 1, "tard") { 1 } else { -1 };
                let mut e = self.expr(
                    start,
                    next + 2,
                    TemporalType::Date,
                    Val::Shift {
                        amount: n,
                        unit,
                        sign,
                        anaphoric: true,
                    },
                );
                e.modifier = if approx {
                    Some(TemporalModifier::Approx)
                } else {
                    None
                };
                return Some((next + 2, e));
            }
        }
        Some((next, e))
    }

    // --- clock times ---

    /// `14h30`, `14 h 30`, `9h`, `14:30`, `17 heures`, `midi`, `minuit`.
    fn clock(&self, i: usize) -> Parsed<Expr> {
        let (next, hour, minute) = if let Some(Class::Clock(hour)) = self.class(i) {
            // `le Midi` (the south of France).
            if self.capital(i) && !self.sentence_start(i) {
                return None;
            }
            (i + 1, hour, 0)
        } else if let Some((next, hour)) = self
            .number_words(i)
            .filter(|&(next, hour)| hour < 24 && matches!(self.word(next), "heure" | "heures"))
            .filter(|_| self.clock_context(i))
        {
            // `à vingt et une heures`.
            (next + 1, hour, 0)
        } else {
            self.clock_digits(i)?
        };
        // `en 2h30`, `pendant 1h15`: a length of time written like a clock.
        if i > 0
            && matches!(self.word(i - 1), "en" | "pendant" | "durant")
            && self.number(i).is_some()
        {
            let val = Val::Fixed(if minute == 0 {
                format!("PT{hour}H")
            } else {
                format!("PT{hour}H{minute}M")
            });
            let mut e = self.expr(i, next, TemporalType::Duration, val);
            if matches!(self.word(i - 1), "pendant" | "durant") {
                e.start = self.t.toks[i - 1].start();
            }
            return Some((next, e));
        }
        let (next, hour, minute) = self.clock_minutes(next, hour, minute);
        let (next, hour) = self.clock_suffix(next, hour);
        let val = Val::Clock {
            day: None,
            hour,
            minute,
        };
        let e = self.expr(i, next, TemporalType::Time, val);
        Some((next, e))
    }

    /// Minutes said after the hour: `et quart`, `et demie`, `moins le quart`, `moins
    /// dix`, and in words after `heures` (`quinze heures quinze`).
    fn clock_minutes(&self, next: usize, hour: u32, minute: u32) -> (usize, u32, u32) {
        if minute != 0 {
            return (next, hour, minute);
        }
        if self.is(next, "et") {
            match self.word(next + 1) {
                "quart" => return (next + 2, hour, 15),
                "demie" | "demi" => return (next + 2, hour, 30),
                _ => {}
            }
        }
        if self.is(next, "moins") && hour > 0 {
            if self.is(next + 1, "le") && self.is(next + 2, "quart") {
                return (next + 3, hour - 1, 45);
            }
            if let Some((end, m)) = self
                .number_words(next + 1)
                .filter(|&(_, m)| (1..30).contains(&m))
            {
                return (end, hour - 1, 60 - m);
            }
        }
        if matches!(self.word(next.wrapping_sub(1)), "heure" | "heures") {
            if let Some((end, m)) = self
                .number_words(next)
                .filter(|&(_, m)| (1..60).contains(&m))
            {
                // Not the start of a length: `17 heures trois jours`.
                if self.unit(end).is_none() {
                    return (end, hour, m);
                }
            }
        }
        (next, hour, minute)
    }

    /// What may follow a clock time: `du matin`, `du soir`, `de l'après-midi` (the
    /// hour moves to the afternoon), and a time zone, kept in the span but not in the
    /// value (`heure de Paris`, `(heure locale)`, `GMT`, `UTC`).
    fn clock_suffix(&self, mut next: usize, mut hour: u32) -> (usize, u32) {
        if self.is(next, "du") {
            if let Some(Class::Part(part)) = self.class(next + 1) {
                if matches!(part, "EV" | "AF") && hour < 12 {
                    hour += 12;
                }
                next += 2;
            }
        } else if let Some(after) = self.of(next).and_then(|k| self.article(k)) {
            if self.class(after) == Some(Class::Part("AF")) {
                hour += if hour < 12 { 12 } else { 0 };
                next = after + 1;
            }
        }
        let open = self.punct(next, '(');
        let k = if open { next + 1 } else { next };
        let zone_end = if matches!(self.word(k), "heure" | "heures") {
            if let Some(after) = self.of(k + 1).filter(|&a| self.capital(a)) {
                Some(after + 1) // `heure de Paris`
            } else if matches!(self.word(k + 1), "locale" | "française" | "légale") {
                Some(k + 2)
            } else {
                None
            }
        } else if matches!(self.word(k), "gmt" | "utc") {
            Some(k + 1)
        } else {
            None
        };
        match zone_end {
            Some(end) if open && self.punct(end, ')') => (end + 1, hour),
            Some(end) if !open => (end, hour),
            _ => (next, hour),
        }
    }

    /// A clock time in digits: the index after it, hour and minute.
    fn clock_digits(&self, i: usize) -> Option<(usize, u32, u32)> {
        let (hour, digits) = self.number(i)?;
        if digits > 2 || hour > 24 {
            return None;
        }
        let minute_at = |k: usize| {
            self.number(k)
                .filter(|&(m, d)| d == 2 && m < 60)
                .map(|(m, _)| m)
        };
        // `14h30`, `14 h 30`, `9h`, `9H`.
        if self.is(i + 1, "h")
            && (self.glued(i + 1) || self.t.toks[i + 1].end() - self.t.toks[i + 1].start() == 1)
        {
            if let Some(minute) = minute_at(i + 2) {
                return Some((i + 3, hour, minute));
            }
            return Some((i + 2, hour, 0));
        }
        // `14:30`.
        if self.punct(i + 1, ':') && self.glued(i + 1) && self.glued(i + 2) {
            let minute = minute_at(i + 2)?;
            return (hour < 24).then_some((i + 3, hour, minute));
        }
        // `17 heures`, `17 heures 30`: a time only where a clock is expected.
        if matches!(self.word(i + 1), "heure" | "heures") && hour < 24 && self.clock_context(i) {
            if let Some(minute) = minute_at(i + 2) {
                return Some((i + 3, hour, minute));
            }
            return Some((i + 2, hour, 0));
        }
        None
    }

    /// Whether `N heures` at `i` is a time of day: after `à`, `vers`, `dès`, a
    /// weekday or a date, `de … à …`.
    fn clock_context(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        if matches!(
            self.word(prev),
            "à" | "vers"
                | "dès"
                | "avant"
                | "après"
                | "entre"
                | "et"
                | "alentours"
                | "autour"
                | "depuis"
                | "de"
                | "ici"
                | "jusqu"
        ) {
            // `à partir de 16 heures`.
            if self.is(prev, "de")
                && prev > 0
                && matches!(self.word(prev - 1), "partir" | "alentours" | "autour")
            {
                return true;
            }
            // `de 48 heures`, `depuis 24 heures`: durations.
            if matches!(self.word(prev), "de" | "depuis") {
                return self.number(i).is_some_and(|(h, _)| h < 24)
                    && (self.is(prev, "depuis") || matches!(self.word(i + 2), "à" | "au"));
            }
            return true;
        }
        matches!(
            self.class(prev),
            Some(Class::Weekday(_) | Class::Month(_) | Class::Day(_) | Class::Anaphor(_))
        ) || self.number(prev).is_some_and(|(_, d)| d == 4)
    }

    fn sentence_start(&self, i: usize) -> bool {
        (0..i).all(|k| matches!(self.t.toks[k].kind, Kind::Punct(_)))
    }

    // --- calendar dates ---

    /// A year at `i` (four digits, 1000 to 2100, not a quantity).
    fn year(&self, i: usize) -> Option<i32> {
        self.year_checked(i, true)
    }

    /// A year right after a month or a day (`12 mai 2025 devant…`): what follows
    /// does not matter.
    fn year_after_date(&self, i: usize) -> Option<i32> {
        self.year_checked(i, false)
    }

    fn year_checked(&self, i: usize, check_follower: bool) -> Option<i32> {
        let (v, digits) = self.number(i)?;
        if digits != 4 || !(1000..=2100).contains(&v) {
            return None;
        }
        // Glued to other characters: `2025-04`, `49.3`, `n°2025`.
        if let Some(prev) = i.checked_sub(1) {
            if self.glued(i)
                && !matches!(self.t.toks[prev].kind, Kind::Punct('(' | '«' | '"' | '['))
            {
                return None;
            }
            if self.punct(prev, '°')
                || matches!(
                    self.word(prev),
                    "n" | "no"
                        | "numéro"
                        | "article"
                        | "page"
                        | "pages"
                        | "tél"
                        | "code"
                        | "rn"
                        | "ligne"
                        | "vol"
                        | "km"
                )
            {
                return None;
            }
            // `le vol AF 1954`, `la ligne T 2025`.
            if prev > 0
                && matches!(
                    self.word(prev - 1),
                    "vol" | "vols" | "ligne" | "route" | "bus" | "train" | "modèle"
                )
            {
                return None;
            }
            if self.number(prev).is_some() && !self.glued(i) {
                return None;
            }
        }
        match self.t.toks.get(i + 1).map(|t| t.kind) {
            Some(Kind::Punct('%' | '€' | '$' | '£')) => return None,
            Some(Kind::Punct('-' | '/' | '.' | ','))
                if self.glued(i + 1) && self.glued(i + 2) && self.number(i + 2).is_some() =>
            {
                return None
            }
            Some(Kind::Number(_, d)) if d == 3 && !self.glued(i + 1) => return None,
            Some(Kind::Word(_)) if check_follower && !self.capital(i + 1) => {
                let next = self.word(i + 1);
                if !super::CUES.year_followers.contains(next) {
                    return None;
                }
            }
            _ => {}
        }
        i32::try_from(v).ok()
    }

    /// A month name at `i` that reads as a month (not `Mars` the planet, not `sept`
    /// the number): its number.
    fn month(&self, i: usize, has_day: bool) -> Option<u32> {
        let Some(Class::Month(month)) = self.class(i) else {
            return None;
        };
        let word = self.word(i);
        let full = FULL_MONTHS.contains(&word);
        let dotted = self.punct(i + 1, '.') && self.glued(i + 1);
        let year_follows = self.year_after_date(i + 1 + usize::from(dotted)).is_some();
        if !full && !dotted && !year_follows && !has_day {
            return None; // `sept`, `oct`, `dec` alone
        }
        // A capital with no day or year: `Mars` the planet, `Mai Nguyen`.
        if self.capital(i) && !has_day && !year_follows {
            return None;
        }
        Some(month)
    }

    /// Index after a month name and its abbreviation dot.
    fn after_month(&self, i: usize) -> usize {
        if self.punct(i + 1, '.') && self.glued(i + 1) && !FULL_MONTHS.contains(&self.word(i)) {
            i + 2
        } else {
            i + 1
        }
    }

    /// Day number: `10`, `1er`, `premier`.
    fn day_number(&self, i: usize) -> Option<u32> {
        match self.t.toks.get(i)?.kind {
            Kind::Number(d, digits) if digits <= 2 && (1..=31).contains(&d) => Some(d),
            Kind::Ordinal(1) => Some(1),
            Kind::Word(Some(Class::Ordinal(1))) if matches!(self.word(i), "premier") => Some(1),
            _ => None,
        }
    }

    fn calendar(&self, i: usize) -> Parsed<Expr> {
        // Weekday, with or without a date.
        if let Some(Class::Weekday(weekday)) = self.class(i) {
            return self.weekday_expr(i, i, weekday, Which::Bare);
        }
        // `le 14-Juillet` (the holiday).
        if let Some(day) = self.day_number(i) {
            if self.punct(i + 1, '-') && self.glued(i + 1) && self.glued(i + 2) {
                if let Some(Class::Month(month)) = self.class(i + 2) {
                    let e = self.expr(
                        i,
                        i + 3,
                        TemporalType::Date,
                        Val::Day {
                            year: None,
                            month,
                            day,
                        },
                    );
                    return Some((i + 3, e));
                }
            }
        }
        // `10 avril 2025`, `1er mars`.
        if let Some(day) = self.day_number(i) {
            if let Some(month) = self.month(i + 1, true) {
                let mut next = self.after_month(i + 1);
                let year = self.year_after_date(next);
                if year.is_some() {
                    next += 1;
                }
                let e = self.expr(i, next, TemporalType::Date, Val::Day { year, month, day });
                return Some((next, e));
            }
        }
        if let Some(r) = self.numeric_date(i) {
            return Some(r);
        }
        // `avril 2025`, `avril`.
        if let Some(month) = self.month(i, false) {
            let mut next = self.after_month(i);
            let year = self.year_after_date(next);
            if year.is_some() {
                next += 1;
            }
            let e = self.expr(i, next, TemporalType::Date, Val::Month { year, month });
            return Some((next, e));
        }
        // A year alone.
        if let Some(year) = self.year(i) {
            let e = self.expr(i, i + 1, TemporalType::Date, Val::Year(year));
            return Some((i + 1, e));
        }
        // `XIXe siècle`, `le XXIe siècle`.
        let k = if self.is(i, "le") { i + 1 } else { i };
        if let Kind::Ordinal(n) = self.t.toks.get(k)?.kind {
            if self.unit(k + 1) == Some(Unit::Century) && (1..=30).contains(&n) {
                // `IVe siècle av. J.-C.`: before the common era.
                if let Some(end) = self.before_christ(k + 2) {
                    let val = Val::Century(-(n as i32 - 1) - 1);
                    let e = self.expr(i, end, TemporalType::Date, val);
                    return Some((end, e));
                }
                let e = self.expr(i, k + 2, TemporalType::Date, Val::Century(n as i32 - 1));
                return Some((k + 2, e));
            }
        }
        // `l'an 2000`, `l'an deux mille`, `l'année 2022`.
        if let Some(after) = self.elided(i, "l") {
            if matches!(self.word(after), "an" | "année") {
                if let Some(year) = self.year_after_date(after + 1) {
                    let e = self.expr(i, after + 2, TemporalType::Date, Val::Year(year));
                    return Some((after + 2, e));
                }
                if let Some((next, year)) = self.number_words(after + 1) {
                    if (1000..=2100).contains(&year) {
                        let e = self.expr(i, next, TemporalType::Date, Val::Year(year as i32));
                        return Some((next, e));
                    }
                }
            }
        }
        // `les années 1990`, `années 90`.
        let decade_at = if self.is(i, "les") && self.is(i + 1, "années") {
            Some(i + 2)
        } else if self.is(i, "années") {
            Some(i + 1)
        } else {
            None
        };
        if let Some(k) = decade_at {
            if let Some((v, digits)) = self.number(k) {
                let decade = match digits {
                    4 if v % 10 == 0 && (1000..=2100).contains(&v) => Some(v as i32 / 10),
                    2 if v % 10 == 0 => Some(if v < 30 && v != 20 {
                        200 + v as i32 / 10
                    } else {
                        190 + v as i32 / 10
                    }),
                    _ => None,
                };
                if let Some(decade) = decade {
                    let e = self.expr(i, k + 1, TemporalType::Date, Val::Decade(decade));
                    return Some((k + 1, e));
                }
            }
        }
        // Seasons: `l'été`, `cet été`, `été 2023`, `au printemps`, `l'hiver dernier`.
        if let Some(r) = self.season(i) {
            return Some(r);
        }
        // `le deuxième trimestre`, `premier semestre 2025`.
        if let Some(r) = self.quarter(i) {
            return Some(r);
        }
        // Holidays: `Noël`, `la Toussaint`.
        let holiday_at = self
            .article(i)
            .filter(|&k| matches!(self.class(k), Some(Class::Holiday(..))))
            .unwrap_or(i);
        if let Some(Class::Holiday(month, day)) = self.class(holiday_at) {
            if self.capital(holiday_at) {
                let mut next = holiday_at + 1;
                let year = self.year_after_date(next);
                if year.is_some() {
                    next += 1;
                }
                let e = self.expr(i, next, TemporalType::Date, Val::Day { year, month, day });
                return Some((next, e));
            }
        }
        None
    }

    /// `av. J.-C.`, `avant J.-C.`, `avant notre ère` at `i`: the index after it.
    fn before_christ(&self, i: usize) -> Option<usize> {
        if self.is(i, "avant") && self.is(i + 1, "notre") && self.is(i + 2, "ère") {
            return Some(i + 3);
        }
        let k = match self.word(i) {
            "av" if self.punct(i + 1, '.') => i + 2,
            "avant" => i + 1,
            _ => return None,
        };
        // `J.-C.`: J . - C .
        let jc = self.is(k, "j")
            && self.punct(k + 1, '.')
            && self.punct(k + 2, '-')
            && self.is(k + 3, "c");
        jc.then(|| if self.punct(k + 4, '.') { k + 5 } else { k + 4 })
    }

    /// `10/04/2025`, `10.04.2025`, `2025-04-10`; `le 15/2` (after `le` only: `3/4`
    /// alone is a fraction or a score).
    fn numeric_date(&self, i: usize) -> Parsed<Expr> {
        let (a, da) = self.number(i)?;
        if i > 0
            && self.is(i - 1, "le")
            && da <= 2
            && self.punct(i + 1, '/')
            && self.glued(i + 1)
            && self.glued(i + 2)
        {
            if let Some((b, db)) = self.number(i + 2) {
                let ends = !(self.punct(i + 3, '/') && self.glued(i + 3));
                if db <= 2 && ends && super::calendar::Day::new(2024, b, a).is_some() {
                    let val = Val::Day {
                        year: None,
                        month: b,
                        day: a,
                    };
                    let e = self.expr(i, i + 3, TemporalType::Date, val);
                    return Some((i + 3, e));
                }
            }
        }
        for sep in ['/', '.', '-'] {
            if !(self.punct(i + 1, sep) && self.glued(i + 1) && self.glued(i + 2)) {
                continue;
            }
            let Some((b, db)) = self.number(i + 2) else {
                continue;
            };
            if !(self.punct(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4)) {
                continue;
            }
            let Some((c, dc)) = self.number(i + 4) else {
                continue;
            };
            // Not glued to more digits: `1.2.3.4`.
            if self.punct(i + 5, sep) && self.glued(i + 5) && self.number(i + 6).is_some() {
                return None;
            }
            let (year, month, day) = if da == 4 && sep == '-' && db <= 2 && dc <= 2 {
                (a as i32, b, c)
            } else if da <= 2 && db <= 2 && sep != '-' {
                let year = match dc {
                    4 => c as i32,
                    2 => 2000 + c as i32,
                    _ => continue,
                };
                (year, b, a)
            } else {
                continue;
            };
            super::calendar::Day::new(year, month, day)?;
            let e = self.expr(
                i,
                i + 5,
                TemporalType::Date,
                Val::Day {
                    year: Some(year),
                    month,
                    day,
                },
            );
            return Some((i + 5, e));
        }
        None
    }

    /// A weekday at `k` (the expression starting at `from`): with a date after it
    /// (`jeudi 10 avril`), `dernier`/`prochain`, and a part of the day or a time.
    fn weekday_expr(&self, from: usize, k: usize, weekday: u32, which: Which) -> Parsed<Expr> {
        // `jeudi 10 avril 2025`, `mardi 12 novembre`.
        if let Some(day) = self.day_number(k + 1) {
            if let Some(month) = self.month(k + 2, true) {
                let mut next = self.after_month(k + 2);
                let year = self.year_after_date(next);
                if year.is_some() {
                    next += 1;
                }
                let e = self.expr(
                    from,
                    next,
                    TemporalType::Date,
                    Val::Day { year, month, day },
                );
                return Some((next, e));
            }
        }
        // `jeudi d'avril 2025`.
        if let Some(after) = self.elided(k + 1, "d") {
            if let Some(month) = self.month(after, false) {
                let mut next = after + 1;
                let year = self.year(next);
                if year.is_some() {
                    next += 1;
                }
                let e = self.expr(from, next, TemporalType::Date, Val::Month { year, month });
                return Some((next, e));
            }
        }
        let mut next = k + 1;
        let mut which = which;
        match self.class(next) {
            Some(Class::Last) if which == Which::Bare => {
                which = Which::Last;
                next += 1;
            }
            Some(Class::Next) if which == Which::Bare => {
                which = Which::Next;
                next += 1;
            }
            _ => {}
        }
        let day = Val::Weekday { weekday, which };
        self.with_time(from, next, day)
    }

    /// A day followed by a part of the day or a clock time: `jeudi soir`, `lundi à
    /// l'aube`, `vendredi 6 heures`, `hier après-midi`; else the day alone.
    fn with_time(&self, from: usize, next: usize, day: Val) -> Parsed<Expr> {
        // `jeudi soir`; `lundi à l'aube`; `mardi dans la soirée`: the part and the
        // token after the expression.
        let part = match self.class(next) {
            Some(Class::Part(part)) => Some((part, next + 1)),
            _ if self.is(next, "à") => {
                self.article(next + 1)
                    .and_then(|after| match self.class(after) {
                        Some(Class::Part(part)) => Some((part, after + 1)),
                        _ => None,
                    })
            }
            _ if self.is(next, "dans") && self.is(next + 1, "la") => match self.class(next + 2) {
                Some(Class::Part(part)) => Some((part, next + 3)),
                _ => None,
            },
            _ => None,
        };
        if let Some((part, end)) = part {
            let day = Some(Box::new(day));
            let e = self.expr(from, end, TemporalType::Time, Val::DayPart { day, part });
            return Some((end, e));
        }
        // `mardi midi`.
        if let Some(Class::Clock(hour)) = self.class(next) {
            let day = Some(Box::new(day));
            let val = Val::Clock {
                day,
                hour,
                minute: 0,
            };
            let e = self.expr(from, next + 1, TemporalType::Time, val);
            return Some((next + 1, e));
        }
        // `vendredi 6 heures`, `mercredi 14h30`: the time right after the day.
        if self.number(next).is_some() {
            if let Some((end, hour, minute)) = self.clock_digits(next) {
                let e = self.expr(
                    from,
                    end,
                    TemporalType::Time,
                    Val::Clock {
                        day: Some(Box::new(day)),
                        hour,
                        minute,
                    },
                );
                return Some((end, e));
            }
        }
        let e = self.expr(from, next, TemporalType::Date, day);
        Some((next, e))
    }

    fn season(&self, i: usize) -> Parsed<Expr> {
        // The determiner: `l'`, `cet`, `au`, `de l'`, or none before a year.
        let (k, this) = if let Some(after) = self.elided(i, "l") {
            (after, false)
        } else if matches!(self.word(i), "cet" | "ce") {
            (i + 1, true)
        } else if self.is(i, "au") || self.is(i, "le") {
            (i + 1, false)
        } else {
            (i, false)
        };
        let Some(Class::Season(season)) = self.class(k) else {
            return None;
        };
        // `au printemps` but not `au été`; `été` needs a determiner or a year.
        let mut next = k + 1;
        let year = self.year(next);
        if year.is_some() {
            next += 1;
        }
        if k == i && year.is_none() {
            // `en été` is read through `en`; a bare `été` is the participle.
            let after_en = i > 0 && self.is(i - 1, "en");
            if !after_en {
                return None;
            }
        }
        let mut offset = this.then_some(0);
        match self.class(next) {
            Some(Class::Last) if year.is_none() => {
                offset = Some(-1);
                next += 1;
            }
            Some(Class::Next) if year.is_none() => {
                offset = Some(1);
                next += 1;
            }
            _ => {}
        }
        let from = if self.is(i, "au") { i + 1 } else { i };
        let e = self.expr(
            from,
            next,
            TemporalType::Date,
            Val::Season {
                year,
                season,
                offset,
            },
        );
        Some((next, e))
    }

    fn quarter(&self, i: usize) -> Parsed<Expr> {
        let k = if matches!(self.word(i), "le" | "au" | "du") {
            i + 1
        } else {
            i
        };
        let n = match (self.t.toks.get(k)?.kind, self.class(k)) {
            (Kind::Ordinal(n), _) => n,
            (_, Some(Class::Ordinal(n))) => n,
            _ => return None,
        };
        let letter = match self.unit(k + 1)? {
            Unit::Quarter if (1..=4).contains(&n) => 'Q',
            Unit::Half if (1..=2).contains(&n) => 'H',
            _ => return None,
        };
        let mut next = k + 2;
        let mut year = self.year(next);
        if year.is_some() {
            next += 1;
        } else if let Some(after) = self.of(next) {
            year = self.year(after);
            if year.is_some() {
                next = after + 1;
            }
        }
        let from = if self.is(i, "le") { i } else { k };
        let e = self.expr(
            from,
            next,
            TemporalType::Date,
            Val::Part { year, letter, n },
        );
        Some((next, e))
    }

    // --- relative expressions ---

    fn relative(&self, i: usize) -> Parsed<Expr> {
        // `hier`, `demain`, `aujourd'hui`, `avant-hier`, with a part of the day.
        if let Some(Class::Day(offset)) = self.class(i) {
            return self.with_time(i, i + 1, Val::DayOffset(offset));
        }
        // `ce matin`, `ce soir`, `cette nuit`, `ce jeudi`, `cette semaine`, `cette année`,
        // `ce mois-ci`, `ce week-end`, `ce jour-là`, `cette date`.
        if matches!(self.class(i), Some(Class::This)) {
            let k = i + 1;
            match self.class(k) {
                Some(Class::Part(part)) => {
                    let e = self.expr(
                        i,
                        k + 1,
                        TemporalType::Time,
                        Val::DayPart {
                            day: Some(Box::new(Val::DayOffset(0))),
                            part,
                        },
                    );
                    return Some((k + 1, e));
                }
                Some(Class::Weekday(weekday)) => {
                    return self.weekday_expr(i, k, weekday, Which::This);
                }
                Some(Class::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year))) => {
                    let mut next = k + 1;
                    if self.punct(next, '-') && self.is(next + 1, "ci") {
                        next += 2;
                    }
                    let e = self.expr(
                        i,
                        next,
                        TemporalType::Date,
                        Val::UnitOffset { unit, offset: 0 },
                    );
                    return Some((next, e));
                }
                Some(Class::Unit(Unit::Day)) if self.punct(k + 1, '-') && self.is(k + 2, "là") => {
                    let e = self.expr(i, k + 3, TemporalType::Date, Val::Anaphor(0));
                    return Some((k + 3, e));
                }
                _ => {}
            }
            if self.is(k, "week-end") {
                let e = self.expr(i, k + 1, TemporalType::Date, Val::Weekend { offset: 0 });
                return Some((k + 1, e));
            }
            if self.is(k, "date") && self.is(i, "cette") {
                let e = self.expr(i, k + 1, TemporalType::Date, Val::Anaphor(0));
                return Some((k + 1, e));
            }
            return None;
        }
        // `du week-end dernier`, `au week-end prochain`: without the contraction.
        if matches!(self.word(i), "du" | "au") && self.is(i + 1, "week-end") {
            let k = i + 1;
            let (offset, next) = match self.class(k + 1) {
                Some(Class::Last) => (-1, k + 2),
                Some(Class::Next) => (1, k + 2),
                _ => (0, k + 1),
            };
            let e = self.expr(k, next, TemporalType::Date, Val::Weekend { offset });
            return Some((next, e));
        }
        // `la veille`, `le lendemain`, `l'avant-veille`, with a part of the day.
        if let Some(k) = self.article(i) {
            if let Some(Class::Anaphor(offset)) = self.class(k) {
                let next = k + 1;
                // `la veille au soir`; else as after any day (`le lendemain matin`).
                if let (true, Some(Class::Part(part))) = (self.is(next, "au"), self.class(next + 1))
                {
                    let day = Some(Box::new(Val::Anaphor(offset)));
                    let e = self.expr(i, next + 2, TemporalType::Time, Val::DayPart { day, part });
                    return Some((next + 2, e));
                }
                return self.with_time(i, next, Val::Anaphor(offset));
            }
            // `la nuit dernière`, `la nuit prochaine`.
            if let Some(Class::Part(part)) = self.class(k) {
                let offset = match self.class(k + 1) {
                    Some(Class::Last) => -1,
                    Some(Class::Next) => 1,
                    _ => return None,
                };
                let day = Some(Box::new(Val::DayOffset(offset)));
                let e = self.expr(i, k + 2, TemporalType::Time, Val::DayPart { day, part });
                return Some((k + 2, e));
            }
            // `la semaine dernière`, `le mois prochain`, `l'an dernier`, `l'année passée`.
            if let Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) = self.unit(k) {
                let offset = match self.class(k + 1) {
                    Some(Class::Last) => -1,
                    Some(Class::Next) => 1,
                    _ => return None,
                };
                let e = self.expr(
                    i,
                    k + 2,
                    TemporalType::Date,
                    Val::UnitOffset { unit, offset },
                );
                return Some((k + 2, e));
            }
            // `le week-end dernier`, `la fin de semaine`.
            if self.is(k, "week-end") {
                let (offset, next) = match self.class(k + 1) {
                    Some(Class::Last) => (-1, k + 2),
                    Some(Class::Next) => (1, k + 2),
                    _ => (0, k + 1),
                };
                let e = self.expr(i, next, TemporalType::Date, Val::Weekend { offset });
                return Some((next, e));
            }
            if self.is(k, "fin") && self.is(k + 1, "de") && self.is(k + 2, "semaine") {
                let e = self.expr(i, k + 3, TemporalType::Date, Val::Weekend { offset: 0 });
                return Some((k + 3, e));
            }
            // `le dimanche` (a habit): a set, unless a date or `dernier` follows.
            if let Some(Class::Weekday(weekday)) = self.class(k) {
                if matches!(self.word(i), "le" | "les") {
                    if let Some((next, e)) = self.weekday_expr(k, k, weekday, Which::Bare) {
                        if matches!(
                            e.val,
                            Val::Weekday {
                                which: Which::Bare,
                                ..
                            }
                        ) {
                            let e = self.expr(
                                i,
                                next,
                                TemporalType::Set,
                                Val::Fixed(format!("XXXX-WXX-{weekday}")),
                            );
                            return Some((next, e));
                        }
                        let mut e = e;
                        e.start = self.t.toks[k].start();
                        return Some((next, e));
                    }
                }
            }
        }
        None
    }

    /// `dans la nuit de samedi à dimanche`, `dans la soirée`, `dans la matinée`.
    fn night_of(&self, i: usize) -> Parsed<Expr> {
        if !self.is(i + 1, "la") {
            return None;
        }
        let Some(Class::Part(part)) = self.class(i + 2) else {
            return None;
        };
        let k = i + 3;
        if let Some(after) = self.of(k) {
            if let Some(Class::Weekday(weekday)) = self.class(after) {
                let mut next = after + 1;
                if matches!(self.word(next), "à" | "au") {
                    if let Some(Class::Weekday(_)) = self.class(next + 1) {
                        next += 2;
                    }
                }
                let e = self.expr(
                    i + 1,
                    next,
                    TemporalType::Time,
                    Val::DayPart {
                        day: Some(Box::new(Val::Weekday {
                            weekday,
                            which: Which::Bare,
                        })),
                        part,
                    },
                );
                return Some((next, e));
            }
        }
        let e = self.expr(
            i + 1,
            k,
            TemporalType::Time,
            Val::DayPart { day: None, part },
        );
        Some((k, e))
    }

    /// `mi-avril`, `début 2024`, `fin mars`, `courant mai`, `la fin de l'année`,
    /// `au début du mois`, `en fin d'année`, `le début de l'été`.
    fn modified(&self, i: usize) -> Parsed<Expr> {
        let (k, from) = match self.article(i) {
            // `la mi-mai`: the span is `mi-mai`.
            Some(k) if self.is(k, "mi") => (k, k),
            Some(k) if matches!(self.word(k), "début" | "fin" | "milieu") => (k, i),
            _ => {
                if self.is(i, "au") && matches!(self.word(i + 1), "début" | "milieu") {
                    (i + 1, i + 1)
                } else if self.is(i, "à") && self.is(i + 1, "la") && self.is(i + 2, "fin") {
                    (i + 2, i + 1)
                } else if self.is(i, "à") && self.is(i + 1, "la") && self.is(i + 2, "mi") {
                    (i + 2, i + 2)
                } else {
                    (i, i)
                }
            }
        };
        // `la fin de semaine` is the week-end.
        if self.is(k, "fin") && self.is(k + 1, "de") && self.is(k + 2, "semaine") {
            return None;
        }
        let modifier = match self.word(k) {
            "début" => TemporalModifier::Start,
            "fin" => TemporalModifier::End,
            "mi" | "milieu" => TemporalModifier::Mid,
            "courant" => TemporalModifier::Approx,
            _ => return None,
        };
        let mut target = k + 1;
        if self.is(k, "mi") {
            if !(self.punct(k + 1, '-') && self.glued(k + 1)) {
                return None;
            }
            target = k + 2;
            // `mi-2025`.
            if let Some((v, 4)) = self.number(target) {
                if (1000..=2100).contains(&v) {
                    let mut e = self.expr(k, target + 1, TemporalType::Date, Val::Year(v as i32));
                    e.modifier = Some(modifier);
                    return Some((target + 1, e));
                }
            }
        } else if let Some(after) = self.of(target) {
            target = after;
        }
        let after = self.article(target).unwrap_or(target);
        // `en fin de matinée`, `en début d'après-midi`: parts of the day.
        if let Some(Class::Part(part)) = self.class(after) {
            let val = Val::DayPart { day: None, part };
            let mut e = self.expr(from, after + 1, TemporalType::Time, val);
            e.modifier = Some(modifier);
            return Some((after + 1, e));
        }
        // `de l'année`, `du mois`, `de la semaine`; else a date: `de l'été`, `mars`.
        let (val, next) = match self.unit(after) {
            Some(unit @ (Unit::Year | Unit::Month | Unit::Week))
                if after != target
                    || matches!(self.word(after), "année" | "mois" | "semaine" | "an") =>
            {
                (Val::UnitOffset { unit, offset: 0 }, after + 1)
            }
            _ => {
                let (next, e) = self.calendar(target).or_else(|| self.relative(target))?;
                if !matches!(
                    e.val,
                    Val::Month { .. }
                        | Val::Year(_)
                        | Val::Season { .. }
                        | Val::Day { .. }
                        | Val::Decade(_)
                        | Val::Century(_)
                        | Val::UnitOffset { .. }
                        | Val::Weekday { .. }
                ) {
                    return None;
                }
                (e.val, next)
            }
        };
        let mut e = self.expr(from, next, TemporalType::Date, val);
        e.modifier = Some(modifier);
        Some((next, e))
    }

    // --- ranges and sets ---

    /// `entre 2010 et 2015`, `du 3 au 5 mars`, `de 9h à 11h`, `du lundi au vendredi`.
    fn range(&self, i: usize) -> Parsed<Expr> {
        let (joiners, skip_article): (&[&str], bool) = match self.word(i) {
            "entre" => (&["et"], true),
            "du" => (&["au"], false),
            _ => (&["à", "au"], false),
        };
        let mut k = i + 1;
        if skip_article && self.is(k, "le") {
            k += 1;
        }
        // A day number alone, completed by the end's month: `du 3 au 5 mars`,
        // `du mardi 18 au jeudi 20 mars`.
        let day_k = if matches!(self.class(k), Some(Class::Weekday(_))) {
            k + 1
        } else {
            k
        };
        if let Some(d) = self.day_number(day_k) {
            if self.is_any(day_k + 1, joiners) {
                let left = self.expr(
                    k,
                    day_k + 1,
                    TemporalType::Date,
                    Val::Day {
                        year: None,
                        month: 0,
                        day: d,
                    },
                );
                return self.range_end(i, day_k + 1, left, skip_article);
            }
        }
        let (left_end, left) = match self.core(k) {
            Some((end, e)) if !matches!(e.val, Val::Duration { .. }) => (end, Some(e)),
            _ => {
                let d = self.day_number(k)?;
                (
                    k + 1,
                    self.day_number(k).map(|_| {
                        self.expr(
                            k,
                            k + 1,
                            TemporalType::Date,
                            Val::Day {
                                year: None,
                                month: 0,
                                day: d,
                            },
                        )
                    }),
                )
            }
        };
        let left = left?;
        if !self.is_any(left_end, joiners) {
            return None;
        }
        self.range_end(i, left_end, left, skip_article)
    }

    /// The end of a range whose start `left` ends at the joiner `joiner`.
    fn range_end(&self, i: usize, joiner: usize, left: Expr, skip_article: bool) -> Parsed<Expr> {
        let mut r = joiner + 1;
        if skip_article && self.is(r, "le") {
            r += 1;
        }
        let (next, right) = self.core(r)?;
        let mut left_val = left.val.clone();
        // Complete the start from the end: month and year of `5 mars 2025`.
        match (&mut left_val, &right.val) {
            (
                Val::Day {
                    month: lm,
                    year: ly,
                    ..
                },
                Val::Day { month, year, .. },
            ) if *lm == 0 => {
                *lm = *month;
                *ly = *year;
            }
            (
                Val::Day {
                    year: ly @ None, ..
                },
                Val::Day { year: Some(y), .. },
            ) => *ly = Some(*y),
            (
                Val::Month {
                    year: ly @ None, ..
                },
                Val::Month { year: Some(y), .. },
            ) => *ly = Some(*y),
            _ => {}
        }
        if matches!(left_val, Val::Day { month: 0, .. }) {
            return None;
        }
        let same_kind = std::mem::discriminant(&left_val) == std::mem::discriminant(&right.val)
            || matches!(
                (&left_val, &right.val),
                (Val::Day { .. }, Val::Month { .. })
            );
        if !same_kind {
            return None;
        }
        let mut e = self.expr(i, next, left.kind, left_val);
        e.end_val = Some(right.val);
        Some((next, e))
    }

    /// `chaque lundi`, `chaque année`, `tous les ans`, `toutes les dix minutes`,
    /// `par jour`, `deux fois par semaine` (from `par`: see [`Self::per`]).
    fn set(&self, i: usize) -> Parsed<Expr> {
        match self.word(i) {
            "chaque" => {
                if let Some(Class::Weekday(weekday)) = self.class(i + 1) {
                    let e = self.expr(
                        i,
                        i + 2,
                        TemporalType::Set,
                        Val::Fixed(format!("XXXX-WXX-{weekday}")),
                    );
                    return Some((i + 2, e));
                }
                let unit = self.unit(i + 1)?;
                let e = self.expr(i, i + 2, TemporalType::Set, Val::Fixed(period(1.0, unit)));
                Some((i + 2, e))
            }
            "tous" | "toutes" => {
                if !self.is(i + 1, "les") {
                    return None;
                }
                if let Some(Class::Weekday(weekday)) = self.class(i + 2) {
                    let e = self.expr(
                        i,
                        i + 3,
                        TemporalType::Set,
                        Val::Fixed(format!("XXXX-WXX-{weekday}")),
                    );
                    return Some((i + 3, e));
                }
                if let Some(unit) = self.unit(i + 2) {
                    let e = self.expr(i, i + 3, TemporalType::Set, Val::Fixed(period(1.0, unit)));
                    return Some((i + 3, e));
                }
                let (next, (Amount::N(n), _)) = self.amount(i + 2)? else {
                    return None;
                };
                let unit = self.unit(next)?;
                let e = self.expr(i, next + 1, TemporalType::Set, Val::Fixed(period(n, unit)));
                Some((next + 1, e))
            }
            "par" => {
                let unit = self.unit(i + 1)?;
                if !matches!(
                    unit,
                    Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Hour
                ) {
                    return None;
                }
                let e = self.expr(i, i + 2, TemporalType::Set, Val::Fixed(period(1.0, unit)));
                Some((i + 2, e))
            }
            _ => None,
        }
    }
}

/// A TIMEX period: `P1Y`, `PT10M`.
pub fn period(n: f64, unit: Unit) -> String {
    let (letter, time) = unit.timex();
    let t = if time { "T" } else { "" };
    // A whole amount (most) is written digit by digit: two `format!` cost more than
    // the rest of resolving a duration.
    if n.fract() == 0.0 && (0.0..1e15).contains(&n) {
        let mut out = String::with_capacity(8);
        out.push('P');
        out.push_str(t);
        super::calendar::push_uint(&mut out, n as u64);
        out.push_str(letter);
        return out;
    }
    format!("P{t}{}{letter}", number(n))
}

/// `3`, `1.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`starts_core`] is the list it replaced, for every word of the date vocabulary
    /// and a few others.
    #[test]
    fn core_starters_are_the_listed_ones() {
        let vocabulary = include_str!("words.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split('\t').next());
        let others = ["", "Le", "lé", "a", "débuts", "finale", "ce", "cess", "c"];
        let mut starters = 0;
        for word in vocabulary.chain(others) {
            let listed = !word.is_empty() && CORE_STARTERS.contains(&word);
            assert_eq!(starts_core(word), listed, "{word:?}");
            starters += usize::from(listed);
        }
        // Every listed starter is a word of the vocabulary.
        assert_eq!(starters, CORE_STARTERS.len());
    }
}
