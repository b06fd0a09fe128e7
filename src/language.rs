//! Language identification: whatlang on a bounded sample of the article.
//!
//! whatlang is reliable on a few hundred letters; reading more of a long article
//! costs time and changes nothing, so only the first [`SAMPLE_BYTES`] are read.
//! Short texts are where detectors hesitate between close languages: when whatlang
//! names another language but does not call its verdict reliable, a text whose words
//! are mostly French function words (`le`, `des`, `est`, `que`...) is taken as
//! French, unreliably. See [`identify`].

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::record::Language;

/// How much of an article is read to identify its language.
pub const SAMPLE_BYTES: usize = 2048;

/// Share of French function words above which an unreliable detection is overruled.
const FRENCH_WORD_SHARE: f64 = 0.2;

static FRENCH_FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("language/french_function_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

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
    if !info.is_reliable() {
        let share = french_word_share(sample);
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

/// Share of the words of `text` that are French function words.
fn french_word_share(text: &str) -> f64 {
    let mut words = 0usize;
    let mut french = 0usize;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if FRENCH_FUNCTION_WORDS.contains(word.to_lowercase().as_str()) {
            french += 1;
        }
    }
    if words < 3 {
        return 0.0;
    }
    french as f64 / words as f64
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
        assert!(french_word_share("le chat et la souris de la ferme") > 0.4);
        assert_eq!(french_word_share("the cat and the mouse of the farm"), 0.0);
        assert_eq!(french_word_share("le la"), 0.0, "too few words to judge");
    }
}
