//! One test per rule of the quote extractor; `tests/data/quotes.json` covers the rules
//! together.

use super::*;

/// `(text, kind, speaker, anonymous, verb)` of every quote of `text`.
type Found = (String, QuoteKind, Option<String>, bool, Option<String>);

fn quotes(text: &str) -> Vec<Found> {
    let doc = Document::new(text);
    let places = crate::places::extract(&doc);
    let actors = crate::actors::find(&doc, &places);
    extract(&doc, &actors)
        .0
        .into_iter()
        .map(|q| {
            (
                q.span.text,
                q.kind,
                q.speaker.map(|s| s.text),
                q.anonymous,
                q.verb,
            )
        })
        .collect()
}

fn q(
    text: &str,
    kind: QuoteKind,
    speaker: Option<&str>,
    anonymous: bool,
    verb: Option<&str>,
) -> Found {
    (
        text.to_string(),
        kind,
        speaker.map(str::to_string),
        anonymous,
        verb.map(str::to_string),
    )
}

use QuoteKind::{Direct, Indirect};

#[test]
fn marks_pair_in_one_pass() {
    let text = "« Un « deux » trois » et “quatre” puis \"cinq\"";
    let got: Vec<&str> = pair_marks(text)
        .into_iter()
        .map(|(r, _)| &text[r])
        .collect();
    assert_eq!(got, [" Un « deux » trois ", "quatre", "cinq"]);
}

#[test]
fn an_unclosed_mark_ends_with_its_paragraph() {
    let text = "« Jamais fermé\n\nPuis « ouvert et fermé »";
    let got: Vec<&str> = pair_marks(text)
        .into_iter()
        .map(|(r, _)| &text[r])
        .collect();
    assert_eq!(got, [" ouvert et fermé "]);
}

#[test]
fn a_quote_reopened_by_the_next_paragraph_goes_on() {
    let text = "« Premier paragraphe.\n\n« Second paragraphe. »";
    let got: Vec<&str> = pair_marks(text)
        .into_iter()
        .map(|(r, _)| &text[r])
        .collect();
    assert_eq!(got, [" Premier paragraphe.\n\n« Second paragraphe. "]);
}

#[test]
fn pairing_is_linear_on_unclosed_marks() {
    let text = "« a ".repeat(200_000);
    let start = std::time::Instant::now();
    assert!(pair_marks(&text).is_empty());
    assert!(start.elapsed().as_secs() < 2);
}

#[test]
fn direct_with_a_verb_and_speaker_after() {
    assert_eq!(
        quotes("« Nous ne céderons rien », a déclaré Anne Roy."),
        [q(
            "Nous ne céderons rien",
            Direct,
            Some("Anne Roy"),
            false,
            Some("a déclaré")
        )]
    );
}

#[test]
fn direct_with_an_inverted_pronoun() {
    let got = quotes("Marc Willems a parlé. « C'est fini », a-t-il ajouté.");
    assert_eq!(
        got,
        [q(
            "C'est fini",
            Direct,
            Some("Marc Willems"),
            false,
            Some("a-t-il ajouté")
        )]
    );
}

#[test]
fn direct_introduced_by_a_colon() {
    assert_eq!(
        quotes("Anne Roy a déclaré : « Nous ne céderons rien. »"),
        [q(
            "Nous ne céderons rien.",
            Direct,
            Some("Anne Roy"),
            false,
            Some("a déclaré")
        )]
    );
}

#[test]
fn an_incise_splits_a_quote_in_two_with_one_speaker() {
    let got = quotes("Anne Roy sourit. « Nous verrons, dit-elle, mais pas maintenant. »");
    assert_eq!(
        got,
        [
            q(
                "Nous verrons",
                Direct,
                Some("Anne Roy"),
                false,
                Some("dit-elle")
            ),
            q(
                "mais pas maintenant.",
                Direct,
                Some("Anne Roy"),
                false,
                Some("dit-elle")
            ),
        ]
    );
}

#[test]
fn scare_quotes_and_titles_are_not_quotes() {
    assert!(quotes("Il parle d'une « peau de banane » ici.").is_empty());
    assert!(quotes("Le film « Les Misérables au soleil couchant » sort.").is_empty());
}

