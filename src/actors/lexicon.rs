//! The actor lexicons, parsed once per process: first names, role nouns, collectives,
//! organization heads, civil titles, adjectives, and the organization automaton.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexicon::{Fnv1a, WordSet};

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv1a>>;

/// A first name of `first_names.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstName {
    /// `m`, `f` or `x`.
    pub gender: u8,
    /// Also a common word or a place name: a person only before a surname.
    pub ambiguous: bool,
}

/// One written form of a role noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleForm {
    /// The masculine singular (`ambassadeur` for `ambassadrices`).
    pub lemma: &'static str,
    /// A plural form: the mention is a group.
    pub plural: bool,
    /// A feminine form.
    pub feminine: bool,
}

/// An organization of `organizations.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Organization {
    /// Its canonical name, the first form of its line.
    pub name: &'static str,
    /// Named by a common word too: taken only after a cue (`le groupe Orange`).
    pub ambiguous: bool,
}

/// Every actor lexicon.
pub struct Lexicon {
    /// First names, as written (`Jean-Michel`).
    pub first_names: FastMap<&'static str, FirstName>,
    /// Role nouns and compounds, by lowercase form (`ambassadrices`, `chef de l'état`).
    pub roles: FastMap<&'static str, RoleForm>,
    /// Most words in a role noun or collective.
    pub longest_head: usize,
    /// Nouns naming a group by themselves (`autorités`, `forces de l'ordre`), lowercase.
    pub collectives: WordSet,
    /// Nouns heading an organization's name (`ministère`, `cour d'appel`), lowercase.
    pub org_heads: WordSet,
    /// Nouns naming one institution by themselves (`gouvernement`, `conseil municipal`).
    pub org_alone: WordSet,
    /// Civil titles before a name, as written (`M.`, `Mme`, `Dr`).
    pub titles: WordSet,
    /// Adjectives between a determiner and a role noun (`haute`, `ancien`).
    pub pre_adjectives: WordSet,
    /// Adjectives after a role noun (`occidental`, `présumé`).
    pub post_adjectives: WordSet,
    /// The organizations.
    pub organizations: Vec<Organization>,
    /// The organization of each automaton pattern.
    patterns: Vec<u32>,
    /// Every written form of every organization, with `'` and `’` variants.
    automaton: AhoCorasick,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::load(
        include_str!("data/first_names.tsv"),
        include_str!("data/roles.txt"),
        include_str!("data/organizations.txt"),
    )
});

/// The process-wide actor lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lines of section `[name]` of a data file.
fn section<'d>(data: &'d str, name: &str) -> impl Iterator<Item = &'d str> {
    let header = format!("[{name}]");
    let start = data.find(&header).map_or(data.len(), |i| i + header.len());
    let end = data[start..].find("\n[").map_or(data.len(), |i| start + i);
    data_lines(&data[start..end])
}

/// Lowercases a lexicon entry with `’` folded to `'`; leaked, once per process.
fn lower(form: &str) -> &'static str {
    let mut key = String::new();
    crate::words::key(form, &mut key);
    collapse_spaces(&mut key);
    Box::leak(key.into_boxed_str())
}

