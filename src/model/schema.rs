//! The content types, defined once. The app sees them as `&'static` data that `build.rs` compiles in
//! (`cfg(content_static)`, which build.rs sets for every target of the package). `build.rs` compiles this
//! same file without that cfg: the types then hold owned data and derive serde's `Deserialize` with
//! `deny_unknown_fields`, and their `Debug` form is the Rust expression build.rs writes out.
//!
//! Rules here: fields use `Text`, `Prose`, `List<T>` and `Pairs` (never `&'static` types); `Prose` is text that
//! is only displayed, never looked up or computed with (the browser build reads it from the page); a field that may be left
//! out of the JSON says so with `#[cfg_attr(not(content_static), serde(default))]`; closed sets come from
//! `ids.rs`, whose `Debug` names the enum (`Theme::History`). Behaviour belongs in the modules that re-export
//! these types (cards.rs, figures.rs, study.rs, content.rs, geo.rs, data/notes.rs), not here.

use super::ids::*;

/// Text from the content.
#[cfg(content_static)]
pub type Text = &'static str;
/// A list from the content.
#[cfg(content_static)]
pub type List<T> = &'static [T];
/// Key-value pairs from an object of strings, in file order.
#[cfg(content_static)]
pub type Pairs = &'static [(&'static str, &'static str)];
/// Prose that is only displayed (the browser build reads it from the pre-rendered page: see `crate::prose`).
#[cfg(content_static)]
pub use crate::prose::Prose;

#[cfg(not(content_static))]
pub use owned::*;

/// The build script's owned stand-ins for `Text`, `List` and `Pairs`.
#[cfg(not(content_static))]
mod owned {
    use std::fmt;

    thread_local! {
        /// Every distinct `Prose` text written out so far, in order: `Prose(N)` is the N-th.
        static PROSE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
        /// Every distinct `Text` written out so far, in order, and the number of each.
        static TEXTS: std::cell::RefCell<(Vec<String>, std::collections::HashMap<String, usize>)> =
            std::cell::RefCell::new(Default::default());
    }

    /// Text of the content; written out as `t(#N)`, which build.rs turns into `t(FROM, LEN)`: a piece of one
    /// string that holds every text once (`TEXT` in the generated file: see [`place_texts`]). One string instead
    /// of a string constant per text keeps the texts together in the wasm, apart from the records that point at
    /// them, which compresses better, and a text inside another ("P1" in "P15") takes no bytes of its own.
    #[derive(Clone, PartialEq, Default, serde::Deserialize)]
    #[serde(transparent)]
    pub struct Text(pub String);

    impl std::ops::Deref for Text {
        type Target = String;
        fn deref(&self) -> &String {
            &self.0
        }
    }

    impl std::ops::DerefMut for Text {
        fn deref_mut(&mut self) -> &mut String {
            &mut self.0
        }
    }

    impl fmt::Display for Text {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl fmt::Debug for Text {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let n = TEXTS.with(|texts| {
                let (list, number) = &mut *texts.borrow_mut();
                *number.entry(self.0.clone()).or_insert_with(|| {
                    list.push(self.0.clone());
                    list.len() - 1
                })
            });
            write!(f, "t(#{n})")
        }
    }

    /// The one string for every `Text` written out so far, and where text N is in it (start, length): the texts
    /// that are not part of a longer one, grouped by shape and in the order they were first written, then each of
    /// the others where it occurs in them (first-use order compresses better than longest first: measured).
    pub fn place_texts() -> (String, Vec<(usize, usize)>) {
        let list = TEXTS.with(|texts| texts.borrow().0.clone());
        let inside = |t: &String| {
            list.iter()
                .any(|o| o.len() > t.len() && o.contains(t.as_str()))
        };
        // Like with like, each group in first-use order: words without spaces (ids, codes), then addresses, then
        // years and dates, then the rest. Measured: LZMA stream -195 B against first use alone.
        let kind = |t: &&String| {
            if t.starts_with("http") {
                1
            } else if t.starts_with(|c: char| c.is_ascii_digit()) {
                2
            } else if t.contains(' ') {
                3
            } else {
                0
            }
        };
        let mut outer: Vec<&String> = list.iter().filter(|t| !inside(t)).collect();
        outer.sort_by_key(kind);
        let mut all = String::new();
        for text in outer {
            if !all.contains(text.as_str()) {
                all.push_str(text);
            }
        }
        let at = list
            .iter()
            .map(|t| {
                (
                    all.find(t.as_str()).expect("every text is in the string"),
                    t.len(),
                )
            })
            .collect();
        (all, at)
    }

