//! The gazetteer: every place depeche knows, loaded once per process from the
//! generated `data/gazetteer.tsv`, indexed by normalized name for a token-by-token
//! leftmost-longest search.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon::{split_at_byte, Fnv1a};
use crate::record::PlaceKind;
use crate::swar::{bytes_of, zero_bytes};

/// One place of the gazetteer. Strings borrow the embedded data file.
#[derive(Debug, Clone)]
pub struct Place {
    /// Canonical French name.
    pub name: &'static str,
    /// City, country, region...
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, if any.
    pub country: Option<&'static str>,
    /// GeoNames id, if known.
    pub geonames: Option<u64>,
    /// Inhabitants, 0 if unknown: ranks homonyms.
    pub population: u64,
    /// Names of the areas containing it (département, région, state), `|`-separated.
    pub context: &'static str,
    /// Also a common French word: a place only in a place context.
    pub ambiguous: bool,
}

/// How a surface form relates to its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The name or an alias, as written.
    Full,
    /// A name whose article is part of it (`Le Caire`), without the article: only
    /// valid after a contraction (`au Caire`, `du Havre`).
    WithoutArticle,
    /// A name that blocks places inside it (`Quai d'Orsay`, `Air France`).
    Blocker,
}

/// A surface form found under a key: which place, and how.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// Index into [`Gazetteer::places`]; unused for blockers.
    pub place: u32,
    /// How the form relates to the place.
    pub kind: FormKind,
    /// The form as written in the data, to check capitalization.
    pub text: &'static str,
}

/// A node of the index: a normalized token sequence that is a form, the prefix of a
/// longer one, or both.
#[derive(Debug, Default, Clone, Copy)]
pub struct Node {
    /// Where this key's forms are in [`Gazetteer::forms`].
    first_form: u32,
    form_count: u32,
    /// Some longer form starts with this key.
    pub is_prefix: bool,
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv1a>>;

/// The gazetteer's index: an open-addressing table keyed by the [`fnv`] hash of the
/// key. The search has that hash already (it hashes a capital's word for the Bloom
/// filters, and extends the hash word by word as a name grows), where a `HashMap`
/// would hash the whole key again at each look-up.
#[derive(Debug)]
pub struct Index {
    /// A power of two of slots, at most half full; a free slot has an empty key.
    slots: Box<[Slot]>,
    len: usize,
}

/// A slot of [`Index`]: a key, the high half of its hash, its node.
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    key: &'static str,
    tag: u32,
    node: Node,
}

impl Index {
    /// An empty index for about `n` keys.
    fn with_capacity(n: usize) -> Index {
        Index {
            slots: vec![Slot::default(); (2 * n).next_power_of_two().max(2)].into_boxed_slice(),
            len: 0,
        }
    }

    /// The first slot to probe for hash `h`.
    #[inline]
    fn home(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// The node of `key` (of [`fnv`] hash `h`), inserted as a default one if absent.
    /// `key` is not empty: an empty key marks a free slot.
    fn entry(&mut self, key: &'static str, h: u64) -> &mut Node {
        debug_assert!(!key.is_empty(), "the gazetteer index takes no empty key");
        if 2 * (self.len + 1) > self.slots.len() {
            let old = std::mem::replace(self, Index::with_capacity(self.slots.len()));
            for slot in old.slots.iter().filter(|s| !s.key.is_empty()) {
                *self.entry(slot.key, fnv(slot.key.as_bytes())) = slot.node;
            }
        }
        let mask = self.slots.len() - 1;
        let tag = (h >> 32) as u32;
        let mut i = self.home(h);
        while !self.slots[i].key.is_empty() {
            if self.slots[i].tag == tag && self.slots[i].key == key {
                return &mut self.slots[i].node;
            }
            i = (i + 1) & mask;
        }
        self.len += 1;
        self.slots[i] = Slot {
            key,
            tag,
            node: Node::default(),
        };
        &mut self.slots[i].node
    }

    /// The node of `key`, whose [`fnv`] hash is `h`.
    #[inline]
    pub fn get_hashed(&self, key: &str, h: u64) -> Option<&Node> {
        let mask = self.slots.len() - 1;
        let tag = (h >> 32) as u32;
        let mut i = self.home(h);
        loop {
            let slot = &self.slots[i];
            if slot.key.is_empty() {
                return None;
            }
            if slot.tag == tag && slot.key == key {
                return Some(&slot.node);
            }
            i = (i + 1) & mask;
        }
    }

    /// The node of `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.get_hashed(key, fnv(key.as_bytes()))
    }

