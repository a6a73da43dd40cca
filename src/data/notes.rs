//! The data layers' own words (`content/data-notes.json`): layer descriptions, caveats, gaps, comparisons.
//! Compiled in by `build.rs` like the rest of `content/` (no JSON parsing at run time).

pub use crate::model::schema::{Comparison, DataNotes, LayerNote, LayerNotes, PerPersonNotes};
use crate::model::{Layer, Period};

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