    /// Display-only prose; written out as `Prose(N)`, its text listed once (build.rs takes the list).
    #[derive(Clone, PartialEq, Default, serde::Deserialize)]
    #[serde(transparent)]
    pub struct Prose(pub String);

    impl fmt::Debug for Prose {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let at = PROSE.with(|list| {
                let mut list = list.borrow_mut();
                if list.is_empty() {
                    // `Prose(0)` is the empty text, which the page cannot mark.
                    list.push(String::new());
                }
                match list.iter().position(|t| *t == self.0) {
                    Some(at) => at,
                    None => {
                        list.push(self.0.clone());
                        list.len() - 1
                    }
                }
            });
            write!(f, "Prose({at})")
        }
    }

    /// The texts of every `Prose` written out so far, by number.
    pub fn prose_list() -> Vec<String> {
        PROSE.with(|list| list.borrow().clone())
    }

    /// A list; written out as `&[..]`.
    #[derive(Clone, PartialEq, Default, serde::Deserialize)]
    #[serde(transparent)]
    pub struct List<T>(pub Vec<T>);

    impl<T: fmt::Debug> fmt::Debug for List<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("&")?;
            f.debug_list().entries(&self.0).finish()
        }
    }

    /// Pairs from an object of strings, in file order; written out as `&[(t(..), t(..)), ..]`.
    #[derive(Clone, PartialEq, Default)]
    pub struct Pairs(pub Vec<(Text, Text)>);

    impl fmt::Debug for Pairs {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("&")?;
            f.debug_list().entries(&self.0).finish()
        }
    }

    impl<'de> serde::Deserialize<'de> for Pairs {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Pairs;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object of strings")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Pairs, A::Error> {
                    let mut pairs = Vec::new();
                    while let Some(pair) = map.next_entry()? {
                        pairs.push(pair);
                    }
                    Ok(Pairs(pairs))
                }
            }
            d.deserialize_map(Visitor)
        }
    }
}