    /// How many keys the index holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the index holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every key and its node.
    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = (&'static str, &Node)> + '_ {
        self.slots
            .iter()
            .filter(|s| !s.key.is_empty())
            .map(|s| (s.key, &s.node))
    }
}

/// All places and their index.
///
/// Keys are slices of one string holding every normalized form, made once per
/// process; the forms of all keys share one vector. Building it is a few large
/// allocations rather than one per name.
#[derive(Debug)]
pub struct Gazetteer {
    /// The places.
    pub places: Vec<Place>,
    /// Every form, grouped by key.
    forms: Vec<Form>,
    /// Normalized token sequences (`saint etienne`) → forms and prefix flag.
    pub index: Index,
    /// The plain map that [`Index`] replaces, to check it against.
    #[cfg(test)]
    pub plain_index: FastMap<&'static str, Node>,
    /// Demonyms and nationality adjectives, normalized (`russe`, `americaines`).
    pub demonyms: FastMap<&'static str, &'static str>,
    /// Normalized first words of names that start in lowercase (`mer`, `golfe`,
    /// `canton`): where a search may start before a capitalized word.
    pub lowercase_heads: FastMap<&'static str, ()>,
    /// Normalized words that follow a lowercase head in some name (`nord` in `mer du
    /// Nord`, `persique`): only before these is it worth looking back for a head.
    pub after_heads: FastMap<&'static str, ()>,
    /// A Bloom filter of the first words of all keys, small enough to stay in cache:
    /// most capitalized words of a text start no name, and this says so without a
    /// look-up in the big index.
    first_words: Vec<u64>,
    /// A Bloom filter of the words of `after_heads`, on the same hash: most words
    /// that may start a name follow no head, and this says so without hashing them
    /// again for a look-up in the map.
    after_head_words: Vec<u64>,
}

/// Bits of the first-word filter (64 KiB).
const FILTER_BITS: u64 = 1 << 19;

/// Bits of the after-head filter (8 KiB).
const AFTER_HEAD_BITS: u64 = 1 << 16;

/// Sets the two bits of hash `h` in the Bloom filter `bits` of `SIZE` bits (a
/// constant, so that the remainders are masks, not divisions).
fn set_bits<const SIZE: u64>(bits: &mut [u64], h: u64) {
    for bit in [h % SIZE, (h >> 32) % SIZE] {
        bits[(bit / 64) as usize] |= 1 << (bit % 64);
    }
}

/// Whether both bits of hash `h` are set in the Bloom filter `bits` of `SIZE` bits.
fn has_bits<const SIZE: u64>(bits: &[u64], h: u64) -> bool {
    [h % SIZE, (h >> 32) % SIZE]
        .iter()
        .all(|bit| bits[(bit / 64) as usize] & (1 << (bit % 64)) != 0)
}

/// The FNV-1a hash of `bytes`, as [`Gazetteer::may_start_hashed`] takes it.
pub fn fnv(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::default();
    hasher.write(bytes);
    hasher.finish()
}

/// The [`fnv`] hash of `a` followed by `bytes`, from `h`, the hash of `a`: a key that
/// grows word by word is hashed once.
#[inline]
pub fn fnv_extend(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::load(
        crate::lexicon::in_heap(include_str!("data/gazetteer.tsv")),
        crate::lexicon::in_heap(include_str!("data/demonyms.tsv")),
        crate::lexicon::in_heap(include_str!("not_places.txt")),
    )
});

