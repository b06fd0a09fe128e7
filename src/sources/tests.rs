//! One test per rule of the source finder; `tests/data/quotes.json` covers them with
//! their quotes.

use super::*;

fn sources(text: &str) -> Vec<(String, SourceKind, Option<String>)> {
    let doc = Document::new(text);
    find(&doc)
        .into_iter()
        .map(|f| {
            (
                text[f.range].to_string(),
                f.kind,
                f.qualifier.map(|q| text[q].to_string()),
            )
        })
        .collect()
}

fn anonymous(text: &str, qualifier: Option<&str>) -> (String, SourceKind, Option<String>) {
    (
        text.to_string(),
        SourceKind::Anonymous,
        qualifier.map(str::to_string),
    )
}

#[test]
fn a_source_and_its_qualifier() {
    assert_eq!(
        sources("Selon une source proche du dossier, il a fui."),
        [anonymous(
            "une source proche du dossier",
            Some("proche du dossier")
        )]
    );
    assert_eq!(
        sources("Une source anonyme proche des négociations l'a dit."),
        [anonymous(
            "Une source anonyme proche des négociations",
            Some("proche des négociations")
        )]
    );
    assert_eq!(
        sources("Il a été arrêté, a-t-on appris de source policière."),
        [anonymous("source policière", Some("policière"))]
    );
    assert_eq!(
        sources("D'après une source bien informée, non."),
        [anonymous("une source bien informée", Some("bien informée"))]
    );
    assert_eq!(
        sources("Des sources concordantes le disent."),
        [anonymous("Des sources concordantes", Some("concordantes"))]
    );
}

#[test]
fn anaphoric_sources() {
    assert_eq!(
        sources("Il a fui, a précisé cette source."),
        [anonymous("cette source", None)]
    );
    assert_eq!(
        sources("Selon la même source, non."),
        [anonymous("la même source", None)]
    );
}

#[test]
fn not_a_source_of_information() {
    assert!(sources("La source du problème est connue.").is_empty());
    assert!(sources("Le fleuve prend sa source en Suisse.").is_empty());
}

#[test]
fn relatives_and_entourage() {
    assert_eq!(
        sources("Un proche du ministre dément."),
        [anonymous("Un proche du ministre", Some("du ministre"))]
    );
    assert_eq!(
        sources("On l'assure dans l'entourage du président."),
        [anonymous("l'entourage du président", Some("du président"))]
    );
    assert!(sources("La ville est proche de Lyon.").is_empty());
}

#[test]
fn informants_with_an_anonymity_marker() {
    assert_eq!(
        sources("Un diplomate occidental, sous couvert d'anonymat, l'affirme."),
        [anonymous(
            "Un diplomate occidental, sous couvert d'anonymat",
            Some("occidental, sous couvert d'anonymat")
        )]
    );
    assert_eq!(
        sources("Un responsable qui a requis l'anonymat le dit."),
        [anonymous(
            "Un responsable qui a requis l'anonymat",
            Some("qui a requis l'anonymat")
        )]
    );
    assert_eq!(
        sources("Un haut fonctionnaire qui n'a pas souhaité être nommé le confirme."),
        [anonymous(
            "Un haut fonctionnaire qui n'a pas souhaité être nommé",
            Some("qui n'a pas souhaité être nommé")
        )]
    );
    assert!(sources("Un responsable a parlé.").is_empty());
}

#[test]
fn any_person_noun_with_an_anonymity_marker() {
    assert_eq!(
        sources("Un médecin du service, sous couvert d'anonymat, décrit des nuits difficiles."),
        [anonymous(
            "Un médecin du service, sous couvert d'anonymat",
            Some("du service, sous couvert d'anonymat")
        )]
    );
    assert_eq!(
        sources("Une infirmière qui a requis l'anonymat parle de fatigue."),
        [anonymous(
            "Une infirmière qui a requis l'anonymat",
            Some("qui a requis l'anonymat")
        )]
    );
    // Not a person, or no marker: nothing.
    assert!(sources("Un article paru sous couvert d'anonymat a circulé.").is_empty());
    assert!(sources("Un médecin du service décrit des nuits difficiles.").is_empty());
}

#[test]
fn vague_attributions() {
    let got = sources("Selon plusieurs médias, il part. Certains analystes doutent.");
    let kinds: Vec<_> = got.iter().map(|s| (s.0.as_str(), s.1)).collect();
    assert_eq!(
        kinds,
        [
            ("plusieurs médias", SourceKind::Vague),
            ("Certains analystes", SourceKind::Vague)
        ]
    );
}

#[test]
fn cues_match_in_any_case() {
    assert_eq!(
        sources("Une SOURCE proche du dossier l'a dit."),
        [anonymous(
            "Une SOURCE proche du dossier",
            Some("proche du dossier")
        )]
    );
}

/// [`CASELESS_CUES`] searches the ASCII-lowercased text: that is `(?i)` only if no
/// other character folds to one of the cues' letters but `ſ` (to `s`).
#[test]
fn lowercasing_is_the_cues_case_folding() {
    let letters: std::collections::BTreeSet<char> = "source proche entourage anonym"
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    for letter in letters {
        let folds = Regex::new(&format!("^(?i:{letter})$")).unwrap();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let expected = c.to_ascii_lowercase() == letter || (letter == 's' && c == 'ſ');
            assert_eq!(
                folds.is_match(c.encode_utf8(&mut [0; 4])),
                expected,
                "{c:?}"
            );
        }
    }
}

#[test]
fn a_cue_must_lie_inside_the_sentence() {
    let text = "Les experts et les médias.";
    let cues = CueSpans::new(text);
    let holds = |range: std::ops::Range<usize>| cues.in_sentence(range);
    assert!(holds(0..text.len()));
    assert!(!holds(0..8), "Les expe");
    assert!(!holds(6..12), "perts ");
    assert!(holds(6..text.len()), "perts et les médias.");
    assert!(!holds(12..18), "et les");
}
