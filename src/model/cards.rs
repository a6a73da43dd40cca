//! Shapes of the cards, glossary, paragraphs, references, timeline and interactive exercises.

pub use super::schema::{
    Card, Era, EssayMeta, Interactives, Paragraph, Placeable, Quote, Reference, References, Slot,
    Sorter, Spectrum, Term, Unlisted, When, YearMismatch,
};
use super::CardId;

impl Card {
    /// The card's typed id (for views and actions).
    pub fn card_id(&self) -> CardId {
        CardId::from_content(self.id)
    }
}

impl Placeable {
    /// Whether placing the item in this slot matches the essay (its answer or an accepted alternative).
    pub fn accepts(&self, slot: &str) -> bool {
        self.answer == slot || self.also.contains(&slot)
    }
}
