//! The actor lexicons, parsed once per process: first names, role nouns, collectives,
//! organization heads, civil titles, adjectives, and the organizations.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon::{lines, split_at_byte, WordSet};
use crate::words::{self, Word};

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// The hash of the actor maps: word keys and whole organization names, looked up
/// for most words of every text. It reads eight bytes at a step where FNV reads one;
/// the maps hold fixed data, so hash flooding is not a concern.
#[derive(Default)]
pub struct KeyHasher(u64);

impl KeyHasher {
    /// Mixes eight bytes into the hash (the step of `FxHash`).
    #[inline]
    fn add(&mut self, bytes: u64) {
        self.0 = (self.0.rotate_left(5) ^ bytes).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut eight = [0; 8];
            eight.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(eight));
        }
        // The last one to seven bytes, read as two overlapping halves or, below four
        // bytes, as the first, middle and last bytes.
        let rest = chunks.remainder();
        let n = rest.len();
        if n >= 4 {
            let half = |at: usize| {
                u64::from(u32::from_le_bytes([
                    rest[at],
                    rest[at + 1],
                    rest[at + 2],
                    rest[at + 3],
                ]))
            };
            self.add(half(0) | half(n - 4) << 32);
        } else if n > 0 {
            self.add(
                u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16,
            );
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    /// The well-mixed high bits of the last product, brought down to the low bits
    /// that pick the bucket.
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

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

/// The organization forms starting with one word.
#[derive(Debug, Clone, Copy, Default)]
struct FormStarts {
    /// Their word counts: bit `n - 1` for `n` words; 32 and more share the last bit.
    counts: u32,
    /// Their lengths in bytes: bit `n` for `n`; 127 and more share the last bit.
    lengths: u128,
    /// The two bytes after the first word of each form of two words or more, past
    /// spaces: bit [`pair_bit`] of them (every bit when the first word is odd).
    pairs: u128,
}

impl FormStarts {
    /// Whether some form may be `len` bytes long.
    fn has_length(&self, len: usize) -> bool {
        self.lengths & 1 << len.min(127) != 0
    }

    /// Notes a form of two words or more, `form`, whose first word is `first`.
    fn add_pair(&mut self, form: &str, first: &Word) {
        let rest = &form.as_bytes()[first.end..];
        let rest = &rest[rest.iter().take_while(|&&b| b == b' ').count()..];
        // A first word that is not at the start of its form, or may hold a `’` (byte
        // E2; folded in the text's keys, not in the form's), is not one whose keys
        // `may_go_on` reads past: every pair passes.
        if first.start != 0 || form.as_bytes()[..first.end].contains(&0xe2) {
            self.pairs = u128::MAX;
        } else if let &[a, ref more @ ..] = rest {
            self.pairs |= 1 << pair_bit(a, more.first().copied().unwrap_or(0));
        }
    }

    /// Whether a form of two words or more starting with word `i` of `words` (a run
    /// of words of `text`) may be there. Most capitalized `Le`, `La`, `Les` start
    /// forms (`Le Monde`) but are followed by another word (`Le maire`): the two bytes
    /// of the next word say so, without building and looking up the keys.
    ///
    /// Every key [`Lexicon::organization_at`] looks up for words `i..j`, `j > i + 1`,
    /// raw or folded, is the word as written, then (after a gap of nothing or one
    /// space, kept or folded to one space) the next word from its first byte. When
    /// neither of its first two bytes is part of a `’`, they are the same in the
    /// folded key; the form equal to the key has them too, after the same first word
    /// and the same spaces: bit [`pair_bit`] of them is in `pairs`. Any other gap or
    /// next word is passed without a look.
    #[inline]
    fn may_go_on(&self, text: &[u8], words: &[Word], i: usize) -> bool {
        let Some(next) = words.get(i + 1) else {
            // No second word: only one-word forms.
            return false;
        };
        let (end, s) = (words[i].end, next.start);
        let plain_gap = s == end || s == end + 1 && text[end] == b' ';
        match text.get(s..next.end) {
            Some(&[a, b, ..]) if plain_gap && a != 0xe2 && b != 0xe2 => {
                self.pairs & 1 << pair_bit(a, b) != 0
            }
            _ => true,
        }
    }
}

/// The bit of a pair of bytes in [`FormStarts::pairs`].
#[inline]
fn pair_bit(a: u8, b: u8) -> u32 {
    (u32::from(u16::from_le_bytes([a, b])).wrapping_mul(0x9e37_79b1) >> 25) & 127
}

/// Every actor lexicon.
pub struct Lexicon {
    /// First names, as written (`Jean-Michel`).
    pub first_names: FastMap<&'static str, FirstName>,
    /// Role nouns and compounds, by lowercase form (`ambassadrices`, `chef de l'état`).
    pub roles: FastMap<&'static str, RoleForm>,
    /// What a word key may start ([`Lexicon::ORG_FORM`], [`Lexicon::ORG_HEAD`],
    /// [`Lexicon::ROLE_HEAD`]): one look-up per word tells which rules to try there.
    pub cues: FastMap<&'static str, u32>,
    /// First words of role nouns and collectives → their word counts (bit `k - 1`
    /// for `k` words, cut as the text is).
    pub role_head_counts: FastMap<&'static str, u32>,
    /// First words of organization heads → their word counts.
    pub org_head_counts: FastMap<&'static str, u32>,
    /// Nationality adjectives → ISO country code (`russes` → `RU`), lowercase.
    pub demonyms: FastMap<&'static str, &'static str>,
    /// Abbreviations in capitals that are not organizations (`PIB`, `TVA`).
    pub not_organizations: WordSet,
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
    /// Every written form of every organization (`'` apostrophes, single spaces) →
    /// its index in `organizations`.
    org_forms: FastMap<&'static str, u32>,
    /// First words of the forms, as written → the forms starting so.
    org_first_words: FastMap<&'static str, FormStarts>,
    /// The entries of `org_first_words` for `Le`, `La` and `Les`, if any: most words
    /// [`Lexicon::organization_at`] is asked about, read without a hash look-up.
    article_starts: [Option<FormStarts>; 3],
    /// The keys of `cues` by [`cue_slot`], a table look-up instead of a hash one:
    /// [`NO_KEY`] or the index of a key in `cue_keys`, the keys of one slot in the
    /// slots that follow it (open addressing). Most words are in none of the lists,
    /// and this says so without hashing them.
    cue_slots: Box<[u16; CUE_SLOTS]>,
    /// The keys of `cues`, as the slots hold them.
    cue_keys: Vec<CueKey>,
    /// A bit of each first name, as written, by [`first_name_bit`]: most capitalized
    /// words are no first name, and a clear bit says so without hashing them.
    first_name_bits: Box<[u64; FIRST_NAME_WORDS]>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::load(
        crate::lexicon::in_heap(include_str!("data/first_names.tsv")),
        crate::lexicon::in_heap(include_str!("data/roles.txt")),
        crate::lexicon::in_heap(include_str!("data/organizations.txt")),
        crate::lexicon::in_heap(include_str!("data/grammar.txt")),
        crate::lexicon::in_heap(include_str!("../places/data/demonyms.tsv")),
    )
});

