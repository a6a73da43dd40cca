//! Self-guided study content (tour, questions, evidence notes, discussion prompts) from `content/study.json`.

use super::ids::{CountryId, Layer, Part};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The whole study section: essay parts, tour, questions, evidence notes and instructor prompts.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Study {
    pub parts: Vec<StudyPart>,
    pub tour: Vec<TourStep>,
    pub questions: Vec<Question>,
    pub evidence: Vec<Evidence>,
    pub prompts: Vec<Prompt>,
}

/// One of the essay's six sections (`paragraphs` are `P1`..`P34`), used to group questions.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct StudyPart {
    pub id: String,
    pub label: String,
    pub paragraphs: Vec<String>,
}

/// What the app shows: an app part, optionally a card id, a republic, a map layer and its year or period
/// (`2024`, `2005-2018`).
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct View {
    pub part: Part,
    pub card: Option<String>,
    pub country: Option<CountryId>,
    pub layer: Option<Layer>,
    pub year: Option<String>,
}

/// One tour step: `body` paragraphs may hold `[text](card:ID)` links; `look_for` is one sentence.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct TourStep {
    pub id: String,
    pub title: String,
    pub body: Vec<String>,
    pub look_for: String,
    pub paragraphs: Vec<String>,
    pub view: View,
}

/// Feedback after a correct and after an incorrect answer.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Feedback {
    pub correct: String,
    pub incorrect: String,
}

/// A multiple-choice option or a sort bin (bins spell `text` as `label`).
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Labelled {
    pub id: String,
    #[serde(alias = "label")]
    pub text: String,
}

/// An item of a sort question; `answer` is the id of its correct bin.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct SortItem {
    pub id: String,
    pub text: String,
    pub answer: String,
}

/// How a predict question's true value is computed from figure ids in `figures.json`.
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Derive {
    /// `numerator / denominator`, scaled by `as`.
    Ratio {
        numerator: String,
        denominator: String,
        #[serde(rename = "as")]
        scale: Scale,
    },
    /// One figure's value.
    Value { value: String },
}

/// Scaling of a derived ratio; only `percent` (quotient times 100) is defined.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    Percent,
}

impl Derive {
    /// The derived value, or `None` if a figure is missing or the denominator is zero.
    pub fn value(&self, figures: impl Fn(&str) -> Option<f64>) -> Option<f64> {
        match self {
            Derive::Value { value } => figures(value),
            Derive::Ratio {
                numerator,
                denominator,
                scale: Scale::Percent,
            } => {
                let (n, d) = (figures(numerator)?, figures(denominator)?);
                (d != 0.0).then(|| n / d * 100.0)
            }
        }
    }
}

/// The kind-specific fields of a question, tagged by `kind`. For `predict`, `tolerance` is the largest
/// accepted distance from the derived value, in `unit`; `min`/`max`/`step` configure the slider.
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum QuestionKind {
    Choice {
        options: Vec<Labelled>,
        answer: String,
    },
    Sort {
        bins: Vec<Labelled>,
        items: Vec<SortItem>,
    },
    Predict {
        unit: String,
        min: f64,
        max: f64,
        step: f64,
        derive: Derive,
        tolerance: f64,
    },
}

/// A self-check question belonging to the [`StudyPart`] `part`; `refs` are bibliography ids and
/// `figures` the figure ids whose sources the app shows.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub part: String,
    pub prompt: String,
    #[serde(flatten)]
    pub kind: QuestionKind,
    pub feedback: Feedback,
    pub paragraphs: Vec<String>,
    pub refs: Vec<String>,
    pub figures: Vec<String>,
    pub view: Option<View>,
}

/// A reader's answer: a chosen option id, a map from item id to bin id, or a guessed number.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Choice(String),
    Sort(BTreeMap<String, String>),
    Predict(f64),
}

/// The result of a check: overall correctness, per-item correctness (sort) and the true value (predict).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    pub correct: bool,
    pub items: BTreeMap<String, bool>,
    pub expected: Option<f64>,
}

impl Question {
    /// Checks `answer`; `figures` looks a figure's value up by id. An answer of the wrong kind is incorrect.
    pub fn check(&self, answer: &Answer, figures: impl Fn(&str) -> Option<f64>) -> Verdict {
        match (&self.kind, answer) {
            (QuestionKind::Choice { answer: key, .. }, Answer::Choice(given)) => Verdict {
                correct: key == given,
                ..Verdict::default()
            },
            (QuestionKind::Sort { items, .. }, Answer::Sort(given)) => {
                let items: BTreeMap<String, bool> = items
                    .iter()
                    .map(|i| (i.id.clone(), given.get(&i.id) == Some(&i.answer)))
                    .collect();
                Verdict {
                    correct: items.values().all(|ok| *ok),
                    items,
                    expected: None,
                }
            }
            (
                QuestionKind::Predict {
                    derive, tolerance, ..
                },
                Answer::Predict(guess),
            ) => {
                let expected = derive.value(figures);
                let correct = expected.is_some_and(|e| (guess - e).abs() <= *tolerance);
                Verdict {
                    correct,
                    items: BTreeMap::new(),
                    expected,
                }
            }
            _ => Verdict::default(),
        }
    }
}

/// What an evidence note checks: a figure, a citation, a citation year or a calculation.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    Figure,
    Citation,
    Year,
    Arithmetic,
}

/// The outcome of checking a claim against independent sources.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Confirmed,
    Differs,
    #[serde(rename = "not found")]
    NotFound,
    #[serde(rename = "no bibliography entry")]
    NoBibliographyEntry,
    #[serde(rename = "year disagrees")]
    YearDisagrees,
}

/// A short exact quotation and where it comes from (e.g. `P21`).
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: String,
    pub source: String,
}

/// One "reading the evidence" note: the essay's `claim` (paraphrased), the sources' `finding`, and why it matters.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: String,
    pub kind: EvidenceKind,
    pub title: String,
    pub status: Status,
    pub claim: String,
    pub quote: Option<Quote>,
    pub finding: String,
    pub why_it_matters: String,
    pub paragraphs: Vec<String>,
    pub figures: Vec<String>,
    pub refs: Vec<String>,
}

/// An open discussion prompt for instructors, tied to essay paragraphs.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    pub paragraphs: Vec<String>,
}

static STUDY: LazyLock<Study> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../content/study.json"))
        .expect("content/study.json is valid")
});

/// The study content, parsed once on first use.
pub fn study() -> &'static Study {
    &STUDY
}