/// The process-wide gazetteer, built on first use.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Node {
    /// How many forms have this key (0 for a prefix only).
    pub fn form_count(&self) -> usize {
        self.form_count as usize
    }
}

/// A form waiting for the index: its key as a range of the key arena.
struct Pending {
    key: (u32, u32),
    form: Form,
}

impl Gazetteer {
    /// Builds the gazetteer from its data files (see `scripts/gen_places.py`).
    ///
    /// The normalized keys live in one string leaked for the life of the process
    /// (a few megabytes, once): the gazetteer is a process-wide table.
    pub fn load(places: &'static str, demonyms: &'static str, blockers: &'static str) -> Self {
        let mut arena = String::with_capacity(places.len() / 3);
        let mut pending: Vec<Pending> = Vec::with_capacity(places.len() / 40);
        let mut place_list = Vec::with_capacity(places.len() / 48);
        let mut key = String::new();
        let mut push = |arena: &mut String, form: &'static str, place: u32, kind: FormKind| {
            normalize_name(form, &mut key);
            if key.is_empty() {
                return;
            }
            let start = arena.len() as u32;
            arena.push_str(&key);
            pending.push(Pending {
                key: (start, arena.len() as u32),
                form: Form {
                    place,
                    kind,
                    text: form,
                },
            });
        };
        for line in data_lines(places) {
            let Some((place, aliases)) = parse_place(line) else {
                continue;
            };
            let id = place_list.len() as u32;
            for form in std::iter::once(place.name).chain(split_at_byte(aliases, b'|')) {
                if form.is_empty() {
                    continue;
                }
                push(&mut arena, form, id, FormKind::Full);
                if let Some(bare) = strip_article(form) {
                    push(&mut arena, bare, id, FormKind::WithoutArticle);
                }
            }
            place_list.push(place);
        }
        for line in data_lines(blockers) {
            push(&mut arena, line, u32::MAX, FormKind::Blocker);
        }
        let mut demonym_keys = Vec::new();
        for line in data_lines(demonyms) {
            let mut fields = line.split('\t');
            if let (Some(form), Some(country)) = (fields.next(), fields.next()) {
                normalize_name(form, &mut key);
                let start = arena.len();
                arena.push_str(&key);
                demonym_keys.push((start, arena.len(), country));
            }
        }
        let arena: &'static str = Box::leak(arena.into_boxed_str());
        let slice = |(start, end): (u32, u32)| &arena[start as usize..end as usize];
        // The forms grouped by key, each group in the order of the data: a counting
        // sort on the key's rank of first appearance (a comparison sort of the
        // strings was a third of the start-up time).
        let mut ranks: FastMap<&str, u32> = FastMap::default();
        ranks.reserve(pending.len());
        let mut rank_of = Vec::with_capacity(pending.len());
        for p in &pending {
            let next = ranks.len() as u32;
            rank_of.push(*ranks.entry(slice(p.key)).or_insert(next));
        }
        let mut starts = vec![0u32; ranks.len() + 1];
        for &r in &rank_of {
            starts[r as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut order = vec![0u32; pending.len()];
        for (i, &r) in rank_of.iter().enumerate() {
            order[starts[r as usize] as usize] = i as u32;
            starts[r as usize] += 1;
        }
        drop(ranks);
        let pending: Vec<&Pending> = order.iter().map(|&i| &pending[i as usize]).collect();

        let mut gazetteer = Gazetteer {
            places: place_list,
            forms: Vec::with_capacity(pending.len()),
            index: Index::with_capacity(pending.len() * 5 / 4),
            #[cfg(test)]
            plain_index: FastMap::default(),
            demonyms: FastMap::default(),
            lowercase_heads: FastMap::default(),
            after_heads: FastMap::default(),
            first_words: vec![0; (FILTER_BITS / 64) as usize],
            after_head_words: vec![0; (AFTER_HEAD_BITS / 64) as usize],
        };
        for group in pending.chunk_by(|a, b| slice(a.key) == slice(b.key)) {
            let key = slice(group[0].key);
            let first_form = gazetteer.forms.len() as u32;
            for p in group {
                let duplicate = gazetteer.forms[first_form as usize..]
                    .iter()
                    .any(|f| f.place == p.form.place && f.kind == p.form.kind);
                if !duplicate {
                    gazetteer.forms.push(p.form);
                }
                if p.form.text.starts_with(char::is_lowercase) {
                    let mut words = split_at_byte(key, b' ');
                    gazetteer
                        .lowercase_heads
                        .insert(words.next().unwrap_or(""), ());
                    for word in words {
                        gazetteer.after_heads.insert(word, ());
                    }
                }
            }
            gazetteer.add_first_word(split_at_byte(key, b' ').next().unwrap_or(key));
            let form_count = gazetteer.forms.len() as u32 - first_form;
            // Every token prefix is marked, so that the search knows when to go on;
            // the hash of each prefix is the hash of the key up to its space, and
            // the key's own hash comes last.
            let mut h = fnv(&[]);
            for (i, &b) in key.as_bytes().iter().enumerate() {
                if b == b' ' {
                    gazetteer.index.entry(&key[..i], h).is_prefix = true;
                }
                h = fnv_extend(h, &[b]);
            }
            let node = gazetteer.index.entry(key, h);
            node.first_form = first_form;
            node.form_count = form_count;
            #[cfg(test)]
            {
                let node = gazetteer.plain_index.entry(key).or_default();
                node.first_form = first_form;
                node.form_count = form_count;
                for i in (0..key.len()).filter(|&i| key.as_bytes()[i] == b' ') {
                    gazetteer
                        .plain_index
                        .entry(&key[..i])
                        .or_default()
                        .is_prefix = true;
                }
            }
        }
        for (start, end, country) in demonym_keys {
            gazetteer.demonyms.insert(&arena[start..end], country);
        }
        for word in gazetteer.after_heads.keys() {
            set_bits::<AFTER_HEAD_BITS>(&mut gazetteer.after_head_words, fnv(word.as_bytes()));
        }
        gazetteer
    }

    fn add_first_word(&mut self, word: &str) {
        set_bits::<FILTER_BITS>(&mut self.first_words, fnv(word.as_bytes()));
    }

    /// False when no key starts with this normalized word; true when one may.
    pub fn may_start(&self, word: &str) -> bool {
        self.may_start_hashed(fnv(word.as_bytes()))
    }

    /// [`Gazetteer::may_start`] for a word whose [`fnv`] hash is `h`: a caller that
    /// needs the hash for another filter computes it once.
    pub fn may_start_hashed(&self, h: u64) -> bool {
        has_bits::<FILTER_BITS>(&self.first_words, h)
    }

    /// False when no word of `after_heads` has the [`fnv`] hash `h`; true when one
    /// may.
    pub fn may_follow_head_hashed(&self, h: u64) -> bool {
        has_bits::<AFTER_HEAD_BITS>(&self.after_head_words, h)
    }

    /// The forms whose key is this node's.
    pub fn forms(&self, node: &Node) -> &[Form] {
        let start = node.first_form as usize;
        &self.forms[start..start + node.form_count as usize]
    }
}

/// The lines of `data` that hold data (not blank, not comments), without `\r`.
///
/// Lines are cut with `memchr`, which looks at many bytes at a time: `str::lines`
/// on the 3 MB gazetteer was a quarter of the start-up time.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', data.as_bytes())
        .chain(std::iter::once(data.len()))
        .map(move |end| {
            let line = &data[start..end];
            start = end + 1;
            line
        })
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Parses a line of `gazetteer.tsv`: the place and its `|`-separated aliases; `None`
/// for a line with fewer than eight fields or an unknown kind.
fn parse_place(line: &'static str) -> Option<(Place, &'static str)> {
    // Seven tabs cut eight fields; the last one keeps any further tab.
    let mut fields = [""; 8];
    let mut start = 0;
    let mut found = 0;
    for_each_tab(line.as_bytes(), |end| {
        if found < 7 {
            fields[found] = &line[start..end];
            start = end + 1;
            found += 1;
        }
    });
    if found < 7 {
        return None;
    }
    fields[7] = &line[start..];
    let kind = match fields[1] {
        "city" => PlaceKind::City,
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        "continent" => PlaceKind::Continent,
        "water" => PlaceKind::Water,
        "other" => PlaceKind::Other,
        _ => return None,
    };
    Some((
        Place {
            name: fields[0],
            kind,
            country: (!fields[2].is_empty()).then_some(fields[2]),
            geonames: fields[3].parse().ok(),
            population: fields[4].parse().unwrap_or(0),
            context: fields[5],
            ambiguous: split_at_byte(fields[7], b',').any(|f| f.trim() == "ambiguous"),
        },
        fields[6],
    ))
}

/// Calls `on_tab` with the index of every tab of `bytes`, in order: eight bytes at a
/// time ([`crate::swar`]), a turn per tab and per eight bytes, where a search for the
/// next tab from each one cost more than the few bytes of a field.
fn for_each_tab(bytes: &[u8], mut on_tab: impl FnMut(usize)) {
    let mut blocks = bytes.chunks_exact(8);
    let mut at = 0;
    for block in blocks.by_ref() {
        let mut tabs = zero_bytes(
            u64::from_le_bytes(block.try_into().expect("eight bytes")) ^ bytes_of(b'\t'),
        );
        while tabs != 0 {
            on_tab(at + tabs.trailing_zeros() as usize / 8);
            tabs &= tabs - 1;
        }
        at += 8;
    }
    for (i, &b) in blocks.remainder().iter().enumerate() {
        if b == b'\t' {
            on_tab(at + i);
        }
    }
}

/// `Le Caire` → `Caire`, `L'Haÿ-les-Roses` → `Haÿ-les-Roses`; `None` without article.
fn strip_article(name: &str) -> Option<&str> {
    for article in ["Le ", "La ", "Les ", "L'", "L’"] {
        if let Some(rest) = name.strip_prefix(article) {
            if rest.starts_with(char::is_uppercase) {
                return Some(rest);
            }
        }
    }
    None
}

/// Normalizes a name into search key form: lowercase, without accents, tokens of
/// letters and digits joined by one space (`Côte d’Ivoire` → `cote d ivoire`), `St`
/// and `Ste` spelled out.
pub fn normalize_name(name: &str, key: &mut String) {
    // The tokens are cut byte by byte, decoding only non-ASCII characters: `split`
    // with a closure decoded every character of the 3 MB gazetteer at start-up.
    key.clear();
    let bytes = name.as_bytes();
    let mut token: Option<(usize, bool)> = None; // start, all ASCII
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = name[i..].chars().next().unwrap_or_default();
            (is_word_char(c), c.len_utf8())
        };
        if word {
            match &mut token {
                Some((_, ascii)) => *ascii &= b.is_ascii(),
                None => token = Some((i, b.is_ascii())),
            }
        } else if let Some((start, ascii)) = token.take() {
            push_name_token(&name[start..i], ascii, key);
        }
        i += len;
    }
    if let Some((start, ascii)) = token {
        push_name_token(&name[start..], ascii, key);
    }
}

