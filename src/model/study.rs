//! Self-guided study content (tour, questions, evidence notes, discussion prompts) from `content/study.json`.

pub use super::ids::{EvidenceKind, Scale, Status};
pub use super::schema::{
    Derive, Evidence, Feedback, Labelled, Prompt, Question, QuestionKind, Quote, SortItem, Study,
    StudyPart, TourStep, View,
};
use super::sorted::SortedMap;

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

/// A reader's answer: a chosen option id, a map from item id to bin id, or a guessed number.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Choice(String),
    Sort(SortedMap<String, String>),
    Predict(f64),
}

/// The result of a check: overall correctness, per-item correctness (sort) and the true value (predict).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    pub correct: bool,
    pub items: SortedMap<String, bool>,
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
                let items: SortedMap<String, bool> = items
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
                    items: SortedMap::new(),
                    expected,
                }
            }
            _ => Verdict::default(),
        }
    }
}

/// The study content (compiled in by build.rs from `content/study.json`).
pub fn study() -> &'static Study {
    &crate::content::generated::STUDY
}
