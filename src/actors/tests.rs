//! One test per rule of the actor extractor; the table of `tests/data/actors.json`
//! covers the rules together on longer texts.

use super::*;

/// `(text, kind, name, role, affiliation)` of an actor.
type Actor = (
    String,
    ActorKind,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Every actor of `text`.
fn actors(text: &str) -> Vec<Actor> {
    let doc = Document::new(text);
    let places = crate::places::extract(&doc);
    extract(&doc, &places)
        .into_iter()
        .map(|a| (a.span.text, a.kind, a.name, a.role, a.affiliation))
        .collect()
}

fn spans(text: &str) -> Vec<(String, ActorKind)> {
    actors(text).into_iter().map(|a| (a.0, a.1)).collect()
}

fn s(text: &str, kind: ActorKind) -> (String, ActorKind) {
    (text.to_string(), kind)
}

use ActorKind::{Group, Organization as Org, Person, Role};

#[test]
fn a_title_and_a_surname() {
    assert_eq!(
        spans("Selon Mme Lopez, rien n'est joué."),
        [s("Mme Lopez", Person)]
    );
    assert_eq!(spans("Il a vu M. Garnier hier."), [s("M. Garnier", Person)]);
    assert_eq!(
        spans("Me Sophie Rigal plaide."),
        [s("Me Sophie Rigal", Person)]
    );
    assert_eq!(spans("Le Dr Hamidi opère."), [s("Dr Hamidi", Person)]);
}

#[test]
fn a_first_name_and_a_surname() {
    assert_eq!(
        spans("Hier, Nolwenn Guéguen a démissionné."),
        [s("Nolwenn Guéguen", Person)]
    );
    assert_eq!(
        spans("Patrick Le Goff est maire."),
        [s("Patrick Le Goff", Person)]
    );
    assert_eq!(
        spans("Elle cite Hélène de La Roche."),
        [s("Hélène de La Roche", Person)]
    );
    assert_eq!(
        spans("Il accuse Claire DUBOIS."),
        [s("Claire DUBOIS", Person)]
    );
    assert_eq!(
        spans("Selon Karim Abdel-Salam, non."),
        [s("Karim Abdel-Salam", Person)]
    );
}

#[test]
fn a_first_name_and_an_initial() {
    assert_eq!(
        spans("Il s'appelle Stéphane M. depuis."),
        [s("Stéphane M.", Person)]
    );
}

#[test]
fn initials() {
    assert_eq!(
        spans("Il a cité J.-M. Lefort hier."),
        [s("J.-M. Lefort", Person)]
    );
}

#[test]
fn initials_carry_the_full_name_with_that_surname() {
    let got = actors("Jean-Philippe Roussel nie. Selon J.-P. Roussel, tout est faux.");
    assert_eq!(got[1].0, "J.-P. Roussel");
    assert_eq!(got[1].2.as_deref(), Some("Jean-Philippe Roussel"));
}

#[test]
fn a_first_name_with_an_age() {
    assert_eq!(
        spans("Julie, 34 ans, attend le train."),
        [s("Julie", Person)]
    );
}

#[test]
fn kickers_and_quoted_capitals_are_not_acronyms() {
    assert!(spans("LAIT.\nLe prix monte.").is_empty());
    assert!(spans("On lisait « STOP » partout.").is_empty());
}

#[test]
fn an_ambiguous_organization_needs_a_cue() {
    assert!(spans("Le ciel est orange et Orange brille.")
        .iter()
        .all(|a| a.0 != "Orange"));
    assert_eq!(spans("Le groupe Orange recrute."), [s("Orange", Org)]);
    assert_eq!(
        spans("Selon le quotidien Libération, non."),
        [s("Libération", Org)]
    );
}

#[test]
fn later_mentions_carry_the_full_name() {
    let got = actors("Karim Benali a marqué. Puis Benali a encore tiré, et M. Benali a salué.");
    let names: Vec<_> = got.iter().map(|a| (a.0.as_str(), a.2.as_deref())).collect();
    assert_eq!(
        names,
        [
            ("Karim Benali", Some("Karim Benali")),
            ("Benali", Some("Karim Benali")),
            ("M. Benali", Some("Karim Benali")),
        ]
    );
}

#[test]
fn a_role_noun_before_an_unknown_name() {
    let got = actors("Le ministre chinois Wang Lihua est arrivé.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "Wang Lihua");
    assert_eq!(got[0].3.as_deref(), Some("ministre"));
    assert_eq!(got[0].4.as_deref(), Some("CN"));
}

#[test]
fn an_apposition_is_the_persons_role() {
    let got = actors("Le procureur de Nanterre, Antoine Ferrand, a requis.");
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].0.as_str(), got[0].3.as_deref()),
        ("Antoine Ferrand", Some("procureur"))
    );
    let got = actors("Antoine Ferrand, procureur de Nanterre, a requis.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].3.as_deref(), Some("procureur"));
}

#[test]
fn organizations_of_the_lexicon_without_their_article() {
    assert_eq!(
        spans("L'ONU et l'OTAN ont réagi."),
        [s("ONU", Org), s("OTAN", Org)]
    );
    let got = actors("Les Nations unies ont parlé.");
    assert_eq!(got[0].2.as_deref(), Some("Organisation des Nations unies"));
}