/// Replaces runs of whitespace by one space.
pub fn collapse_spaces(key: &mut String) {
    if key.contains(|c: char| c.is_whitespace() && c != ' ') || key.contains("  ") {
        *key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

impl Lexicon {
    /// Parses the data files (see their headers for the formats).
    pub fn load(first_names: &'static str, roles: &'static str, orgs: &'static str) -> Lexicon {
        let mut names = FastMap::default();
        for line in data_lines(first_names) {
            let mut cols = line.split('\t');
            let (Some(name), gender, ambiguous) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            names.insert(
                name,
                FirstName {
                    gender: gender.and_then(|g| g.bytes().next()).unwrap_or(b'x'),
                    ambiguous: ambiguous == Some("1"),
                },
            );
        }

        let mut role_forms = FastMap::default();
        let mut longest_head = 1;
        for line in section(roles, "roles").chain(section(roles, "compound-roles")) {
            let cols: Vec<&str> = line.split('|').map(str::trim).collect();
            let Some(&lemma) = cols.first() else { continue };
            let lemma = lower(lemma);
            let forms = [
                (Some(lemma), false, false),
                (cols.get(1).copied(), false, true),
                (cols.get(2).copied(), true, false),
                (cols.get(3).copied(), true, true),
            ];
            for (form, plural, feminine) in forms {
                let Some(form) = form.filter(|f| !f.is_empty() && *f != "-") else {
                    continue;
                };
                let key = lower(form);
                longest_head = longest_head.max(key.split([' ', '\'']).count());
                // A form shared by singular and plural (`porte-parole`) stays singular:
                // the determiner tells the number.
                role_forms.entry(key).or_insert(RoleForm {
                    lemma,
                    plural,
                    feminine,
                });
            }
        }
        let set = |name: &str, lowercase: bool| {
            let mut out = String::new();
            for line in section(roles, name) {
                out.push_str(if lowercase { lower(line) } else { line });
                out.push('\n');
            }
            WordSet::parse(Box::leak(out.into_boxed_str()))
        };
        let collectives = set("collectives", true);
        let org_heads = set("org-heads", true);
        for set in [&collectives, &org_heads] {
            for entry in set.iter() {
                longest_head = longest_head.max(entry.split([' ', '\'']).count());
            }
        }

        let mut organizations = Vec::new();
        let mut patterns = Vec::new();
        let mut forms: Vec<String> = Vec::new();
        let mut ambiguous = false;
        for line in orgs.lines().map(str::trim) {
            if line == "[ambiguous]" {
                ambiguous = true;
                continue;
            }
            if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
                continue;
            }
            let mut cols = line.split(" | ").map(str::trim).filter(|f| f.len() >= 2);
            let Some(name) = cols.next() else { continue };
            let index = organizations.len() as u32;
            organizations.push(Organization { name, ambiguous });
            for form in std::iter::once(name).chain(cols) {
                forms.push(form.to_string());
                patterns.push(index);
                if form.contains('\'') {
                    forms.push(form.replace('\'', "’"));
                    patterns.push(index);
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&forms)
            .expect("the organization forms make an automaton");

        Lexicon {
            first_names: names,
            roles: role_forms,
            longest_head,
            collectives,
            org_heads,
            org_alone: set("org-alone", true),
            titles: set("titles", false),
            pre_adjectives: set("pre-adjectives", true),
            post_adjectives: set("post-adjectives", true),
            organizations,
            patterns,
            automaton,
        }
    }

    /// The organizations of the lexicon named in `text`, leftmost-longest, on word
    /// boundaries: byte range and index into [`Lexicon::organizations`].
    pub fn find_organizations(&self, text: &str) -> Vec<(Range<usize>, u32)> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(m) = self
            .automaton
            .find(aho_corasick::Input::new(text).span(at..text.len()))
        {
            if inside_word(text, m.start(), m.end()) {
                // Not on word boundaries (`La Croix` in `La Croix-Rouge`): search again
                // from the next character, where a name may start.
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            found.push((m.range(), self.patterns[m.pattern().as_usize()]));
            at = m.end();
        }
        found
    }
}

/// Whether `text[start..end]` has a letter or digit, or a hyphen or apostrophe
/// joining one, right before or after it.
fn inside_word(text: &str, start: usize, end: usize) -> bool {
    let is_word = crate::places::is_word_char;
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let joined = |c: Option<char>, next: Option<char>| {
        c.is_some_and(is_word) || (c == Some('-') && next.is_some_and(is_word))
    };
    joined(before.next(), before.next()) || joined(after.next(), after.next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_load() {
        let lex = lexicon();
        assert!(lex.first_names.len() > 5_000);
        assert!(lex.first_names.contains_key("Jean-Michel"));
        assert!(lex.roles.len() > 800);
        assert!(lex.organizations.len() > 400);
        assert!(lex.titles.contains("Mme"));
        assert!(lex.org_heads.contains("ministère"));
        assert!(lex.collectives.contains("forces de l'ordre"));
    }

    #[test]
    fn role_forms_carry_lemma_number_and_gender() {
        let lex = lexicon();
        let form = lex.roles["ambassadrices"];
        assert_eq!(form.lemma, "ambassadeur");
        assert!(form.plural && form.feminine);
        let form = lex.roles["porte-parole"];
        assert!(!form.plural);
    }

    #[test]
    fn organizations_on_word_boundaries_with_both_apostrophes() {
        let lex = lexicon();
        let text = "L'ONU et le ministère de l’Intérieur, pas MONUSCO ni Bonu, La Croix-Rouge.";
        let found: Vec<&str> = lex
            .find_organizations(text)
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(found, ["ONU", "ministère de l’Intérieur", "Croix-Rouge"]);
    }

    #[test]
    fn a_small_lexicon() {
        let lex = Lexicon::load(
            "# h\nJean\tm\t0\nRose\tf\t1\n",
            "[roles]\nministre | ministre | ministres | ministres\n[compound-roles]\nchef de l'État | cheffe de l'État | chefs d'État | -\n[collectives]\nforces de l’ordre\n[titles]\nM.\n",
            "# h\nOrganisation des Nations unies | ONU\n[ambiguous]\nOrange\n",
        );
        assert!(lex.first_names["Rose"].ambiguous);
        assert_eq!(lex.first_names["Jean"].gender, b'm');
        assert_eq!(lex.roles["chef de l'état"].lemma, "chef de l'état");
        assert!(lex.collectives.contains("forces de l'ordre"));
        assert_eq!(lex.longest_head, 4);
        assert!(lex.organizations[1].ambiguous && !lex.organizations[0].ambiguous);
    }
}