/// Declares content types the usual way: `Debug`, `Clone`, `PartialEq`, and for build.rs serde's
/// `Deserialize` refusing unknown keys. The few types that need other serde attributes follow it.
macro_rules! content_types {
    ($($(#[$meta:meta])* pub struct $name:ident $body:tt)*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(not(content_static), derive(serde::Deserialize), serde(deny_unknown_fields))]
        pub struct $name $body
    )*};
}

content_types! {
    /// A short exact quotation, always shown marked and attributed.
    pub struct Quote {
        pub text: Prose,
        pub source: Prose,
    }

    /// Where a history card sits on the 1900-2024 axis, and its date as the sources give it.
    pub struct When {
        pub label: Text,
        pub start: i32,
        pub end: i32,
        pub approximate: bool,
        pub era: Text,
    }

    /// One explainer card, written in our own words and cited to essay paragraphs.
    pub struct Card {
        pub id: Text,
        pub theme: Theme,
        pub title: Prose,
        pub summary: Prose,
        pub detail: List<Prose>,
        pub quote: Option<Quote>,
        pub paragraphs: List<Text>,
        pub refs: List<Text>,
        pub related: List<Text>,
        pub when: Option<When>,
        pub country: Option<CountryId>,
    }

    /// A glossary term, defined on demand inside card text.
    pub struct Term {
        pub id: Text,
        pub term: Text,
        pub definition: Prose,
        pub paragraphs: List<Text>,
        pub card: Option<Text>,
    }

    /// One essay paragraph: its section and a one-line gist in our words.
    pub struct Paragraph {
        pub id: Text,
        pub section: Text,
        pub gist: Text,
    }

    /// The essay itself, for the header and links to the original.
    pub struct EssayMeta {
        pub title: Text,
        pub author: Text,
        pub publisher: Text,
        pub date: Text,
        pub url: Text,
    }

    /// A bibliography entry of the essay.
    pub struct Reference {
        pub id: Text,
        pub citation: Prose,
        pub short: Text,
        pub url: Option<Text>,
        pub cited_in: List<Text>,
        pub note: Option<Prose>,
    }

    /// A citation in the essay's text with no bibliography entry.
    pub struct Unlisted {
        pub id: Text,
        pub short: Text,
        pub cited_in: List<Text>,
        pub note: Prose,
    }

    /// A citation whose year in the text differs from the bibliography.
    pub struct YearMismatch {
        #[cfg_attr(not(content_static), serde(rename = "ref"))]
        pub reference: Text,
        pub cited_as: Text,
        pub cited_in: List<Text>,
        pub listed: Text,
        pub note: Prose,
    }

    /// The essay's bibliography and the gaps a careful reader finds in it.
    pub struct References {
        pub essay: EssayMeta,
        pub entries: List<Reference>,
        pub unlisted: List<Unlisted>,
        pub year_mismatches: List<YearMismatch>,
    }

    /// A period on the timeline.
    pub struct Era {
        pub id: Text,
        pub label: Text,
        pub start: i32,
        pub end: i32,
        pub description: Prose,
    }

    /// A labelled slot in an exercise: a point on the spectrum or a sorter bin.
    pub struct Slot {
        pub id: Text,
        pub label: Text,
        #[cfg_attr(not(content_static), serde(default))]
        pub description: Text,
    }

    /// Something the reader places: a relationship on the spectrum, an instrument in a bin.
    pub struct Placeable {
        pub id: Text,
        pub label: Text,
        pub answer: Text,
        /// Other slots the essay also supports (the explanation says why); empty for most items.
        #[cfg_attr(not(content_static), serde(default))]
        pub also: List<Text>,
        pub explanation: Prose,
        pub paragraphs: List<Text>,
    }

    /// The alignment spectrum exercise.
    pub struct Spectrum {
        pub prompt: Prose,
        pub positions: List<Slot>,
        pub items: List<Placeable>,
    }

    /// The hard-or-soft-power sorter.
    pub struct Sorter {
        pub prompt: Prose,
        pub bins: List<Slot>,
        pub items: List<Placeable>,
    }

    /// Both manipulable exercises.
    pub struct Interactives {
        pub spectrum: Spectrum,
        pub sorter: Sorter,
    }

    /// One number with its year, unit, qualifier, source and confidence.
    pub struct Figure {
        pub id: Text,
        pub layer: Dataset,
        pub country: Option<CountryId>,
        pub year: Text,
        pub value: f64,
        pub unit: Text,
        pub qualifier: Text,
        // The publisher before the title, as a figure's source shows them: their texts' numbers (`Prose`, in this
        // order) follow one another on the page, which the single file writes short (tools/build/assemble.py).
        pub source_publisher: Prose,
        pub source_title: Prose,
        pub source_url: Text,
        pub source_date: Text,
        pub excerpt: Prose,
        pub confidence: Confidence,
        pub note: Prose,
        pub paragraph: Option<Text>,
    }

    /// The whole study section: essay parts, tour, questions, evidence notes and instructor prompts.
    pub struct Study {
        pub parts: List<StudyPart>,
        pub tour: List<TourStep>,
        pub questions: List<Question>,
        pub evidence: List<Evidence>,
        pub prompts: List<Prompt>,
    }

    /// One of the essay's six sections (`paragraphs` are `P1`..`P34`), used to group questions.
    pub struct StudyPart {
        pub id: Text,
        pub label: Text,
        pub paragraphs: List<Text>,
    }

    /// What the app shows: an app part, optionally a card id, a republic, a map layer and its year or period
    /// (`2024`, `2005-2018`).
    pub struct View {
        pub part: Part,
        pub card: Option<Text>,
        pub country: Option<CountryId>,
        pub layer: Option<Layer>,
        pub year: Option<Period>,
    }

    /// One tour step: `body` paragraphs may hold `[text](card:ID)` links; `look_for` is one sentence.
    pub struct TourStep {
        pub id: Text,
        pub title: Text,
        pub body: List<Prose>,
        pub look_for: Prose,
        pub paragraphs: List<Text>,
        pub view: View,
    }

    /// Feedback after a correct and after an incorrect answer.
    pub struct Feedback {
        pub correct: Text,
        pub incorrect: Text,
    }

    /// A multiple-choice option or a sort bin (bins spell `text` as `label`).
    pub struct Labelled {
        pub id: Text,
        #[cfg_attr(not(content_static), serde(alias = "label"))]
        pub text: Prose,
    }

    /// An item of a sort question; `answer` is the id of its correct bin.
    pub struct SortItem {
        pub id: Text,
        pub text: Text,
        pub answer: Text,
    }

    /// One "reading the evidence" note: the essay's `claim` (paraphrased), the sources' `finding`, and why it matters.
    pub struct Evidence {
        pub id: Text,
        pub kind: EvidenceKind,
        pub title: Text,
        pub status: Status,
        pub claim: Prose,
        pub quote: Option<Quote>,
        pub finding: Prose,
        pub why_it_matters: Prose,
        pub paragraphs: List<Text>,
        pub figures: List<Text>,
        pub refs: List<Text>,
    }

    /// An open discussion prompt for instructors, tied to essay paragraphs.
    pub struct Prompt {
        pub id: Text,
        pub text: Prose,
        pub paragraphs: List<Text>,
    }

    /// The explainer's own framing words (overview, part intros, the no-JavaScript note).
    pub struct Site {
        pub tagline: Prose,
        pub overview: Overview,
        pub parts: PartIntros,
        pub noscript: Text,
        pub credits: Prose,
    }

    /// Each part's intro, under its heading.
    pub struct PartIntros {
        pub overview: Prose,
        pub cards: Prose,
        pub map: Prose,
        pub timeline: Prose,
        pub study: Prose,
        pub evidence: Prose,
        pub sources: Prose,
    }

    /// The overview's lead, how-to list and audiences.
    pub struct Overview {
        pub lead: Prose,
        pub how: List<Prose>,
        pub audiences: List<Audience>,
    }

    /// Who the explainer serves, and how.
    pub struct Audience {
        pub who: Text,
        pub what: Prose,
    }

    /// The whole map: view box, scale bar, country shapes and places, in view-box units.
    pub struct GeoData {
        /// Provenance and every parameter the generator used.
        pub meta: GeoMeta,
        /// `[min_x, min_y, width, height]` for the SVG `viewBox`.
        pub view_box: [f64; 4],
        /// Length of a round distance at the frame centre, for a scale note.
        pub scale_bar: ScaleBar,
        /// The five republics first (`focus`), then the neighbours that show inside the frame.
        pub countries: List<CountryShape>,
        /// The five capitals and Xi'an.
        pub places: List<Place>,
        /// Credit line for the places' coordinates.
        pub source_places: Text,
    }

    /// `km` kilometres at the frame centre measure `px` view-box units.
    pub struct ScaleBar {
        /// Distance represented, kilometres.
        pub km: f64,
        /// Its length in view-box units.
        pub px: f64,
    }

    /// One country's outline, clipped to the frame.
    pub struct CountryShape {
        /// ISO 3166-1 alpha-2 (`KZ`), or `XS` for Natural Earth's Siachen Glacier.
        pub id: Text,
        /// ISO 3166-1 numeric, zero-padded (`"004"`); empty when there is none.
        pub iso_n3: Text,
        /// English short name.
        pub name: Text,
        /// One of the five republics.
        pub focus: bool,
        /// SVG path data: rings of `M x,y l dx,dy ... z` (see `GeoMeta::path_grammar`).
        pub path: Text,
        /// Where to centre the name; `None` when the visible part is too thin to hold it.
        pub label: Option<[f64; 2]>,
    }

    /// A capital (inside the frame) or a distant place shown as an arrow at the frame edge.
    pub struct Place {
        /// Lowercase ASCII key (`astana`, `xian`).
        pub id: Text,
        /// Display name.
        pub name: Text,
        /// Alpha-2 code of its country.
        pub country: Text,
        /// Whether `xy` is inside the frame.
        pub inside: bool,
        /// Projected position, when inside.
        pub xy: Option<[f64; 2]>,
        /// Where the line from the frame centre towards it leaves the frame, when outside.
        pub edge: Option<[f64; 2]>,
        /// Initial great-circle bearing from Astana, degrees from north, when outside.
        pub bearing_deg: Option<f64>,
        /// Great-circle distance from Astana, km (rounded to 10), when outside.
        pub distance_km: Option<f64>,
        /// 16-point compass name of the bearing (`east-southeast`), when outside.
        pub direction: Option<Text>,
    }

    /// Everything `data-notes.json` says.
    pub struct DataNotes {
        pub layers: LayerNotes,
        pub per_person: PerPersonNotes,
        /// Why a value is missing, by `<layer key>-<period>-<country>` ("trade-2022-UZ").
        pub missing: Pairs,
        /// Why a republic shows "none found", by `<layer key>-<country>`.
        pub none_found: Pairs,
        /// A figure that explains a "none found", by the same key (the regional count of institutes).
        pub context: Pairs,
        pub comparisons: List<Comparison>,
    }

    /// One note per layer.
    pub struct LayerNotes {
        pub trade: LayerNote,
        pub investment: LayerNote,
        pub students: LayerNote,
        pub confucius: LayerNote,
    }

    /// A layer's title, source line, description and caveat.
    pub struct LayerNote {
        pub title: Text,
        pub source: Text,
        /// The source in a few words, for the spoken summary ("Chinese official figures").
        pub short: Text,
        pub about: Prose,
        pub caveat: Prose,
    }

    /// What the per-person view divides by, per layer.
    pub struct PerPersonNotes {
        pub trade: Text,
        pub trade_unavailable: Text,
        pub investment: Text,
        pub students: Text,
    }

    /// The essay's figure (or China's customs) beside what other sources say.
    pub struct Comparison {
        pub id: Text,
        /// `essay` (the essay vs the sources) or `national` (China's customs vs a republic's statistics).
        pub kind: Text,
        pub title: Text,
        /// The layer whose view this comparison belongs to.
        pub layer: Layer,
        /// The period it belongs to; `None` for every period of the layer.
        pub year: Option<Period>,
        pub essay: Option<Text>,
        pub sources: List<Text>,
        pub status: Text,
        pub explanation: Prose,
    }
}

/// How a predict question's true value is computed from figure ids in `figures.json`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    not(content_static),
    derive(serde::Deserialize),
    serde(untagged, deny_unknown_fields)
)]
pub enum Derive {
    /// `numerator / denominator`, scaled by `as`.
    Ratio {
        numerator: Text,
        denominator: Text,
        #[cfg_attr(not(content_static), serde(rename = "as"))]
        scale: Scale,
    },
    /// One figure's value.
    Value { value: Text },
}

