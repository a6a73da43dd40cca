//! Shapes of the cards, glossary, paragraphs, references, timeline and interactive exercises.

use serde::Deserialize;

use super::{CountryId, Theme};

/// A short exact quotation, always shown marked and attributed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Quote {
    pub text: String,
    pub source: String,
}

/// Where a history card sits on the 1900-2024 axis, and its date as the sources give it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct When {
    pub label: String,
    pub start: i32,
    pub end: i32,
    #[serde(default)]
    pub approximate: bool,
    pub era: String,
}

/// One explainer card, written in our own words and cited to essay paragraphs.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Card {
    pub id: String,
    pub theme: Theme,
    pub title: String,
    pub summary: String,
    pub detail: Vec<String>,
    #[serde(default)]
    pub quote: Option<Quote>,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub refs: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub when: Option<When>,
    #[serde(default)]
    pub country: Option<CountryId>,
}

/// A glossary term, defined on demand inside card text.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub card: Option<String>,
}

/// One essay paragraph: its section and a one-line gist in our words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Paragraph {
    pub id: String,
    pub section: String,
    pub gist: String,
}

/// The essay itself, for the header and links to the original.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct EssayMeta {
    pub title: String,
    pub author: String,
    pub publisher: String,
    pub date: String,
    pub url: String,
}

/// A bibliography entry of the essay.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Reference {
    pub id: String,
    pub citation: String,
    pub short: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub cited_in: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A citation in the essay's text with no bibliography entry.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Unlisted {
    pub id: String,
    pub short: String,
    #[serde(default)]
    pub cited_in: Vec<String>,
    pub note: String,
}

/// A citation whose year in the text differs from the bibliography.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct YearMismatch {
    #[serde(rename = "ref")]
    pub reference: String,
    pub cited_as: String,
    #[serde(default)]
    pub cited_in: Vec<String>,
    pub listed: String,
    pub note: String,
}

/// The essay's bibliography and the gaps a careful reader finds in it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct References {
    pub essay: EssayMeta,
    pub entries: Vec<Reference>,
    pub unlisted: Vec<Unlisted>,
    pub year_mismatches: Vec<YearMismatch>,
}

/// A period on the timeline.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Era {
    pub id: String,
    pub label: String,
    pub start: i32,
    pub end: i32,
    #[serde(default)]
    pub description: String,
}

/// A labelled slot in an exercise: a point on the spectrum or a sorter bin.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Slot {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
}

/// Something the reader places: a relationship on the spectrum, an instrument in a bin.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Placeable {
    pub id: String,
    pub label: String,
    pub answer: String,
    pub explanation: String,
    pub paragraphs: Vec<String>,
}

/// The alignment spectrum exercise.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Spectrum {
    pub prompt: String,
    pub positions: Vec<Slot>,
    pub items: Vec<Placeable>,
}

/// The hard-or-soft-power sorter.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Sorter {
    pub prompt: String,
    pub bins: Vec<Slot>,
    pub items: Vec<Placeable>,
}

/// Both manipulable exercises.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Interactives {
    pub spectrum: Spectrum,
    pub sorter: Sorter,
}
