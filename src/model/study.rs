//! Self-guided study content (tour, questions, evidence notes, discussion prompts) from `content/study.json`.

use super::ids::{CountryId, Layer, Part, Period};
use std::collections::BTreeMap;

/// The whole study section: essay parts, tour, questions, evidence notes and instructor prompts.
#[derive(Debug, Clone, PartialEq)]
pub struct Study {
    pub parts: &'static [StudyPart],
    pub tour: &'static [TourStep],
    pub questions: &'static [Question],
    pub evidence: &'static [Evidence],
    pub prompts: &'static [Prompt],
}

/// One of the essay's six sections (`paragraphs` are `P1`..`P34`), used to group questions.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyPart {
    pub id: &'static str,
    pub label: &'static str,
    pub paragraphs: &'static [&'static str],
}

/// What the app shows: an app part, optionally a card id, a republic, a map layer and its year or period
/// (`2024`, `2005-2018`).
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub part: Part,
    pub card: Option<&'static str>,
    pub country: Option<CountryId>,
    pub layer: Option<Layer>,
    pub year: Option<Period>,
}

/// One tour step: `body` paragraphs may hold `[text](card:ID)` links; `look_for` is one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct TourStep {
    pub id: &'static str,
    pub title: &'static str,
    pub body: &'static [&'static str],
    pub look_for: &'static str,
    pub paragraphs: &'static [&'static str],
    pub view: View,
}

/// Feedback after a correct and after an incorrect answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub correct: &'static str,
    pub incorrect: &'static str,
}

/// A multiple-choice option or a sort bin (bins spell `text` as `label`).
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub id: &'static str,
    pub text: &'static str,
}

/// An item of a sort question; `answer` is the id of its correct bin.
#[derive(Debug, Clone, PartialEq)]
pub struct SortItem {
    pub id: &'static str,
    pub text: &'static str,
    pub answer: &'static str,
}

/// How a predict question's true value is computed from figure ids in `figures.json`.
#[derive(Debug, Clone, PartialEq)]
pub enum Derive {
    /// `numerator / denominator`, scaled by `as`.
    Ratio {
        numerator: &'static str,
        denominator: &'static str,
        scale: Scale,
    },
    /// One figure's value.
    Value { value: &'static str },
}

/// Scaling of a derived ratio; only `percent` (quotient times 100) is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Choice {
        options: &'static [Labelled],
        answer: &'static str,
    },
    Sort {
        bins: &'static [Labelled],
        items: &'static [SortItem],
    },
    Predict {
        unit: &'static str,
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
pub struct Question {
    pub id: &'static str,
    pub part: &'static str,
    pub prompt: &'static str,
    pub kind: QuestionKind,
    pub feedback: Feedback,
    pub paragraphs: &'static [&'static str],
    pub refs: &'static [&'static str],
    pub figures: &'static [&'static str],
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
                    .map(|i| {
                        (
                            i.id.to_string(),
                            given.get(i.id).map(String::as_str) == Some(i.answer),
                        )
                    })
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Figure,
    /// A fact about the world the essay states (a treaty, a date, an event).
    Fact,
    Citation,
    Year,
    Arithmetic,
}

/// The outcome of checking a claim against independent sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Confirmed,
    Differs,
    NotFound,
    NoBibliographyEntry,
    YearDisagrees,
}

/// A short exact quotation and where it comes from (e.g. `P21`).
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: &'static str,
    pub source: &'static str,
}

/// One "reading the evidence" note: the essay's `claim` (paraphrased), the sources' `finding`, and why it matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: &'static str,
    pub kind: EvidenceKind,
    pub title: &'static str,
    pub status: Status,
    pub claim: &'static str,
    pub quote: Option<Quote>,
    pub finding: &'static str,
    pub why_it_matters: &'static str,
    pub paragraphs: &'static [&'static str],
    pub figures: &'static [&'static str],
    pub refs: &'static [&'static str],
}

/// An open discussion prompt for instructors, tied to essay paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub id: &'static str,
    pub text: &'static str,
    pub paragraphs: &'static [&'static str],
}

/// The study content (compiled in by build.rs from `content/study.json`).
pub fn study() -> &'static Study {
    &crate::content::generated::STUDY
}
