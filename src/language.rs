//! Language identification, fast for French and whatlang for the rest.
//!
//! whatlang costs 80–200 µs an article whatever the sample's size, more than the
//! whole rest of the pipeline, so French, the language of nearly every article
//! depeche reads, is recognized first by a cheaper test: among the first 160 words of
//! the first [`SAMPLE_BYTES`] of the text, at least [`FAST_MIN_WORDS`] words, of which
//! at least [`FRENCH_WORD_SHARE`] are French function words that other Latin-script
//! languages rarely use (`le`, `des`, `est`, `qui`, `dans`...). Such a text is French,
//! reliably, with confidence 1. Every other text goes to whatlang, on the same
//! bounded sample. When whatlang names another language but does not call its
//! verdict reliable (short texts, where detectors hesitate between close languages),
//! a text with that same share of French function words is taken as French,
//! unreliably, with the share as confidence.

use std::sync::LazyLock;

use crate::lexicon::WordSet;
use crate::record::Language;

/// How much of an article is read to identify its language.
pub const SAMPLE_BYTES: usize = 1024;

/// Share of French function words above which a text is taken as French.
pub const FRENCH_WORD_SHARE: f64 = 0.15;

/// Words a sample needs for the function-word test alone to decide.
pub const FAST_MIN_WORDS: usize = 20;

/// Words counted: enough for a verdict; reading on would only cost time.
const MAX_WORDS: usize = 160;

/// French function words that settle the fast test whatever the words after them:
/// with them, the share of the at most [`MAX_WORDS`] words is at least
/// [`FRENCH_WORD_SHARE`], and the words are more than [`FAST_MIN_WORDS`].
const FAST_FRENCH: usize = 24;

static FRENCH_FUNCTION_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("language/french_function_words.txt")));

/// What the identification concluded.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// French (reliably or by the function-word rule).
    French(Language),
    /// Another language.
    Other(Language),
    /// No letters to identify a language in.
    Undetermined,
}

/// Identifies the language of `text` from its first [`SAMPLE_BYTES`].
pub fn identify(text: &str) -> Verdict {
    let sample = sample(text);
    let words = FunctionWords::count(sample, FAST_FRENCH);
    if words.words >= FAST_MIN_WORDS && words.share() >= FRENCH_WORD_SHARE {
        return Verdict::French(Language {
            code: "fr".to_string(),
            confidence: 1.0,
            reliable: true,
        });
    }
    let Some(info) = whatlang::detect(sample) else {
        return Verdict::Undetermined;
    };
    let code = iso639_1(info.lang());
    let language = Language {
        code: code.to_string(),
        confidence: round2(info.confidence()),
        reliable: info.is_reliable(),
    };
    if code == "fr" {
        return Verdict::French(language);
    }
    if !info.is_reliable() && words.words >= 3 {
        let share = words.share();
        if share >= FRENCH_WORD_SHARE {
            return Verdict::French(Language {
                code: "fr".to_string(),
                confidence: round2(share.min(1.0)),
                reliable: false,
            });
        }
    }
    Verdict::Other(language)
}

/// The first [`SAMPLE_BYTES`] of `text`, cut on a character boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Words of a sample, and how many are French function words.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FunctionWords {
    words: usize,
    french: usize,
}

impl FunctionWords {
    /// Counts the words of `text`, up to [`MAX_WORDS`], and its French function
    /// words; the count stops early once `enough` of them are found.
    fn count(text: &str, enough: usize) -> FunctionWords {
        let mut counts = FunctionWords {
            words: 0,
            french: 0,
        };
        let mut lowercase = String::new();
        for word in words(text).take(MAX_WORDS) {
            counts.words += 1;
            // No function word is longer than 8 bytes (`pendant`, `étaient`).
            if word.len() > 8 {
                continue;
            }
            // An ASCII first letter, the common case, is tested without decoding.
            let first = word.as_bytes()[0];
            let upper = if first.is_ascii() {
                first.is_ascii_uppercase()
            } else {
                word.starts_with(|c: char| c.is_uppercase())
            };
            let word = if upper {
                lowercase.clear();
                crate::lexicon::push_lower(word, &mut lowercase);
                lowercase.as_str()
            } else {
                word
            };
            if FRENCH_FUNCTION_WORDS.contains(word) {
                counts.french += 1;
                if counts.french >= enough {
                    break;
                }
            }
        }
        counts
    }

    fn share(self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        self.french as f64 / self.words as f64
    }
}

