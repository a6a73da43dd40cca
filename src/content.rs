//! Loads `content/` once (`include_str!` + serde) into typed, validated-by-tests data.

use std::sync::LazyLock;

use crate::model::*;

/// Everything the explainer says, loaded once.
#[derive(Debug)]
pub struct Content {
    pub cards: Vec<Card>,
    pub glossary: Vec<Term>,
    pub paragraphs: Vec<Paragraph>,
    pub references: References,
    pub eras: Vec<Era>,
    pub interactives: Interactives,
    pub figures: Figures,
    pub site: Site,
}

/// The explainer's own framing words (overview, part intros, the no-JavaScript note).
#[derive(Debug, serde::Deserialize)]
pub struct Site {
    pub tagline: String,
    pub overview: Overview,
    pub parts: std::collections::BTreeMap<String, String>,
    pub noscript: String,
    pub credits: String,
}

/// The overview's lead, how-to list and audiences.
#[derive(Debug, serde::Deserialize)]
pub struct Overview {
    pub lead: String,
    pub how: Vec<String>,
    pub audiences: Vec<Audience>,
}

/// Who the explainer serves, and how.
#[derive(Debug, serde::Deserialize)]
pub struct Audience {
    pub who: String,
    pub what: String,
}

/// The raw JSON sources, by file name, for tests and the build's integrity checks.
pub const SOURCES: &[(&str, &str)] = &[
    ("cards/concepts.json", include_str!("../content/cards/concepts.json")),
    ("cards/history.json", include_str!("../content/cards/history.json")),
    ("cards/actors.json", include_str!("../content/cards/actors.json")),
    ("cards/argument.json", include_str!("../content/cards/argument.json")),
    ("glossary.json", include_str!("../content/glossary.json")),
    ("paragraphs.json", include_str!("../content/paragraphs.json")),
    ("references.json", include_str!("../content/references.json")),
    ("timeline.json", include_str!("../content/timeline.json")),
    ("interactives.json", include_str!("../content/interactives.json")),
    ("figures.json", include_str!("../content/figures.json")),
    ("site.json", include_str!("../content/site.json")),
];

fn source(name: &str) -> &'static str {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s).unwrap_or("null")
}

fn parse<T: serde::de::DeserializeOwned>(name: &str) -> T {
    serde_json::from_str(source(name)).unwrap_or_else(|e| panic!("content/{name} is malformed: {e}"))
}

static CONTENT: LazyLock<Content> = LazyLock::new(|| {
    let mut cards: Vec<Card> = Vec::new();
    for file in ["cards/concepts.json", "cards/history.json", "cards/actors.json", "cards/argument.json"] {
        cards.extend(parse::<Vec<Card>>(file));
    }
    Content {
        cards,
        glossary: parse("glossary.json"),
        paragraphs: parse("paragraphs.json"),
        references: parse("references.json"),
        eras: parse("timeline.json"),
        interactives: parse("interactives.json"),
        figures: Figures { all: parse("figures.json") },
        site: parse("site.json"),
    }
});

/// The explainer's content.
pub fn content() -> &'static Content {
    &CONTENT
}

impl Content {
    /// The intro of a part, from `site.json`.
    pub fn part_intro(&self, part: Part) -> &str {
        self.site.parts.get(part.key()).map(String::as_str).unwrap_or_default()
    }

    /// The card with this id.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// Cards of one theme, in file order.
    pub fn cards_of(&self, theme: Theme) -> impl Iterator<Item = &Card> {
        self.cards.iter().filter(move |c| c.theme == theme)
    }

    /// The glossary term with this id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }

    /// The paragraph with this id ("P21").
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.id == id)
    }

    /// A bibliography entry or an unlisted citation, by id.
    pub fn citation(&self, id: &str) -> Option<Citation<'_>> {
        let refs = &self.references;
        refs.entries
            .iter()
            .find(|r| r.id == id)
            .map(Citation::Listed)
            .or_else(|| refs.unlisted.iter().find(|u| u.id == id).map(Citation::Unlisted))
    }

    /// The year mismatch noted for a bibliography entry, if any.
    pub fn mismatch(&self, id: &str) -> Option<&YearMismatch> {
        self.references.year_mismatches.iter().find(|m| m.reference == id)
    }
}

/// A resolved citation: in the bibliography, or cited in the text only.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Citation<'a> {
    Listed(&'a Reference),
    Unlisted(&'a Unlisted),
}

impl Citation<'_> {
    /// The short form ("Nye (1990)").
    pub fn short(&self) -> &str {
        match self {
            Citation::Listed(r) => &r.short,
            Citation::Unlisted(u) => &u.short,
        }
    }
}