#[test]
fn organizations_by_pattern() {
    assert_eq!(
        spans("Il comparaît devant le tribunal correctionnel de Lyon mardi."),
        [s("tribunal correctionnel de Lyon", Org)]
    );
    assert_eq!(
        spans("Le ministère chinois du commerce a répondu."),
        [s("ministère chinois du commerce", Org)]
    );
    assert_eq!(
        spans("Le conseil municipal a voté."),
        [s("conseil municipal", Org)]
    );
    assert_eq!(
        spans("Elle travaille à l'Agence nationale de la recherche depuis."),
        [s("Agence nationale de la recherche", Org)]
    );
}

#[test]
fn acronyms_and_their_expansion() {
    assert_eq!(spans("La FNPL proteste."), [s("FNPL", Org)]);
    assert_eq!(
        spans("Les Forces de soutien rapide (FSR) avancent."),
        [s("Forces de soutien rapide", Org), s("FSR", Org)]
    );
    let got = actors("Les Forces de soutien rapide (FSR) avancent.");
    assert_eq!(got[1].2.as_deref(), Some("Forces de soutien rapide"));
}

#[test]
fn not_acronyms() {
    assert!(spans("Le PIB et la TVA montent au XXe siècle.").is_empty());
    assert!(spans("URGENT PARIS FLAMBE ENCORE").is_empty());
}

#[test]
fn roles_with_adjectives_and_complements() {
    let got = actors("Une haute responsable du département d'État américain a parlé.");
    assert_eq!(
        got[0].0,
        "Une haute responsable du département d'État américain"
    );
    assert_eq!(got[0].1, Role);
    assert_eq!(got[0].3.as_deref(), Some("responsable"));
    assert_eq!(got[1].0, "département d'État");
    let got = actors("Il a croisé un ambassadeur russe.");
    assert_eq!(got[0].0, "un ambassadeur russe");
    assert_eq!(got[0].4.as_deref(), Some("RU"));
    assert_eq!(
        spans("Une institutrice de 79 ans témoigne."),
        [s("Une institutrice de 79 ans", Role)]
    );
}

#[test]
fn groups_plural_nouns_quantities_collectives() {
    assert_eq!(
        spans("Les enquêteurs doutent."),
        [s("Les enquêteurs", Group)]
    );
    assert_eq!(
        spans("Les délégations russes et américaines discutent."),
        [s("Les délégations russes et américaines", Group)]
    );
    assert_eq!(
        spans("Une vingtaine de chercheurs signent."),
        [s("Une vingtaine de chercheurs", Group)]
    );
    assert_eq!(
        spans("Selon certains analystes, non."),
        [s("certains analystes", Group)]
    );
    assert_eq!(
        spans("Les forces de l'ordre patrouillent."),
        [s("Les forces de l'ordre", Group)]
    );
}

#[test]
fn anonymous_sources_are_not_actors() {
    assert!(spans("Un diplomate occidental, sous couvert d'anonymat, l'a dit.").is_empty());
    assert!(spans("Un responsable qui a requis l'anonymat le confirme.").is_empty());
}

#[test]
fn not_persons() {
    assert!(spans("Mardi, la rue Victor Hugo était fermée.").is_empty());
    assert!(spans("Pourtant Mars brille.").is_empty());
}

#[test]
fn a_title_is_dotted_only_by_a_stop_right_after_it() {
    // A no-break space between `M` and the stop: the title is read without its
    // stop, and nothing is sliced inside the space.
    let found = spans("Il a vu M\u{a0}. Dupont hier.");
    assert!(found
        .iter()
        .any(|(t, k)| t.ends_with("Dupont") && *k == Person));
    assert_eq!(spans("Il a vu M. Dupont hier."), [s("M. Dupont", Person)]);
}

#[test]
fn spans_are_those_of_the_document() {
    // The sentence of each span is found by stepping forward, not by a search.
    let text = "Le ministre est venu. « Non », dit Mme Lopez à Paris. Ensuite M. Garnier, \
                le procureur, et l’ONU ont parlé. Lopez aussi.";
    let doc = Document::new(text);
    let places = crate::places::extract(&doc);
    let found = find(&doc, &places);
    assert!(found.iter().any(|(_, a)| a.span.sentence == 2));
    for (range, actor) in found {
        assert_eq!(actor.span, doc.span(range));
    }
}

proptest::proptest! {
    #[test]
    fn resolve_agrees_with_its_reference(
        actors in proptest::collection::vec((0usize..60, 0usize..16, 0u8..4, 1u8..5), 0..40)
    ) {
        let kinds = [Person, Org, Role, Group];
        let found: Vec<Found> = actors
            .iter()
            .enumerate()
            .map(|(n, &(start, len, kind, rank))| Found {
                range: start..start + len,
                kind: kinds[usize::from(kind)],
                // Tells the actors apart in the outputs.
                name: Some(n.to_string()),
                role: None,
                affiliation: None,
                surname: None,
                full: false,
                rank,
            })
            .collect();
        let names = |found: Vec<Found>| found.into_iter().map(|f| f.name).collect::<Vec<_>>();
        proptest::prop_assert_eq!(names(resolve(found.clone())), names(resolve_reference(found)));
    }
}