/// The words of `text`: its maximal runs of alphabetic characters, as
/// `text.split(|c: char| !c.is_alphabetic())` without the empty pieces.
///
/// One byte loop with a class table: most bytes are ASCII letters or spaces, settled
/// by one lookup each; only the bytes that start a multi-byte character are decoded
/// (see [`wide_letter_at`]). [`words_simple`] is the plain definition, for the tests.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skips to the next letter.
        let start = loop {
            let b = *bytes.get(at)?;
            match BYTE_CLASS[usize::from(b)] {
                ASCII_LETTER => break at,
                ASCII_OTHER => at += 1,
                _ => match wide_letter_at(text, at) {
                    (true, _) => break at,
                    (false, len) => at += len,
                },
            }
        };
        // Then to the end of its run.
        while let Some(&b) = bytes.get(at) {
            match BYTE_CLASS[usize::from(b)] {
                ASCII_LETTER => at += 1,
                ASCII_OTHER => break,
                _ => match wide_letter_at(text, at) {
                    (true, len) => at += len,
                    (false, _) => break,
                },
            }
        }
        Some(&text[start..at])
    })
}

/// The words of `text` by the definition of [`words`], for the tests.
#[cfg(test)]
fn words_simple(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

/// [`BYTE_CLASS`] of an ASCII letter.
const ASCII_LETTER: u8 = 0;
/// [`BYTE_CLASS`] of any other ASCII byte.
const ASCII_OTHER: u8 = 1;
/// [`BYTE_CLASS`] of a byte of a multi-byte character.
const WIDE: u8 = 2;

/// The class of each byte for [`words`]: [`ASCII_LETTER`], [`ASCII_OTHER`] or [`WIDE`].
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        classes[b] = if (b as u8).is_ascii_alphabetic() {
            ASCII_LETTER
        } else {
            ASCII_OTHER
        };
        b += 1;
    }
    classes
};

