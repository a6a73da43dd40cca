//! The data layers' own words (`content/data-notes.json`): layer descriptions, caveats, gaps, comparisons.
//! Field types mirror what the content generator emits (`&'static str`), so the file can later be compiled
//! in by `build.rs` like the rest of `content/`; until then a tiny reader (no JSON library in the wasm) parses it once.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::model::Layer;

/// Everything `data-notes.json` says.
#[derive(Debug)]
pub struct DataNotes {
    pub layers: LayerNotes,
    pub per_person: PerPersonNotes,
    /// Why a value is missing, by `<layer key>-<period>-<country>` ("trade-2022-UZ").
    pub missing: BTreeMap<&'static str, &'static str>,
    /// Why a republic shows "none found", by `<layer key>-<country>`.
    pub none_found: BTreeMap<&'static str, &'static str>,
    /// A figure that explains a "none found", by the same key (the regional count of institutes).
    pub context: BTreeMap<&'static str, &'static str>,
    pub comparisons: Vec<Comparison>,
}

/// One note per layer.
#[derive(Debug)]
pub struct LayerNotes {
    pub trade: LayerNote,
    pub investment: LayerNote,
    pub students: LayerNote,
    pub confucius: LayerNote,
}

/// A layer's title, source line, description and caveat.
#[derive(Debug)]
pub struct LayerNote {
    pub title: &'static str,
    pub source: &'static str,
    /// The source in a few words, for the spoken summary ("China customs").
    pub short: &'static str,
    pub about: &'static str,
    pub caveat: &'static str,
}

/// What the per-person view divides by, per layer.
#[derive(Debug)]
pub struct PerPersonNotes {
    pub trade: &'static str,
    pub trade_unavailable: &'static str,
    pub investment: &'static str,
    pub students: &'static str,
}

/// The essay's figure (or China's customs) beside what other sources say.
#[derive(Debug)]
pub struct Comparison {
    pub id: &'static str,
    /// `essay` (the essay vs the sources) or `national` (China's customs vs a republic's statistics).
    pub kind: &'static str,
    pub title: &'static str,
    /// The layer key ("trade") whose view this comparison belongs to.
    pub layer: &'static str,
    pub year: Option<&'static str>,
    pub essay: Option<&'static str>,
    pub sources: Vec<&'static str>,
    pub status: &'static str,
    pub explanation: &'static str,
}

impl Comparison {
    /// Whether this comparison belongs to the view of a layer and period.
    pub fn fits(&self, layer: Layer, year: Option<&str>) -> bool {
        self.layer == layer.key() && (self.year.is_none() || self.year == year)
    }
}

static NOTES: LazyLock<DataNotes> = LazyLock::new(|| read(include_str!("../../content/data-notes.json")));

/// The data notes, parsed once.
pub fn notes() -> &'static DataNotes {
    &NOTES
}

impl DataNotes {
    /// The note of one layer.
    pub fn layer(&self, layer: Layer) -> &LayerNote {
        match layer {
            Layer::Trade => &self.layers.trade,
            Layer::Investment => &self.layers.investment,
            Layer::Students => &self.layers.students,
            Layer::Confucius => &self.layers.confucius,
        }
    }

    /// Why a value is missing (key "trade-2022-UZ"), if the notes say.
    pub fn missing(&self, key: &str) -> Option<&'static str> {
        self.missing.get(key).copied()
    }

    /// Why a republic shows "none found" (key "confucius-TM").
    pub fn none_found(&self, key: &str) -> Option<&'static str> {
        self.none_found.get(key).copied()
    }

    /// The figure id that explains a "none found" (key "confucius-TM").
    pub fn context(&self, key: &str) -> Option<&'static str> {
        self.context.get(key).copied()
    }

    /// The per-person note for a layer and period.
    pub fn per_person(&self, layer: Layer, available: bool) -> &'static str {
        match (layer, available) {
            (Layer::Trade, true) => self.per_person.trade,
            (Layer::Trade, false) => self.per_person.trade_unavailable,
            (Layer::Investment, _) => self.per_person.investment,
            (Layer::Students, _) => self.per_person.students,
            (Layer::Confucius, _) => "",
        }
    }
}

