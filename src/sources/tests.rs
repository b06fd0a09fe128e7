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