/// Appends a token of [`normalize_name`], after a space unless it is the first.
fn push_name_token(token: &str, ascii: bool, key: &mut String) {
    if !key.is_empty() {
        key.push(' ');
    }
    if ascii {
        push_ascii_token(token, key);
    } else {
        push_token(token, key);
    }
}

/// [`normalize_name`] as `split` cuts the tokens, to check it against.
#[cfg(test)]
fn normalize_name_plain(name: &str, key: &mut String) {
    key.clear();
    for token in name
        .split(|c: char| !is_word_char(c))
        .filter(|t| !t.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        push_token(token, key);
    }
}

/// A letter or digit, with a fast path for Latin-1 and Latin Extended (the accented
/// letters of French text, which `char::is_alphanumeric` looks up in Unicode tables).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else if c < '\u{c0}' {
        // Latin-1 punctuation and symbols (no-break space, `«`, `»`): letters and
        // digits there are few.
        matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼' | '½' | '¾')
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        false // general punctuation: `’`, `–`, `…`, thin spaces
    } else {
        c.is_alphanumeric()
    }
}

/// Appends the normalized form of one token (letters and digits only).
pub fn push_token(token: &str, key: &mut String) {
    // ASCII letters and digits fold by themselves: most names, most words.
    if token.is_ascii() {
        return push_ascii_token(token, key);
    }
    for c in token.chars() {
        fold_char(c, key);
    }
}