/// The process-wide actor lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    lines(data)
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

/// The key of a lexicon entry: lowercase, `’` folded to `'`, single spaces.
fn key_of(form: &str) -> String {
    let mut key = String::new();
    crate::words::key(form, &mut key);
    collapse_spaces(&mut key);
    key
}

/// Whether `form` is its own [`key_of`] (no capital, no `’`, no whitespace but single
/// spaces), told without building the key: most lexicon entries are.
fn is_own_key(form: &str) -> bool {
    let b = form.as_bytes();
    let mut at = 0;
    // Byte by byte over ASCII and the Latin-1 lowercase letters (`é`, `à`), most
    // characters of the lexicons: no decoding, no Unicode tables.
    while let Some(&byte) = b.get(at) {
        match byte {
            b'A'..=b'Z' | b'\t'..=b'\r' => return false,
            b' ' if b.get(at + 1) == Some(&b' ') => return false,
            0..=0x7f => at += 1,
            // `ß` to `ÿ`: C3 9F to C3 BF, none a capital.
            0xc3 if b.get(at + 1).is_some_and(|&next| next >= 0x9f) => at += 2,
            // Another character: the rest by the Unicode tables (`at` follows a whole
            // character, and no space: no pair of spaces straddles it).
            _ => return is_own_key_by_chars(&form[at..]),
        }
    }
    true
}

/// [`is_own_key`] character by character through the Unicode tables: its slow path,
/// and the reference of the tests.
fn is_own_key_by_chars(form: &str) -> bool {
    form.chars()
        .all(|c| !c.is_uppercase() && c != '’' && (c == ' ' || !c.is_whitespace()))
        && !form.as_bytes().windows(2).any(|pair| pair == b"  ")
}

/// The keys of the lexicon entries, each kept once for the life of the process.
#[derive(Default)]
struct Keys(std::collections::HashSet<&'static str, BuildHasherDefault<KeyHasher>>);

impl Keys {
    /// The key of `form` ([`key_of`]): `form` itself when it is its own key, else
    /// the one copy of that key, leaked the first time it is needed.
    fn lower(&mut self, form: &'static str) -> &'static str {
        if is_own_key(form) {
            // Most entries: no key to build, only to look up.
            if let Some(&known) = self.0.get(form) {
                return known;
            }
            self.0.insert(form);
            return form;
        }
        let key = key_of(form);
        if let Some(&known) = self.0.get(key.as_str()) {
            return known;
        }
        let key = if key == form {
            form
        } else {
            Box::leak(key.into_boxed_str())
        };
        self.0.insert(key);
        key
    }
}

/// Slots of the cue table (128 KiB), some eight times as many as keys: most slots
/// are empty, and a key is found at its slot or one of the next few.
const CUE_SLOTS: usize = 1 << 16;
/// A cue slot of no key.
const NO_KEY: u16 = u16::MAX;

/// A key of the cue table: the bytes [`packed`] reads of it, its length and its cues.
/// The packed bytes and the length are the whole key when it has at most eight bytes,
/// most words: those are told apart by two comparisons of numbers, not of strings.
#[derive(Debug, Clone, Copy)]
struct CueKey {
    packed: u64,
    len: usize,
    key: &'static str,
    cues: u32,
    /// Its [`Lexicon::role_head_counts`], 0 if none: read with the cues, no second
    /// look-up for a role head.
    role_counts: u32,
    /// Its [`Lexicon::org_head_counts`], 0 if none, likewise.
    org_counts: u32,
    /// An entry of [`Lexicon::org_heads`] by itself: one word, no phrase to build.
    org_head: bool,
    /// An entry of [`Lexicon::org_alone`] by itself.
    org_alone: bool,
    /// Its entry of [`Lexicon::roles`] by itself, if any: a one-word role noun read
    /// with the cues, no hash look-up.
    role: Option<RoleForm>,
    /// Its entry of [`Lexicon::collectives`] by itself, if any, likewise.
    collective: Option<&'static str>,
}

/// What the cue table holds of the first word of a role noun or collective (see
/// [`CueTable::role_head`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleHead {
    /// The word counts of the role nouns and collectives starting with it
    /// ([`Lexicon::role_head_counts`]).
    pub(crate) counts: u32,
    /// The word alone as a role noun ([`Lexicon::roles`]).
    pub(crate) role: Option<RoleForm>,
    /// The word alone as a collective ([`Lexicon::collectives`]).
    pub(crate) collective: Option<&'static str>,
}

/// What the cue table holds of the first word of an organization head (see
/// [`CueTable::org_head`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrgHead {
    /// The word counts of the heads starting with it ([`Lexicon::org_head_counts`]).
    pub(crate) counts: u32,
    /// The word alone is an entry of [`Lexicon::org_heads`].
    pub(crate) head: bool,
    /// The word alone is an entry of [`Lexicon::org_alone`].
    pub(crate) alone: bool,
}

