//! The data layers' own words (`content/data-notes.json`): layer descriptions, caveats, gaps, comparisons.
//! Compiled in by `build.rs` like the rest of `content/` (no JSON parsing at run time).

use crate::model::{Layer, Period};

/// Everything `data-notes.json` says.
#[derive(Debug)]
pub struct DataNotes {
    pub layers: LayerNotes,
    pub per_person: PerPersonNotes,
    /// Why a value is missing, by `<layer key>-<period>-<country>` ("trade-2022-UZ").
    pub missing: &'static [(&'static str, &'static str)],
    /// Why a republic shows "none found", by `<layer key>-<country>`.
    pub none_found: &'static [(&'static str, &'static str)],
    /// A figure that explains a "none found", by the same key (the regional count of institutes).
    pub context: &'static [(&'static str, &'static str)],
    pub comparisons: &'static [Comparison],
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
    /// The source in a few words, for the spoken summary ("Chinese official figures").
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
    /// The layer whose view this comparison belongs to.
    pub layer: Layer,
    /// The period it belongs to; `None` for every period of the layer.
    pub year: Option<Period>,
    pub essay: Option<&'static str>,
    pub sources: &'static [&'static str],
    pub status: &'static str,
    pub explanation: &'static str,
}

impl Comparison {
    /// Whether this comparison belongs to the view of a layer and period.
    pub fn fits(&self, layer: Layer, year: Option<Period>) -> bool {
        self.layer == layer && (self.year.is_none() || self.year == year)
    }
}

/// The data notes (compiled in by build.rs from `content/data-notes.json`).
pub fn notes() -> &'static DataNotes {
    &crate::content::generated::DATA_NOTES
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
        lookup(self.missing, key)
    }

    /// Why a republic shows "none found" (key "confucius-TM").
    pub fn none_found(&self, key: &str) -> Option<&'static str> {
        lookup(self.none_found, key)
    }

    /// The figure id that explains a "none found" (key "confucius-TM").
    pub fn context(&self, key: &str) -> Option<&'static str> {
        lookup(self.context, key)
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

/// The value for `key` in a list of pairs.
fn lookup(pairs: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}