/// The kind-specific fields of a question, tagged by `kind`. For `predict`, `tolerance` is the largest
/// accepted distance from the derived value, in `unit`; `min`/`max`/`step` configure the slider.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    not(content_static),
    derive(serde::Deserialize),
    serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)
)]
pub enum QuestionKind {
    Choice {
        options: List<Labelled>,
        answer: Text,
    },
    Sort {
        bins: List<Labelled>,
        items: List<SortItem>,
    },
    Predict {
        unit: Text,
        min: f64,
        max: f64,
        step: f64,
        derive: Derive,
        tolerance: f64,
    },
}

/// A self-check question belonging to the [`StudyPart`] `part`; `refs` are bibliography ids and
/// `figures` the figure ids whose sources the app shows.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(content_static), derive(serde::Deserialize))]
pub struct Question {
    pub id: Text,
    pub part: Text,
    pub prompt: Prose,
    #[cfg_attr(not(content_static), serde(flatten))]
    pub kind: QuestionKind,
    pub feedback: Feedback,
    pub paragraphs: List<Text>,
    pub refs: List<Text>,
    pub figures: List<Text>,
    pub view: Option<View>,
}

/// Provenance of the geometry (the generator writes more keys; these are the ones the app may show).
#[derive(Debug, Clone, PartialEq)]
// The only type that takes unknown keys: tools/geo/generate.mjs writes its whole method into `meta` as
// provenance (scale, fit, label and edge methods), and the app keeps only these fields of it.
#[cfg_attr(not(content_static), derive(serde::Deserialize))]
pub struct GeoMeta {
    /// Data source, e.g. Natural Earth 1:50m via world-atlas.
    pub source: Text,
    /// Licence of the source geometry.
    pub license: Text,
    /// Projection name (`conicEqualArea`).
    pub projection: Text,
    /// Standard parallels, degrees.
    pub parallels: [f64; 2],
    /// d3 rotation `[lambda, phi]`, degrees.
    pub rotate: [f64; 2],
    /// How the outlines were simplified.
    pub simplify: Text,
    /// Exact grammar of `CountryShape::path`.
    pub path_grammar: Text,
    /// How `Place::distance_km` is computed.
    pub distance_method: Text,
    /// Script that wrote the file.
    pub generator: Text,
}