/// The first and last four bytes of a key (overlapping below eight), or, below four
/// bytes, its first, middle and last bytes, as one number: cheap to read, different
/// enough across words, and, with the length, the whole of a key of up to eight.
#[inline]
fn packed(b: &[u8]) -> u64 {
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32
        }
        _ => match b {
            [] => 0,
            &[a, ..] => {
                let n = b.len();
                u64::from(a) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16
            }
        },
    }
}

/// The cue slot of a key of `len` bytes read as `packed`.
#[inline]
fn cue_slot(packed: u64, len: usize) -> usize {
    // The high bits of the product depend on every bit of the input.
    let h = (packed ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 48) as usize % CUE_SLOTS
}

/// Whether two keys of the same length, more than eight bytes, are equal. Up to
/// sixteen bytes (most long words: `gouvernement`, `responsables`), two overlapping
/// reads of eight bytes each cover the whole of both: two comparisons of numbers,
/// not a call to `bcmp`. Longer ones are compared as slices.
#[inline(always)]
fn same_long_key(a: &[u8], b: &[u8]) -> bool {
    match (
        a.first_chunk::<8>(),
        a.last_chunk::<8>(),
        b.first_chunk::<8>(),
        b.last_chunk::<8>(),
    ) {
        (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) if a.len() <= 16 => {
            let eight = |bytes: &[u8; 8]| u64::from_le_bytes(*bytes);
            a.len() == b.len() && eight(a_first) == eight(b_first) && eight(a_last) == eight(b_last)
        }
        _ => a == b,
    }
}

/// Words of the first-name filter: 2^17 bits, some twelve times as many as names,
/// so that about one word in twelve that is no first name passes it.
const FIRST_NAME_WORDS: usize = 1 << 11;

/// The bit of the first-name filter of a word as written: its word in the filter and
/// the bit in that word.
#[inline]
fn first_name_bit(b: &[u8]) -> (usize, u64) {
    let h = (packed(b) ^ b.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 47;
    ((h >> 6) as usize % FIRST_NAME_WORDS, 1 << (h & 63))
}

/// The cue table of the lexicon (see [`Lexicon::cue_table`]).
#[derive(Clone, Copy)]
pub(crate) struct CueTable<'l> {
    slots: &'l [u16; CUE_SLOTS],
    keys: &'l [CueKey],
}

impl<'l> CueTable<'l> {
    /// The cues of the word key of bytes `key` (see [`Lexicon::cues`]); 0 for most
    /// words. Inlined: it runs for every word of every text.
    #[inline(always)]
    pub(crate) fn cue(self, key: &[u8]) -> u32 {
        self.find(key).map_or(0, |(_, cues)| cues)
    }

    /// The key of the table equal to the bytes `key`, as the lexicon holds it, and its
    /// cues (never 0); `None` for most words. The key held is a `&str` already: a
    /// caller with the bytes of a word needs no checked slice of its text for it.
    #[inline(always)]
    pub(crate) fn find(self, key: &[u8]) -> Option<(&'static str, u32)> {
        self.find_with_role_counts(key)
            .map(|(key, cues, _)| (key, cues))
    }

    /// [`CueTable::find`], with the word counts of the role nouns and collectives
    /// starting with the key ([`Lexicon::role_head_counts`], 0 if none).
    #[inline(always)]
    pub(crate) fn find_with_role_counts(self, key: &[u8]) -> Option<(&'static str, u32, u32)> {
        self.entry(key)
            .map(|known| (known.key, known.cues, known.role_counts))
    }

    /// The role head facts of the word key of bytes `key`: the counts of
    /// [`Lexicon::role_head_counts`] and the word alone as a role noun or a
    /// collective, from the table (no hash look-up of a one-word head). `None` for a
    /// key of no cue.
    #[inline]
    pub(crate) fn role_head(self, key: &[u8]) -> Option<RoleHead> {
        self.entry(key).map(|known| RoleHead {
            counts: known.role_counts,
            role: known.role,
            collective: known.collective,
        })
    }

    /// The organization head facts of the word key of bytes `key`: the counts of
    /// [`Lexicon::org_head_counts`] and whether the word alone is an org head or
    /// names one institution alone, from the table (no hash look-up of the key, no
    /// set look-up of a one-word head). `None` for a key of no cue.
    #[inline]
    pub(crate) fn org_head(self, key: &[u8]) -> Option<OrgHead> {
        self.entry(key).map(|known| OrgHead {
            counts: known.org_counts,
            head: known.org_head,
            alone: known.org_alone,
        })
    }

    /// The key of the table equal to the bytes `key`.
    #[inline(always)]
    fn entry(self, key: &[u8]) -> Option<&'l CueKey> {
        let packed = packed(key);
        let mut slot = cue_slot(packed, key.len());
        loop {
            // `NO_KEY`: past the keys of this slot.
            let known = self.keys.get(usize::from(self.slots[slot]))?;
            // Keys of up to eight bytes are whole in `packed`: no string comparison.
            if known.packed == packed
                && known.len == key.len()
                && (key.len() <= 8 || same_long_key(known.key.as_bytes(), key))
            {
                return Some(known);
            }
            slot = (slot + 1) % CUE_SLOTS;
        }
    }
}

/// Whether the pair of bytes `a`, `b` of a text makes an organization form odd, to
/// be folded before its look-up: `a` starts a typographic apostrophe or no-break space
/// (bytes E2 and C2), is a tab or line break, or starts a double space.
#[inline]
fn is_odd_pair(a: u8, b: u8) -> bool {
    // Every odd first byte is a space or control byte or a non-ASCII lead one: one
    // test passes over the letters, most bytes, before the exact one.
    (a <= b' ' || a >= 0xc2)
        && (matches!(a, 0xe2 | 0xc2 | b'\t' | b'\n' | b'\r') || a == b' ' && b == b' ')
}