/// Whether the multi-byte character at byte `at` of `text` is alphabetic, and its
/// length.
#[inline]
fn wide_letter_at(text: &str, at: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    // Latin-1 letters (`é`, `à`), the common case, read from their two bytes without
    // decoding nor Unicode's tables: U+00C0 to U+00FF are 0xC3 then 0x80 to 0xBF, all
    // letters but `×` (0xC3 0x97) and `÷` (0xC3 0xB7).
    if bytes[at] == 0xc3 {
        let second = bytes[at + 1];
        return (second != 0x97 && second != 0xb7, 2);
    }
    let c = text[at..]
        .chars()
        .next()
        .expect("a character starts at `at`");
    (c.is_alphabetic(), c.len_utf8())
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// ISO 639-1 code of a whatlang language, or its ISO 639-3 code when it has none.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_press_text_is_french() {
        let text = "Le gouvernement a annoncé jeudi une série de mesures pour soutenir \
                    les agriculteurs touchés par la sécheresse dans le sud du pays.";
        let Verdict::French(language) = identify(text) else {
            panic!("not French");
        };
        assert_eq!(language.code, "fr");
        assert!(language.reliable);
    }

    #[test]
    fn english_is_other_with_iso639_1_code() {
        let text = "The government announced on Thursday a series of measures to support \
                    farmers hit by the drought in the south of the country.";
        let Verdict::Other(language) = identify(text) else {
            panic!("not detected as another language");
        };
        assert_eq!(language.code, "en");
    }

    #[test]
    fn no_letters_is_undetermined() {
        assert_eq!(identify("12 345 -- 678 !!"), Verdict::Undetermined);
        assert_eq!(identify(""), Verdict::Undetermined);
    }

    #[test]
    fn short_french_headline_is_kept() {
        // Too short for a reliable verdict: the function-word rule decides.
        match identify("Grève à la SNCF : le trafic reste perturbé") {
            Verdict::French(language) => assert_eq!(language.code, "fr"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sample_is_bounded_and_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        let s = sample(&text);
        assert!(s.len() <= SAMPLE_BYTES && s.len() >= SAMPLE_BYTES - 1);
        assert!(text.starts_with(s));
    }

    #[test]
    fn function_word_share() {
        let share = |text| FunctionWords::count(text, usize::MAX).share();
        assert!(share("Le chat et la souris dans la ferme") > 0.3);
        assert_eq!(share("the cat and the mouse of the farm"), 0.0);
        assert_eq!(FunctionWords::count("L'été, c'est…", usize::MAX).french, 4);
    }

    /// Texts written for this test in languages close to French: none passes the
    /// fast French test, and whatlang names each.
    #[test]
    fn close_languages_are_not_taken_for_french() {
        let texts = [
            ("es", "El gobierno anunció el jueves una serie de medidas para apoyar a los agricultores afectados por la sequía en el sur del país, según fuentes oficiales que pidieron no ser identificadas."),
            ("it", "Il governo ha annunciato giovedì una serie di misure per sostenere gli agricoltori colpiti dalla siccità nel sud del paese, secondo fonti ufficiali che hanno chiesto di non essere identificate."),
            ("ca", "El govern va anunciar dijous una sèrie de mesures per donar suport als agricultors afectats per la sequera al sud del país, segons fonts oficials que han demanat no ser identificades."),
            ("pt", "O governo anunciou na quinta-feira uma série de medidas para apoiar os agricultores afetados pela seca no sul do país, segundo fontes oficiais que pediram para não ser identificadas."),
            ("en", "The government announced on Thursday a series of measures to support the farmers hit by the drought in the south of the country, according to officials who asked not to be named."),
        ];
        for (code, text) in texts {
            assert!(
                FunctionWords::count(text, usize::MAX).share() < FRENCH_WORD_SHARE,
                "{code}"
            );
            match identify(text) {
                Verdict::Other(language) => assert_eq!(language.code, code),
                verdict => panic!("{code}: {verdict:?}"),
            }
        }
    }

    #[test]
    fn french_with_a_headline_passes_the_fast_test() {
        // Titles and datelines have few function words; the prose after them decides.
        let text = "Abus de biens sociaux : trois ans requis contre un ancien patron du BTP\n\n\
                    NANTERRE, 18 mars 2025 (AFP) – Le parquet a requis mardi trois ans de \
                    prison contre l'ancien dirigeant, qui conteste les faits. Selon \
                    l'accusation, près de deux millions d'euros auraient été détournés entre \
                    2014 et 2022 au profit de sociétés écrans, dont les comptes étaient \
                    ouverts au Luxembourg. Le jugement sera rendu le 22 mai.";
        let words = FunctionWords::count(text, usize::MAX);
        assert!(words.words >= FAST_MIN_WORDS && words.share() >= FRENCH_WORD_SHARE);
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_alphabetic_runs(text in "\\PC{0,60}|[a-zA-Zéà×÷’« ,.0-9-]{0,60}") {
            proptest::prop_assert_eq!(words(&text).collect::<Vec<_>>(), words_simple(&text));
        }

        /// Stopping at [`FAST_FRENCH`] function words gives the fast test's verdict
        /// of the whole count.
        #[test]
        fn the_early_stop_keeps_the_fast_verdict(
            picks in proptest::collection::vec(0usize..8, 0..200)
        ) {
            const WORDS: [&str; 8] = ["le", "Les", "DANS", "chat", "Été", "maison", "qui", "x"];
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let fast = |w: FunctionWords| w.words >= FAST_MIN_WORDS && w.share() >= FRENCH_WORD_SHARE;
            let all = FunctionWords::count(&text, usize::MAX);
            let early = FunctionWords::count(&text, FAST_FRENCH);
            proptest::prop_assert_eq!(fast(early), fast(all));
            if early.french < FAST_FRENCH {
                proptest::prop_assert_eq!(early, all);
            }
        }
    }

    /// Every character up to U+2FFF, Latin-1 above all, between letters and signs.
    #[test]
    fn words_match_the_definition_for_each_character() {
        for c in ('\u{1}'..='\u{2fff}').chain(['𝐀', '😀', '中']) {
            for text in [format!("a{c}b"), format!(" {c} "), format!("{c}é{c}")] {
                assert_eq!(
                    words(&text).collect::<Vec<_>>(),
                    words_simple(&text),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn words_skip_signs_and_keep_accented_letters() {
        let text = "«L’été» 3×4÷2, Ça ŒUVRE—ñandú";
        assert_eq!(
            words(text).collect::<Vec<_>>(),
            ["L", "été", "Ça", "ŒUVRE", "ñandú"]
        );
        assert_eq!(FunctionWords::count("Le LE le", usize::MAX).french, 3);
    }

    #[test]
    fn french_passes_the_fast_test() {
        let text = "Le gouvernement a annoncé jeudi une série de mesures pour soutenir les \
                    agriculteurs touchés par la sécheresse dans le sud du pays, selon des \
                    sources officielles qui ont demandé à ne pas être identifiées.";
        let words = FunctionWords::count(text, usize::MAX);
        assert!(words.words >= FAST_MIN_WORDS && words.share() >= FRENCH_WORD_SHARE);
    }
}