/// A JSON value as the notes use it: strings (without escapes), lists, objects, null.
#[derive(Debug)]
enum J {
    S(&'static str),
    A(Vec<J>),
    O(Vec<(&'static str, J)>),
    Null,
}

/// `parse(text)` reads the restricted JSON of the notes; anything else panics with the byte offset.
fn parse(text: &'static str) -> J {
    fn skip(t: &str, i: &mut usize) {
        while t.as_bytes().get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
    }
    fn string(t: &'static str, i: &mut usize) -> &'static str {
        let start = *i + 1;
        let end = start + t[start..].find('"').expect("an unterminated string");
        assert!(!t[start..end].contains('\\'), "data-notes.json: no escapes, please (byte {start})");
        *i = end + 1;
        &t[start..end]
    }
    fn value(t: &'static str, i: &mut usize) -> J {
        skip(t, i);
        let (open, close) = match t.as_bytes()[*i] {
            b'"' => return J::S(string(t, i)),
            b'n' if t[*i..].starts_with("null") => {
                *i += 4;
                return J::Null;
            }
            b'[' => (b'[', b']'),
            b'{' => (b'{', b'}'),
            _ => panic!("data-notes.json: unexpected input at byte {i}"),
        };
        *i += 1;
        let (mut list, mut fields) = (Vec::new(), Vec::new());
        loop {
            skip(t, i);
            match t.as_bytes()[*i] {
                b',' => *i += 1,
                c if c == close => {
                    *i += 1;
                    return if open == b'[' { J::A(list) } else { J::O(fields) };
                }
                _ if open == b'[' => list.push(value(t, i)),
                _ => {
                    let key = string(t, i);
                    skip(t, i);
                    assert_eq!(t.as_bytes()[*i], b':', "data-notes.json: a colon at byte {i}");
                    *i += 1;
                    fields.push((key, value(t, i)));
                }
            }
        }
    }
    value(text, &mut 0)
}

impl J {
    fn get(&self, key: &str) -> &J {
        match self {
            J::O(fields) => fields.iter().find(|(k, _)| *k == key).map_or(&J::Null, |(_, v)| v),
            _ => &J::Null,
        }
    }
    fn text(&self, key: &str) -> &'static str {
        self.opt(key).unwrap_or_else(|| panic!("data-notes.json: \"{key}\" must be text"))
    }
    fn opt(&self, key: &str) -> Option<&'static str> {
        match self.get(key) {
            J::S(s) => Some(s),
            _ => None,
        }
    }
    fn map(&self, key: &str) -> BTreeMap<&'static str, &'static str> {
        match self.get(key) {
            J::O(fields) => fields.iter().filter_map(|(k, v)| if let J::S(s) = v { Some((*k, *s)) } else { None }).collect(),
            _ => BTreeMap::new(),
        }
    }
    fn list(&self, key: &str) -> &[J] {
        match self.get(key) {
            J::A(items) => items,
            _ => &[],
        }
    }
}

/// Builds the notes from the file's text.
fn read(text: &'static str) -> DataNotes {
    let j = parse(text);
    let layer = |key: &str| {
        let l = j.get("layers").get(key);
        LayerNote { title: l.text("title"), source: l.text("source"), short: l.text("short"), about: l.text("about"), caveat: l.text("caveat") }
    };
    let pp = j.get("per_person");
    DataNotes {
        layers: LayerNotes { trade: layer("trade"), investment: layer("investment"), students: layer("students"), confucius: layer("confucius") },
        per_person: PerPersonNotes {
            trade: pp.text("trade"),
            trade_unavailable: pp.text("trade_unavailable"),
            investment: pp.text("investment"),
            students: pp.text("students"),
        },
        missing: j.map("missing"),
        none_found: j.map("none_found"),
        context: j.map("context"),
        comparisons: j
            .list("comparisons")
            .iter()
            .map(|c| Comparison {
                id: c.text("id"),
                kind: c.text("kind"),
                title: c.text("title"),
                layer: c.text("layer"),
                year: c.opt("year"),
                essay: c.opt("essay"),
                sources: c.list("sources").iter().filter_map(|s| if let J::S(s) = s { Some(*s) } else { None }).collect(),
                status: c.text("status"),
                explanation: c.text("explanation"),
            })
            .collect(),
    }
}