#[test]
fn indirect_with_que() {
    assert_eq!(
        quotes("Anne Roy a affirmé que le projet était abandonné."),
        [q(
            "le projet était abandonné",
            Indirect,
            Some("Anne Roy"),
            false,
            Some("a affirmé")
        )]
    );
}

#[test]
fn indirect_with_selon() {
    assert_eq!(
        quotes("Selon une source proche du dossier, le suspect a fui."),
        [q(
            "le suspect a fui",
            Indirect,
            Some("une source proche du dossier"),
            true,
            None
        )]
    );
    assert_eq!(
        quotes("Le suspect a fui, selon une source judiciaire."),
        [q(
            "Le suspect a fui",
            Indirect,
            Some("une source judiciaire"),
            true,
            None
        )]
    );
}

#[test]
fn indirect_ended_by_an_incise() {
    assert_eq!(
        quotes("Quatorze personnes ont été interpellées, a-t-on appris de source policière."),
        [q(
            "Quatorze personnes ont été interpellées",
            Indirect,
            Some("source policière"),
            true,
            Some("a-t-on appris")
        )]
    );
}

#[test]
fn an_indefinite_informant_speaking_is_an_anonymous_source() {
    let doc = Document::new("« Rien n'est réglé », confie un cadre de la majorité.");
    let places = crate::places::extract(&doc);
    let actors = crate::actors::find(&doc, &places);
    let (quotes, sources) = extract(&doc, &actors);
    assert_eq!(sources.len(), 1, "{sources:?}");
    assert_eq!(sources[0].span.text, "un cadre de la majorité");
    assert!(quotes[0].anonymous);
    assert_eq!(quotes[0].source, Some(0));
}

#[test]
fn time_grows_linearly_with_many_quotes() {
    let unit = "Jean Dupont est arrivé. « Nous ne céderons rien du tout », a déclaré Jean Dupont. Selon une source proche du dossier, il a fui.\n\n";
    crate::linear_time::assert_linear("many quotes", 2_000, 0.05, |copies| {
        let text = unit.repeat(copies);
        let doc = Document::new(&text);
        let places = crate::places::extract(&doc);
        let actors = crate::actors::find(&doc, &places);
        let (quotes, _) = extract(&doc, &actors);
        assert_eq!(quotes.len(), 2 * copies);
    });
}

#[test]
fn an_unclosed_mark_in_a_long_article_stays_linear() {
    crate::linear_time::assert_linear("an unclosed mark", 10_000, 0.1, |copies| {
        let text = format!(
            "« {}",
            "Anne Roy a dit que rien ne bougeait, selon elle. ".repeat(copies)
        );
        let record = crate::extract(&text, &crate::ArticleMeta::with_id("long"));
        assert_eq!(record.status, crate::Status::Ok);
    });
}

#[test]
fn no_verb_form_is_punctuation() {
    // `Scan::verb_at` skips punctuation marks without looking them up.
    assert!(VERBS
        .keys()
        .all(|form| form.chars().any(char::is_alphabetic)));
}

#[test]
fn the_last_sentence_end_is_the_last_mark() {
    for text in [
        "",
        "Il a dit",
        "Fin. Puis « cité » et ” encore",
        "Oui ! Non ? Peut-être… « Là » ou “ici”.",
        "Ah» û ë où “x” ‹y›",
    ] {
        assert_eq!(
            last_sentence_end(text.as_bytes()),
            text.rfind(['.', '!', '?', '»', '”']),
            "{text:?}"
        );
    }
}

#[test]
fn text_cues_are_found_inside_each_sentence() {
    let text = "Il dit que oui. Selon lui, non. Presque rien. D'après elle. Qu'il vienne, dit-il. quelqu'un";
    let cues = TextCues::new(text);
    let mut start = 0;
    for sentence in text.split_inclusive(". ") {
        let range = start..start + sentence.trim_end().len();
        start += sentence.len();
        let s = &text[range.clone()];
        let que = s.contains("que ") || s.contains("qu'") || s.contains("qu’");
        let selon = s.contains("selon") || s.contains("Selon") || s.contains("près ");
        assert_eq!(holds(&cues.que, &range), que, "{s:?}");
        assert_eq!(holds(&cues.selon, &range), selon, "{s:?}");
        assert_eq!(cues.commas_in(&range).is_empty(), !s.contains(','), "{s:?}");
    }
}