/// The index in `words` (a run of words of `text`) of the first word that makes
/// their span odd: the pairs of bytes ([`is_odd_pair`]) from the last byte of the
/// word before it to its last but one all end within it, and no earlier word's do,
/// so the span of words `..j` is odd if and only if `j` is past that word.
#[inline]
fn first_odd_word(text: &[u8], words: &[Word]) -> Option<usize> {
    let mut from = words.first()?.start;
    let odd_at = |p: usize| is_odd_pair(text[p], text[p + 1]);
    words.iter().position(|w| {
        // The pairs from the last byte of the word before, through the gap (most
        // often a space), then those within the word.
        let gap = from..w.start;
        from = w.end - 1;
        // A word of letters only (ASCII or lead bytes C3 to C5 and continuation
        // bytes), most words, holds no odd first byte: its bytes are not gone over.
        gap.into_iter().any(odd_at) || !w.is(Word::LETTERS) && (w.start..w.end - 1).any(odd_at)
    })
}

/// [`first_odd_word`] by the position of the first odd pair of the whole span, as
/// first written: the reference of the tests.
#[cfg(test)]
fn first_odd_word_reference(text: &[u8], words: &[Word]) -> Option<usize> {
    let (first, last) = (words.first()?, words.last()?);
    let span = &text[first.start..last.end];
    let p = first.start
        + span
            .iter()
            .zip(&span[1..])
            .position(|(&a, &b)| is_odd_pair(a, b))?;
    // The first word whose end is at least two bytes past the pair's start.
    words.iter().position(|w| p + 2 <= w.end)
}

