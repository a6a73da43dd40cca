//! Shapes of the cards, glossary, paragraphs, references, timeline and interactive exercises.

use super::{CardId, CountryId, Theme};

/// A short exact quotation, always shown marked and attributed.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub text: &'static str,
    pub source: &'static str,
}

/// Where a history card sits on the 1900-2024 axis, and its date as the sources give it.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub label: &'static str,
    pub start: i32,
    pub end: i32,
    pub approximate: bool,
    pub era: &'static str,
}

/// One explainer card, written in our own words and cited to essay paragraphs.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: &'static str,
    pub theme: Theme,
    pub title: &'static str,
    pub summary: &'static str,
    pub detail: &'static [&'static str],
    pub quote: Option<Quote>,
    pub paragraphs: &'static [&'static str],
    pub refs: &'static [&'static str],
    pub related: &'static [&'static str],
    pub when: Option<When>,
    pub country: Option<CountryId>,
}

impl Card {
    /// The card's typed id (for views and actions).
    pub fn card_id(&self) -> CardId {
        CardId::from_content(self.id)
    }
}

/// A glossary term, defined on demand inside card text.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub id: &'static str,
    pub term: &'static str,
    pub definition: &'static str,
    pub paragraphs: &'static [&'static str],
    pub card: Option<&'static str>,
}

/// One essay paragraph: its section and a one-line gist in our words.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub id: &'static str,
    pub section: &'static str,
    pub gist: &'static str,
}

/// The essay itself, for the header and links to the original.
#[derive(Clone, Debug, PartialEq)]
pub struct EssayMeta {
    pub title: &'static str,
    pub author: &'static str,
    pub publisher: &'static str,
    pub date: &'static str,
    pub url: &'static str,
}

/// A bibliography entry of the essay.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub id: &'static str,
    pub citation: &'static str,
    pub short: &'static str,
    pub url: Option<&'static str>,
    pub cited_in: &'static [&'static str],
    pub note: Option<&'static str>,
}

/// A citation in the essay's text with no bibliography entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Unlisted {
    pub id: &'static str,
    pub short: &'static str,
    pub cited_in: &'static [&'static str],
    pub note: &'static str,
}

/// A citation whose year in the text differs from the bibliography.
#[derive(Clone, Debug, PartialEq)]
pub struct YearMismatch {
    pub reference: &'static str,
    pub cited_as: &'static str,
    pub cited_in: &'static [&'static str],
    pub listed: &'static str,
    pub note: &'static str,
}

/// The essay's bibliography and the gaps a careful reader finds in it.
#[derive(Clone, Debug, PartialEq)]
pub struct References {
    pub essay: EssayMeta,
    pub entries: &'static [Reference],
    pub unlisted: &'static [Unlisted],
    pub year_mismatches: &'static [YearMismatch],
}

/// A period on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub id: &'static str,
    pub label: &'static str,
    pub start: i32,
    pub end: i32,
    pub description: &'static str,
}

/// A labelled slot in an exercise: a point on the spectrum or a sorter bin.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub id: &'static str,
    pub label: &'static str,
    pub description: &'static str,
}

/// Something the reader places: a relationship on the spectrum, an instrument in a bin.
#[derive(Clone, Debug, PartialEq)]
pub struct Placeable {
    pub id: &'static str,
    pub label: &'static str,
    pub answer: &'static str,
    /// Other slots the essay also supports (the explanation says why); empty for most items.
    pub also: &'static [&'static str],
    pub explanation: &'static str,
    pub paragraphs: &'static [&'static str],
}

impl Placeable {
    /// Whether placing the item in this slot matches the essay (its answer or an accepted alternative).
    pub fn accepts(&self, slot: &str) -> bool {
        self.answer == slot || self.also.contains(&slot)
    }
}

/// The alignment spectrum exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct Spectrum {
    pub prompt: &'static str,
    pub positions: &'static [Slot],
    pub items: &'static [Placeable],
}

/// The hard-or-soft-power sorter.
#[derive(Clone, Debug, PartialEq)]
pub struct Sorter {
    pub prompt: &'static str,
    pub bins: &'static [Slot],
    pub items: &'static [Placeable],
}

/// Both manipulable exercises.
#[derive(Clone, Debug, PartialEq)]
pub struct Interactives {
    pub spectrum: Spectrum,
    pub sorter: Sorter,
}