/// [`push_token`] for a token known to be ASCII (the caller checked it while
/// finding the token's end).
pub fn push_ascii_token(token: &str, key: &mut String) {
    if token.len() <= 3 {
        match token {
            "St" | "ST" | "st" => return key.push_str("saint"),
            "Ste" | "STE" | "ste" => return key.push_str("sainte"),
            _ => {}
        }
    }
    let start = key.len();
    key.push_str(token);
    key[start..].make_ascii_lowercase();
}

/// Lowercase without diacritics, for the Latin letters of European languages.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'ă' | 'ą' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'ć' | 'č' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'Ė' | 'Ę' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'į' | 'ı' | 'İ' => "i",
        'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ñ' | 'Ñ' | 'ń' | 'ň' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ő' | 'Ő' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'ů' | 'ű' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> String {
        let mut key = String::new();
        normalize_name(name, &mut key);
        key
    }

    #[test]
    fn word_chars_are_letters_and_digits() {
        // The fast paths agree with Unicode where they apply.
        let ranges = [0..0x250u32, 0x2000..0x2070];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn normalization() {
        assert_eq!(key("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(key("Côte d'Ivoire"), "cote d ivoire");
        assert_eq!(key("ÉTATS-UNIS"), "etats unis");
        assert_eq!(key("Etats Unis"), "etats unis");
        assert_eq!(key("St-Étienne"), "saint etienne");
        assert_eq!(key("Saint-Étienne"), "saint etienne");
        assert_eq!(key("Œuvre Ærø Łódź"), "oeuvre aero lodz");
    }

    #[test]
    fn articles() {
        assert_eq!(strip_article("Le Caire"), Some("Caire"));
        assert_eq!(
            strip_article("Les Sables-d'Olonne"),
            Some("Sables-d'Olonne")
        );
        assert_eq!(strip_article("Lens"), None);
        assert_eq!(strip_article("La rivière"), None);
    }

    proptest::proptest! {
        #[test]
        fn data_lines_match_str_lines(data in "[a#\t\r\n ]{0,24}") {
            let data: &'static str = Box::leak(data.into_boxed_str());
            let expected: Vec<&str> = data
                .lines()
                .map(|l| l.trim_end_matches('\r'))
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .collect();
            proptest::prop_assert_eq!(data_lines(data).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn normalize_name_as_split(name in "(St|Ste|STE|[a-zA-Z0-9 .,'’«»éÉŒœßÆ\u{a0}\u{2160}\u{1d00}×²-]){0,12}") {
            let (mut fast, mut plain) = (String::new(), String::new());
            normalize_name(&name, &mut fast);
            normalize_name_plain(&name, &mut plain);
            proptest::prop_assert_eq!(fast, plain);
        }

        #[test]
        fn tabs_found_eight_bytes_at_a_time(line in "[a\t\u{9}\u{89}é]{0,40}") {
            let mut tabs = Vec::new();
            for_each_tab(line.as_bytes(), |at| tabs.push(at));
            let expected: Vec<usize> = line.bytes().enumerate().filter(|&(_, b)| b == b'\t').map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(tabs, expected);
        }

        #[test]
        fn fields_match_splitn(line in "[a\t]{0,16}") {
            let line: &'static str = Box::leak(line.into_boxed_str());
            // With kind `city` in the second field, a line parses iff it has 8 fields.
            let line = line.replacen('\t', "\tcity\t", 1).leak();
            let fields: Vec<&str> = line.splitn(8, '\t').collect();
            let parsed = parse_place(line);
            proptest::prop_assert_eq!(parsed.is_some(), fields.len() == 8);
            if let Some((place, aliases)) = parsed {
                proptest::prop_assert_eq!(place.name, fields[0]);
                proptest::prop_assert_eq!(place.context, fields[5]);
                proptest::prop_assert_eq!(aliases, fields[6]);
            }
        }
    }

    #[test]
    fn loads_and_indexes_forms() {
        let data = "# comment\n\
                    Le Caire\tcity\tEG\t360630\t9606916\t\tCairo\t\n\
                    Tours\tcity\tFR\t\t136000\tIndre-et-Loire|Centre-Val de Loire\t\tambiguous\n\
                    bad line\n";
        let g = Gazetteer::load(data, "russe\tRU\n", "Quai d'Orsay\n");
        assert_eq!(g.places.len(), 2);
        assert_eq!(g.places[0].geonames, Some(360630));
        assert!(g.places[1].ambiguous);
        assert_eq!(g.places[1].context, "Indre-et-Loire|Centre-Val de Loire");
        assert_eq!(g.forms(&g.plain_index["le caire"])[0].kind, FormKind::Full);
        assert_eq!(
            g.forms(&g.plain_index["caire"])[0].kind,
            FormKind::WithoutArticle
        );
        assert_eq!(g.forms(&g.plain_index["cairo"])[0].place, 0);
        assert!(g.forms(&g.plain_index["le"]).is_empty());
        assert!(g.plain_index["le"].is_prefix);
        assert!(g.plain_index["quai d"].is_prefix);
        assert_eq!(
            g.forms(&g.plain_index["quai d orsay"])[0].kind,
            FormKind::Blocker
        );
        assert_eq!(g.demonyms["russe"], "RU");
        assert!(g.may_start("le") && g.may_start("cairo") && g.may_start("quai"));
        assert!(!g.may_start("gouvernement"));
    }

    #[test]
    fn fnv_extends_word_by_word() {
        for (a, b) in [("", ""), ("", "saint"), ("saint", " etienne"), ("a", "b c")] {
            assert_eq!(
                fnv_extend(fnv(a.as_bytes()), b.as_bytes()),
                fnv(format!("{a}{b}").as_bytes())
            );
        }
    }

    /// The byte loop of `normalize_name` cuts every name of the data as `split` does.
    #[test]
    fn normalize_name_as_split_on_the_data() {
        let (mut fast, mut plain) = (String::new(), String::new());
        for line in include_str!("data/gazetteer.tsv").lines() {
            normalize_name(line, &mut fast);
            normalize_name_plain(line, &mut plain);
            assert_eq!(fast, plain);
        }
    }

    /// The index answers as the plain map, for every key and for absent ones.
    #[test]
    fn index_as_the_plain_map() {
        let g = gazetteer();
        assert_eq!(g.index.len(), g.plain_index.len());
        let same = |a: Option<&Node>, b: Option<&Node>| match (a, b) {
            (Some(a), Some(b)) => {
                a.first_form == b.first_form
                    && a.form_count == b.form_count
                    && a.is_prefix == b.is_prefix
            }
            (None, None) => true,
            _ => false,
        };
        for (key, node) in &g.plain_index {
            assert!(same(g.index.get(key), Some(node)), "{key}");
            // Absent keys near present ones: one byte more, one byte less.
            for absent in [
                format!("{key}x"),
                format!("{key} "),
                key[..key.char_indices().last().map_or(0, |(i, _)| i)].to_string(),
            ] {
                assert!(
                    same(g.index.get(&absent), g.plain_index.get(absent.as_str())),
                    "{absent}"
                );
            }
        }
        for (key, node) in g.index.iter() {
            assert!(same(g.plain_index.get(key), Some(node)), "{key}");
        }
        for absent in ["", "gouvernement", "zzz", "paris x", " "] {
            assert!(
                same(g.index.get(absent), g.plain_index.get(absent)),
                "{absent}"
            );
        }
    }
}