/// Replaces runs of whitespace by one space.
fn collapse_spaces(key: &mut String) {
    if key.chars().any(|c| c.is_whitespace() && c != ' ')
        || key.as_bytes().windows(2).any(|pair| pair == b"  ")
    {
        *key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

impl Lexicon {
    /// A cue: some organization form starts with this word, capitalized.
    pub const ORG_FORM: u32 = 1;
    /// A cue: some organization form starts with this word in lowercase.
    pub const ORG_FORM_LOWERCASE: u32 = 1 << 17;
    /// A cue: some organization head noun starts with this word.
    pub const ORG_HEAD: u32 = 1 << 1;
    /// A cue: some role noun or collective starts with this word.
    pub const ROLE_HEAD: u32 = 1 << 2;
    /// A determiner of one person (`grammar.txt`, `[determiners-singular]`).
    pub const DET_SINGULAR: u32 = 1 << 3;
    /// A determiner of a group (`[determiners-plural]`).
    pub const DET_PLURAL: u32 = 1 << 4;
    /// A number word (`[number-words]`).
    pub const NUMBER_WORD: u32 = 1 << 5;
    /// A noun of quantity (`[quantities]`).
    pub const QUANTITY: u32 = 1 << 6;
    /// A capitalized word that is not a name (`[common-capitals]`).
    pub const COMMON_CAPITAL: u32 = 1 << 7;
    /// A particle of a person's name (`[particles]`).
    pub const PARTICLE: u32 = 1 << 8;
    /// A street, building or event noun (`[address-nouns]`).
    pub const ADDRESS: u32 = 1 << 9;
    /// A word ending a noun phrase (`[stops]`).
    pub const STOP: u32 = 1 << 10;
    /// `de`, `d'`, `du`, `des` (`[complement-prepositions]`).
    pub const COMPLEMENT: u32 = 1 << 11;
    /// A preposition before a place (`[place-prepositions]`).
    pub const PLACE_PREPOSITION: u32 = 1 << 12;
    /// A noun announcing an organization (`[organization-cues]`).
    pub const ORG_CUE: u32 = 1 << 13;
    /// An adjective before a role noun (`roles.txt`, `[pre-adjectives]`).
    pub const PRE_ADJECTIVE: u32 = 1 << 14;
    /// An adjective after a role noun (`[post-adjectives]`).
    pub const POST_ADJECTIVE: u32 = 1 << 15;
    /// A nationality adjective (`demonyms.tsv` of the places).
    pub const DEMONYM: u32 = 1 << 16;
    /// The key of a civil title (`roles.txt`, `[titles]`): the title itself may be
    /// written so.
    pub const TITLE: u32 = 1 << 18;

    /// Parses the data files (see their headers for the formats).
    pub fn load(
        first_names: &'static str,
        roles: &'static str,
        orgs: &'static str,
        grammar: &'static str,
        demonym_data: &'static str,
    ) -> Lexicon {
        // Sized once for every line: the biggest map, else rehashed as it grows.
        let mut names = FastMap::with_capacity_and_hasher(
            memchr::memchr_iter(b'\n', first_names.as_bytes()).count() + 1,
            BuildHasherDefault::default(),
        );
        let mut first_name_bits: Box<[u64; FIRST_NAME_WORDS]> = vec![0; FIRST_NAME_WORDS]
            .into_boxed_slice()
            .try_into()
            .expect("FIRST_NAME_WORDS words");
        for line in data_lines(first_names) {
            let mut cols = split_at_byte(line, b'\t');
            let (Some(name), gender, ambiguous) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let (word, bit) = first_name_bit(name.as_bytes());
            first_name_bits[word] |= bit;
            names.insert(
                name,
                FirstName {
                    gender: gender.and_then(|g| g.bytes().next()).unwrap_or(b'x'),
                    ambiguous: ambiguous == Some("1"),
                },
            );
        }

        // Sized once for the most keys the files may give (up to four forms a role
        // line, a key a line of the others): else rehashed as they grow.
        let line_count = |data: &str| memchr::memchr_iter(b'\n', data.as_bytes()).count() + 1;
        let mut keys = Keys(std::collections::HashSet::with_capacity_and_hasher(
            4 * line_count(roles)
                + line_count(grammar)
                + line_count(demonym_data)
                + line_count(orgs),
            BuildHasherDefault::default(),
        ));
        let mut role_forms =
            FastMap::with_capacity_and_hasher(4 * line_count(roles), BuildHasherDefault::default());
        for line in section(roles, "roles").chain(section(roles, "compound-roles")) {
            let cols: Vec<&str> = split_at_byte(line, b'|').map(str::trim).collect();
            let Some(&lemma) = cols.first() else { continue };
            let lemma = keys.lower(lemma);
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
                let key = keys.lower(form);
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
                if lowercase && !is_own_key(line) {
                    out.push_str(&key_of(line));
                } else {
                    out.push_str(line);
                }
                out.push('\n');
            }
            WordSet::parse_in_place(Box::leak(out.into_boxed_str()))
        };
        let collectives = set("collectives", true);
        let org_heads = set("org-heads", true);

        let mut organizations = Vec::new();
        let mut org_forms = FastMap::default();
        let mut org_first_words: FastMap<&'static str, FormStarts> = FastMap::default();
        let mut form_words = Vec::new();
        let mut ambiguous = false;
        for line in lines(orgs).map(str::trim) {
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
                // Cut as the text will be, so that a form is a run of words.
                form_words.clear();
                words::split(form, 0..form.len(), &mut form_words);
                let Some(first) = form_words.first() else {
                    continue;
                };
                let count = form_words.len().min(32);
                let starts = org_first_words.entry(first.text(form)).or_default();
                starts.counts |= 1 << (count - 1);
                if count >= 2 {
                    starts.add_pair(form, first);
                }
                starts.lengths |= 1 << form.len().min(127);
                org_forms.entry(form).or_insert(index);
            }
        }

        let org_alone = set("org-alone", true);
        let pre_adjectives = set("pre-adjectives", true);
        let post_adjectives = set("post-adjectives", true);
        let mut demonyms = FastMap::default();
        for line in data_lines(demonym_data) {
            if let Some((form, country)) = line.split_once('\t') {
                demonyms.insert(keys.lower(form), country);
            }
        }
        // At most one cue entry a key: sized once.
        let mut cues: FastMap<&'static str, u32> =
            FastMap::with_capacity_and_hasher(keys.0.len(), BuildHasherDefault::default());
        // The cues of each key (each key kept once, see [`Keys`]).
        let mut cue = |form: &'static str, bit: u32| {
            *cues.entry(keys.lower(form)).or_insert(0) |= bit;
        };
        let grammar_sections = [
            ("determiners-singular", Self::DET_SINGULAR),
            ("determiners-plural", Self::DET_PLURAL),
            ("number-words", Self::NUMBER_WORD),
            ("quantities", Self::QUANTITY),
            ("common-capitals", Self::COMMON_CAPITAL),
            ("particles", Self::PARTICLE),
            ("address-nouns", Self::ADDRESS),
            ("stops", Self::STOP),
            ("complement-prepositions", Self::COMPLEMENT),
            ("place-prepositions", Self::PLACE_PREPOSITION),
            ("organization-cues", Self::ORG_CUE),
        ];
        for (name, bit) in grammar_sections {
            for word in section(grammar, name) {
                cue(word, bit);
            }
        }
        for word in pre_adjectives.iter() {
            cue(word, Self::PRE_ADJECTIVE);
        }
        for word in post_adjectives.iter() {
            cue(word, Self::POST_ADJECTIVE);
        }
        for &word in demonyms.keys() {
            cue(word, Self::DEMONYM);
        }
        for &first in org_first_words.keys() {
            let capital = first.starts_with(char::is_uppercase);
            cue(
                first,
                if capital {
                    Self::ORG_FORM
                } else {
                    Self::ORG_FORM_LOWERCASE
                },
            );
        }
        let mut role_head_counts = FastMap::default();
        let mut org_head_counts = FastMap::default();
        let mut count_words = |key: &'static str, counts: &mut FastMap<&'static str, u32>| {
            form_words.clear();
            words::split(key, 0..key.len(), &mut form_words);
            if let Some(first) = form_words.first() {
                *counts.entry(first.text(key)).or_insert(0) |= 1 << (form_words.len().min(32) - 1);
            }
        };
        for head in org_heads.iter().chain(org_alone.iter()) {
            count_words(head, &mut org_head_counts);
        }
        for head in role_forms.keys().copied().chain(collectives.iter()) {
            count_words(head, &mut role_head_counts);
        }
        for &first in org_head_counts.keys() {
            cue(first, Self::ORG_HEAD);
        }
        for &first in role_head_counts.keys() {
            cue(first, Self::ROLE_HEAD);
        }
        let titles = set("titles", false);
        for title in titles.iter() {
            cue(title, Self::TITLE);
        }
        let mut cue_slots: Box<[u16; CUE_SLOTS]> = vec![NO_KEY; CUE_SLOTS]
            .into_boxed_slice()
            .try_into()
            .expect("CUE_SLOTS slots");
        let mut cue_keys = Vec::with_capacity(cues.len());
        assert!(
            cues.len() < CUE_SLOTS / 2,
            "too many cue keys for the cue table"
        );
        for (&key, &bits) in &cues {
            let b = key.as_bytes();
            let packed = packed(b);
            let mut slot = cue_slot(packed, b.len());
            while cue_slots[slot] != NO_KEY {
                slot = (slot + 1) % CUE_SLOTS;
            }
            cue_slots[slot] = cue_keys.len() as u16;
            cue_keys.push(CueKey {
                packed,
                len: b.len(),
                key,
                cues: bits,
                role_counts: 0,
                org_counts: 0,
                org_head: false,
                org_alone: false,
                role: None,
                collective: None,
            });
        }
        // The role and org head counts beside the cues, each key found by a probe of
        // the table (cheaper than a hash look-up of each key of the table).
        let probe = |cue_keys: &[CueKey], key: &str| {
            let b = key.as_bytes();
            let mut slot = cue_slot(packed(b), b.len());
            loop {
                let at = usize::from(cue_slots[slot]);
                if cue_keys.get(at)?.key == key {
                    return Some(at);
                }
                slot = (slot + 1) % CUE_SLOTS;
            }
        };
        for (&first, &counts) in &role_head_counts {
            if let Some(at) = probe(&cue_keys, first) {
                cue_keys[at].role_counts = counts;
            }
        }
        for (&first, &counts) in &org_head_counts {
            if let Some(at) = probe(&cue_keys, first) {
                cue_keys[at].org_counts = counts;
            }
        }
        // The one-word heads: an entry that is a key of the table (the first word of a
        // head is one, and a phrase of words is none).
        for head in org_heads.iter() {
            if let Some(at) = probe(&cue_keys, head) {
                cue_keys[at].org_head = true;
            }
        }
        for head in org_alone.iter() {
            if let Some(at) = probe(&cue_keys, head) {
                cue_keys[at].org_alone = true;
            }
        }
        // The one-word role nouns and collectives, likewise.
        for (&form, &role) in &role_forms {
            if let Some(at) = probe(&cue_keys, form) {
                cue_keys[at].role = Some(role);
            }
        }
        for collective in collectives.iter() {
            if let Some(at) = probe(&cue_keys, collective) {
                cue_keys[at].collective = Some(collective);
            }
        }
        Lexicon {
            first_names: names,
            first_name_bits,
            cues,
            cue_slots,
            cue_keys,
            roles: role_forms,
            collectives,
            org_heads,
            org_alone,
            titles,
            pre_adjectives,
            post_adjectives,
            demonyms,
            role_head_counts,
            org_head_counts,
            // `grammar` is the data as given (on the heap, `in_heap`): kept in place.
            not_organizations: WordSet::parse_in_place({
                let start = grammar
                    .find("[not-organizations]")
                    .map_or(grammar.len(), |i| i + 19);
                &grammar[start..]
            }),
            organizations,
            org_forms,
            article_starts: ["Le", "La", "Les"].map(|w| org_first_words.get(w).copied()),
            org_first_words,
        }
    }

    /// The cues of a word key (see [`Lexicon::cues`]); 0 for most words.
    #[inline]
    pub fn cue(&self, key: &str) -> u32 {
        self.cue_table().cue(key.as_bytes())
    }

    /// The table behind [`Lexicon::cue`], to look up many words: taken once, its
    /// parts stay in registers across the loop.
    #[inline]
    pub(crate) fn cue_table(&self) -> CueTable<'_> {
        CueTable {
            slots: &self.cue_slots,
            keys: &self.cue_keys,
        }
    }

    /// The first name written `word` (`Jean-Michel`), if it is one. Most words
    /// looked up are none: the filter's bit, clear for them, spares the hash look-up.
    #[inline]
    pub fn first_name(&self, word: &str) -> Option<FirstName> {
        let (at, bit) = first_name_bit(word.as_bytes());
        if self.first_name_bits[at] & bit == 0 {
            return None;
        }
        self.first_names.get(word).copied()
    }

    /// [`Lexicon::cue`] as a hash look-up: the reference of the tests.
    #[cfg(test)]
    fn cue_reference(&self, key: &str) -> u32 {
        self.cues.get(key).copied().unwrap_or(0)
    }

    /// The longest organization of the lexicon named by the words of `text` from
    /// `words[i]`: the index after its last word, and its index in
    /// [`Lexicon::organizations`]. `buf` is scratch space.
    pub fn organization_at(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
        buf: &mut String,
    ) -> Option<(usize, u32)> {
        let word = words[i].text(text);
        // `Le`, `La`, `Les`: most words asked about, whose entries are at hand.
        let starts = match word.as_bytes() {
            b"Le" => self.article_starts[0],
            b"La" => self.article_starts[1],
            b"Les" => self.article_starts[2],
            _ => self.org_first_words.get(word).copied(),
        }?;
        let mut counts = starts.counts;
        // Most words starting forms of several words start none here (`Le maire`):
        // only the one-word forms are left to look up, if any.
        if !starts.may_go_on(text.as_bytes(), words, i) {
            counts &= 1;
            if counts == 0 {
                return None;
            }
        }
        self.longest_organization(text, words, i, buf, starts, counts)
    }

    /// [`Lexicon::organization_at`] without the look at the next word: the reference
    /// of the tests.
    #[cfg(test)]
    fn organization_at_reference(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
        buf: &mut String,
    ) -> Option<(usize, u32)> {
        let starts = *self.org_first_words.get(words[i].text(text))?;
        self.longest_organization(text, words, i, buf, starts, starts.counts)
    }

    /// The longest organization form of `counts` words (bit `k - 1` for `k`) of the
    /// forms `starts` starting with words `i..`, as [`Lexicon::organization_at`].
    #[inline]
    fn longest_organization(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
        buf: &mut String,
        starts: FormStarts,
        counts: u32,
    ) -> Option<(usize, u32)> {
        let longest = 32 - counts.leading_zeros() as usize;
        let last = (i + longest).min(words.len());
        let start = words[i].start;
        // Typographic apostrophes and odd spacing are folded; most forms have none
        // (`’` and the no-break spaces start with bytes E2 and C2). The first word
        // that makes a form odd, found once for the longest one: the forms of words
        // `i..j` with `j` past it are odd.
        let first_odd = first_odd_word(text.as_bytes(), &words[i..last]).map(|k| i + k);
        // The folded forms of words `i..j` are the prefixes of that of the longest,
        // built once in `buf`: words joined by one space where spaces separate them,
        // `’` as `'`. `folded_end[j - i]` is the end of that of words `i..j`. Only for
        // an odd span, most are not: no array to clear for them.
        let folded_end = first_odd.map(|_| {
            let mut folded_end = [0; 33];
            buf.clear();
            for k in i..last {
                if k > i && words[k].start > words[k - 1].end {
                    buf.push(' ');
                }
                for (n, part) in words[k].text(text).split('’').enumerate() {
                    if n > 0 {
                        buf.push('\'');
                    }
                    buf.push_str(part);
                }
                folded_end[k + 1 - i] = buf.len();
            }
            folded_end
        });
        for j in (i + 1..=last).rev() {
            if counts & (1 << ((j - i).min(32) - 1)) == 0 {
                continue;
            }
            let end = words[j - 1].end;
            let odd = first_odd.is_some_and(|k| k < j);
            let key = if let Some(folded_end) = folded_end.as_ref().filter(|_| odd) {
                &buf[..folded_end[j - i]]
            } else if starts.has_length(end - start) {
                &text[start..end]
            } else {
                // No form starting with this word has this length (a form that is not
                // odd starts with the word as written).
                continue;
            };
            if let Some(&index) = self.org_forms.get(key) {
                return Some((j, index));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_that_is_its_own_key_is_not_copied() {
        // Found by the fuzzer's leak check: every entry's key was leaked, even those
        // equal to the entry, and some were then dropped from the tables.
        let entry: &'static str = "ministère de l'intérieur";
        let mut keys = Keys::default();
        assert!(std::ptr::eq(keys.lower(entry), entry));
        // Another spelling of the same key gets the same copy, not a new one.
        assert!(std::ptr::eq(keys.lower("Ministère  de l’Intérieur"), entry));
        let capital = keys.lower("Sénat");
        assert_eq!(capital, "sénat");
        assert!(std::ptr::eq(keys.lower("SÉNAT"), capital));
    }

    proptest::proptest! {
        #[test]
        fn an_own_key_is_its_key(form in "[a-zA-Zéèà’'É\u{a0}\t\n -]{0,12}") {
            if is_own_key(&form) {
                proptest::prop_assert_eq!(key_of(&form), form);
            }
        }

        #[test]
        fn is_own_key_is_the_unicode_test(
            form in "[\u{0}-\u{17f}’\u{2000}-\u{200b}\u{3000}Σσ]{0,12}"
        ) {
            proptest::prop_assert_eq!(is_own_key(&form), is_own_key_by_chars(&form));
        }
    }

    #[test]
    fn the_cue_table_finds_every_key_and_only_them() {
        let lex = lexicon();
        for (&key, &bits) in &lex.cues {
            assert_eq!(lex.cue(key), bits, "{key}");
            // The key found is the one asked for, with its cues.
            assert_eq!(lex.cue_table().find(key.as_bytes()), Some((key, bits)));
            // With the role head counts of the key.
            let counts = lex.role_head_counts.get(key).copied().unwrap_or(0);
            assert_eq!(counts != 0, bits & Lexicon::ROLE_HEAD != 0, "{key}");
            assert_eq!(
                lex.cue_table().find_with_role_counts(key.as_bytes()),
                Some((key, bits, counts))
            );
            // With the org head facts of the key.
            let org_counts = lex.org_head_counts.get(key).copied().unwrap_or(0);
            assert_eq!(org_counts != 0, bits & Lexicon::ORG_HEAD != 0, "{key}");
            assert_eq!(
                lex.cue_table().org_head(key.as_bytes()),
                Some(OrgHead {
                    counts: org_counts,
                    head: lex.org_heads.contains(key),
                    alone: lex.org_alone.contains(key),
                }),
                "{key}"
            );
            // With the role head facts of the key.
            assert_eq!(
                lex.cue_table().role_head(key.as_bytes()),
                Some(RoleHead {
                    counts,
                    role: lex.roles.get(key).copied(),
                    collective: lex.collectives.get(key),
                }),
                "{key}"
            );
            // Near misses: a letter more or less, another last letter.
            let mut chars = key.chars();
            chars.next_back();
            let cut = chars.as_str();
            for other in [
                format!("{key}s"),
                format!("x{key}"),
                cut.to_string(),
                format!("{cut}z"),
            ] {
                assert_eq!(lex.cue(&other), lex.cue_reference(&other), "{other}");
            }
        }
        assert_eq!(lex.cue("le"), lex.cues["le"]);
        assert_ne!(lex.cue("le"), 0);
        assert_eq!(lex.cue("zzzyzzy"), 0);
        assert_eq!(lex.cue(""), 0);
    }

    proptest::proptest! {
        #[test]
        fn cue_is_the_hash_look_up(key in "[a-eélrs' -]{0,12}") {
            let lex = lexicon();
            proptest::prop_assert_eq!(lex.cue(&key), lex.cue_reference(&key));
            // `find` gives back the key asked for, when the table has it.
            let found = lex.cue_table().find(key.as_bytes());
            let reference = lex.cues.get_key_value(key.as_str()).map(|(&k, &c)| (k, c));
            proptest::prop_assert_eq!(found, reference);
        }

        #[test]
        fn same_long_key_is_the_slice_comparison(
            a in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24),
            at in 0usize..24,
            by in 0u8..=255,
            cut in proptest::prelude::any::<bool>(),
        ) {
            // The same key, or one with a byte changed (`by` 0: none) or one less.
            let mut b = a.clone();
            if let Some(byte) = b.get_mut(at) {
                *byte = byte.wrapping_add(by);
            }
            if cut {
                b.pop();
            }
            proptest::prop_assert_eq!(same_long_key(&a, &b), a == b);
            proptest::prop_assert!(same_long_key(&a, &a));
        }

        #[test]
        fn packed_is_the_whole_of_a_short_key(
            key in proptest::collection::vec(proptest::prelude::any::<u8>(), 1..=8),
            at in 0usize..8,
            by in 1u8..=255,
        ) {
            // Any other byte anywhere in a key of up to eight bytes changes its packed
            // bytes: the cue table compares them instead of the keys.
            let mut other = key.clone();
            let at = at % key.len();
            other[at] = other[at].wrapping_add(by);
            proptest::prop_assert_ne!(packed(&key), packed(&other));
        }
    }

    #[test]
    fn the_first_name_filter_passes_every_first_name() {
        let lex = lexicon();
        for (&name, &first) in &lex.first_names {
            assert_eq!(lex.first_name(name), Some(first), "{name}");
        }
        assert_eq!(lex.first_name("Zzyzxq"), None);
        // The filter turns most other words away before the hash look-up.
        let passed = ["Paris", "Le", "Gouvernement", "ONU", "Macron", "Assemblée"]
            .iter()
            .filter(|w| {
                let (at, bit) = first_name_bit(w.as_bytes());
                lex.first_name_bits[at] & bit != 0
            })
            .count();
        assert!(passed < 6, "{passed}");
    }

    proptest::proptest! {
        #[test]
        fn first_name_is_the_hash_look_up(word in "[A-ZÉa-zéèï' -]{0,10}") {
            let lex = lexicon();
            proptest::prop_assert_eq!(lex.first_name(&word), lex.first_names.get(word.as_str()).copied());
        }
    }

    proptest::proptest! {
        #[test]
        fn first_odd_word_is_the_first_odd_pair(
            text in "([A-Za-zéÉ]{1,5}|[0-9]{1,2}|[ \u{a0}\u{202f}\t\n’'«»—.,-]){0,20}",
            from in 0usize..20,
            count in 0usize..20,
        ) {
            let mut words = Vec::new();
            crate::words::split(&text, 0..text.len(), &mut words);
            let from = from.min(words.len());
            let run = &words[from..(from + count).min(words.len())];
            proptest::prop_assert_eq!(
                first_odd_word(text.as_bytes(), run),
                first_odd_word_reference(text.as_bytes(), run)
            );
        }
    }

    #[test]
    fn the_first_odd_word() {
        let odd = |text: &str| {
            let mut words = Vec::new();
            crate::words::split(text, 0..text.len(), &mut words);
            first_odd_word(text.as_bytes(), &words)
        };
        assert_eq!(odd("ministère de l'Intérieur"), None);
        assert_eq!(odd("ministère de l’Intérieur"), Some(2));
        assert_eq!(odd("Croix  Rouge"), Some(1));
        assert_eq!(odd("Croix\u{a0}Rouge"), Some(1));
        assert_eq!(odd(""), None);
    }

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
        let mut words = Vec::new();
        crate::words::split(text, 0..text.len(), &mut words);
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match lex.organization_at(text, &words, i, &mut String::new()) {
                Some((j, _)) => {
                    found.push(&text[words[i].start..words[j - 1].end]);
                    i = j;
                }
                None => i += 1,
            }
        }
        assert_eq!(found, ["ONU", "ministère de l’Intérieur", "Croix-Rouge"]);
    }

    /// `organization_at` and its reference at every word of `text`.
    fn check_organizations_at(text: &str) -> Vec<Option<(usize, u32)>> {
        let lex = lexicon();
        let mut words = Vec::new();
        crate::words::split(text, 0..text.len(), &mut words);
        let (mut buf, mut reference_buf) = (String::new(), String::new());
        (0..words.len())
            .map(|i| {
                let found = lex.organization_at(text, &words, i, &mut buf);
                let reference = lex.organization_at_reference(text, &words, i, &mut reference_buf);
                assert_eq!(found, reference, "{text:?} at word {i}");
                found
            })
            .collect()
    }

    #[test]
    fn the_next_word_filter_keeps_every_form() {
        let lex = lexicon();
        for (&form, &index) in &lex.org_forms {
            // The form as written, with `’`, odd spaces, or after and before other
            // words: found all the same.
            for text in [
                form.to_string(),
                form.replace('\'', "’"),
                form.replacen(' ', "  ", 1),
                form.replacen(' ', "\u{a0}", 1),
                format!("Le {form}, dit-il"),
                format!("{form} et la suite"),
            ] {
                let found = check_organizations_at(&text);
                if text == form {
                    let mut words = Vec::new();
                    crate::words::split(form, 0..form.len(), &mut words);
                    assert_eq!(found[0], Some((words.len(), index)), "{form}");
                }
            }
        }
        // The filter turns away the common words after a determiner, and keeps a name.
        let found = check_organizations_at("Le maire et Le Monde, La ville et La Poste.");
        assert_eq!(found[0], None);
        assert_eq!(found[3].map(|(j, _)| j), Some(5));
        assert_eq!(found[9].map(|(j, _)| j), Some(11));
    }

    proptest::proptest! {
        #[test]
        fn organization_at_is_its_reference(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Le", "La", "Les", "L'", "L’", "Monde", "monde", "Échos", "échos",
                    "Poste", "France", "2", "Express", "Figaro", "maire", "d'", "d’",
                    "État", "islamique", "Nations", "unies", "Organisation", "des", "ONU",
                    " ", "  ", "\u{a0}", "\t", ",", "-",
                ]),
                0..12,
            ),
        ) {
            check_organizations_at(&parts.concat());
        }
    }

    #[test]
    fn a_small_lexicon() {
        let lex = Lexicon::load(
            "# h\nJean\tm\t0\nRose\tf\t1\n",
            "[roles]\nministre | ministre | ministres | ministres\n[compound-roles]\nchef de l'État | cheffe de l'État | chefs d'État | -\n[collectives]\nforces de l’ordre\n[titles]\nM.\n",
            "# h\nOrganisation des Nations unies | ONU\n[ambiguous]\nOrange\n",
            "[stops]\nqui\n[not-organizations]\nPIB\n",
            "# h\nrusse\tRU\n",
        );
        assert_eq!(lex.cue("qui"), Lexicon::STOP);
        assert_eq!(lex.cue("russe"), Lexicon::DEMONYM);
        assert_eq!(lex.demonyms["russe"], "RU");
        assert!(lex.not_organizations.contains("PIB"));
        assert!(lex.first_names["Rose"].ambiguous);
        assert_eq!(lex.first_names["Jean"].gender, b'm');
        assert_eq!(lex.roles["chef de l'état"].lemma, "chef de l'état");
        assert!(lex.collectives.contains("forces de l'ordre"));
        // `chef de l'État`: four words, cut as the text is.
        assert_eq!(lex.role_head_counts["chef"] & (1 << 3), 1 << 3);
        assert!(lex.organizations[1].ambiguous && !lex.organizations[0].ambiguous);
    }
}
