//! The reader's study progress (tour steps seen, answers given), its compact string form, and the state
//! the page keeps it in. Pure: storage is `progress_context.rs`'s job.
//!
//! The API, for anything that shows or reports progress (the study part, the tour, a course-site adapter):
//! - state: [`StudyProgress`] (the [`Progress`] plus what storage said), read with
//!   `progress_context::use_progress()`;
//! - actions: [`ProgressAction`] (`SeeStep`, `Record`, `Reset`, `DismissCorrupted`, `Blocked`, `Replace`),
//!   sent with `use_progress().dispatch(..)`; every change is saved to local storage by the provider;
//! - a serialisable snapshot: [`Progress::encode`] / [`Progress::decode`] (the string form below, at most a
//!   few hundred bytes), and [`Progress::tally`] for the counts.
//!
//! Form: `v1|1,2,5|q-a:y:c:b;q-b:n:s:item=bin/item=bin;q-c:y:p:42500`: the steps seen, then one entry per
//! answered question: id, `y`/`n` (correct or not), kind (`c` choice, `s` sort, `p` predict) and the answer (a guess in thousandths).
//! Ids are kebab-case, so the separators never occur inside them; a value that breaks the form is refused
//! as a whole (the caller reports it and starts afresh), never half-read.

use std::rc::Rc;

use yew::Reducible;

use crate::model::study::{study, Answer};
use crate::model::{SortedMap, SortedSet};

/// The local-storage key (versioned, so a later format can coexist).
pub const STORAGE_KEY: &str = "charm-offensive.progress.v1";

/// One answer as given, and whether it was judged correct.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    pub correct: bool,
    pub answer: Answer,
}

/// Steps seen (1-based) and answers given, by question id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub steps: SortedSet<usize>,
    pub answers: SortedMap<String, Given>,
}

/// Progress restored from storage, with what went wrong in words.
#[derive(Debug, Default, PartialEq)]
pub struct Restored {
    pub progress: Progress,
    /// Storage cannot be used here (the browser's reason); progress lives in memory only.
    pub blocked: Option<String>,
    /// A stored value could not be read and was discarded.
    pub corrupted: Option<String>,
}

/// Counts for the summary: overall and per essay part (label, answered, correct, questions).
#[derive(Debug, Default, PartialEq)]
pub struct Tally {
    pub steps_seen: usize,
    pub steps: usize,
    pub answered: usize,
    pub correct: usize,
    pub questions: usize,
    pub parts: Vec<(String, usize, usize, usize)>,
}

fn safe_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Progress {
    /// Records a tour step as seen; `true` if it was new.
    pub fn see_step(&mut self, n: usize) -> bool {
        self.steps.insert(n)
    }

    /// Records (or replaces) the answer to a question; `true` if anything changed. Guesses are kept to
    /// thousandths, as the string form stores them (whole thousandths parse without a float parser).
    pub fn record(&mut self, id: &str, answer: Answer, correct: bool) -> bool {
        let answer = match answer {
            Answer::Predict(g) => Answer::Predict((g * 1000.0).round() / 1000.0),
            other => other,
        };
        let given = Given { correct, answer };
        if self.answers.get(id) == Some(&given) {
            return false;
        }
        self.answers.insert(id.to_string(), given);
        true
    }

    /// The compact string form (see the module docs).
    pub fn encode(&self) -> String {
        let steps: Vec<String> = self.steps.iter().map(|n| n.to_string()).collect();
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(id, g)| {
                let flag = if g.correct { 'y' } else { 'n' };
                let body = match &g.answer {
                    Answer::Choice(option) => format!("c:{option}"),
                    Answer::Sort(placed) => {
                        let pairs: Vec<String> = placed
                            .iter()
                            .map(|(item, bin)| format!("{item}={bin}"))
                            .collect();
                        format!("s:{}", pairs.join("/"))
                    }
                    Answer::Predict(guess) => format!("p:{}", (guess * 1000.0).round() as i64),
                };
                format!("{id}:{flag}:{body}")
            })
            .collect();
        format!("v1|{}|{}", steps.join(","), answers.join(";"))
    }

    /// Parses the string form; `Err` says what is wrong, and nothing of a broken value is kept.
    pub fn decode(s: &str) -> Result<Progress, String> {
        let mut fields = s.trim().split('|');
        if fields.next() != Some("v1") {
            return Err("it is not in the expected format".into());
        }
        let (Some(steps), Some(answers), None) = (fields.next(), fields.next(), fields.next())
        else {
            return Err("it has the wrong number of fields".into());
        };
        let mut progress = Progress::default();
        for n in steps.split(',').filter(|s| !s.is_empty()) {
            match n.parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => progress.steps.insert(n),
                _ => {
                    return Err(format!(
                        "“{}” is not a tour step",
                        n.chars().take(12).collect::<String>()
                    ))
                }
            };
        }
        for entry in answers.split(';').filter(|s| !s.is_empty()) {
            let bad = || {
                format!(
                    "an answer is malformed (“{}”)",
                    entry.chars().take(24).collect::<String>()
                )
            };
            let mut f = entry.splitn(4, ':');
            let (Some(id), Some(flag), Some(kind), Some(body)) =
                (f.next(), f.next(), f.next(), f.next())
            else {
                return Err(bad());
            };
            let correct = match flag {
                "y" => true,
                "n" => false,
                _ => return Err(bad()),
            };
            let answer = match kind {
                "c" if safe_id(body) => Answer::Choice(body.to_string()),
                "s" => {
                    let mut placed = SortedMap::new();
                    for pair in body.split('/') {
                        match pair.split_once('=') {
                            Some((item, bin)) if safe_id(item) && safe_id(bin) => {
                                placed.insert(item.to_string(), bin.to_string())
                            }
                            _ => return Err(bad()),
                        };
                    }
                    Answer::Sort(placed)
                }
                "p" => match body.parse::<i64>() {
                    Ok(v) => Answer::Predict(v as f64 / 1000.0),
                    _ => return Err(bad()),
                },
                _ => return Err(bad()),
            };
            if !safe_id(id) {
                return Err(bad());
            }
            progress
                .answers
                .insert(id.to_string(), Given { correct, answer });
        }
        Ok(progress)
    }

    /// Restores progress from what storage returned: `Err` (blocked), nothing stored, or a value.
    pub fn restore(stored: Result<Option<String>, String>) -> Restored {
        match stored {
            Err(why) => Restored {
                blocked: Some(why),
                ..Restored::default()
            },
            Ok(None) => Restored::default(),
            Ok(Some(value)) => match Progress::decode(&value) {
                Ok(progress) => Restored {
                    progress,
                    ..Restored::default()
                },
                Err(why) => Restored {
                    corrupted: Some(why),
                    ..Restored::default()
                },
            },
        }
    }

    /// The summary counts against the study content (answers to unknown questions are not counted).
    pub fn tally(&self) -> Tally {
        let s = study();
        let mut t = Tally {
            steps: s.tour.len(),
            questions: s.questions.len(),
            ..Tally::default()
        };
        t.steps_seen = self.steps.iter().filter(|n| **n <= t.steps).count();
        for part in s.parts.iter() {
            let (mut total, mut answered, mut correct) = (0, 0, 0);
            for q in s.questions.iter().filter(|q| q.part == part.id) {
                total += 1;
                if let Some(g) = self.answers.get(q.id) {
                    answered += 1;
                    correct += usize::from(g.correct);
                }
            }
            t.answered += answered;
            t.correct += correct;
            t.parts
                .push((part.label.to_string(), answered, correct, total));
        }
        t
    }
}

/// The progress as the page holds it, with why it cannot be saved or was reset, if so.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StudyProgress {
    pub progress: Rc<Progress>,
    /// Storage cannot be used here (the browser's reason); progress lives in memory only.
    pub blocked: Option<String>,
    /// A stored value could not be read and was discarded.
    pub corrupted: Option<String>,
    /// How many times progress was reset (question views are keyed by it, so they start afresh).
    pub resets: usize,
}

/// Everything that changes study progress.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgressAction {
    /// A tour step (1-based) was shown.
    SeeStep(usize),
    /// A question was answered (replacing an earlier answer), and whether it was right.
    Record {
        id: &'static str,
        answer: Answer,
        correct: bool,
    },
    /// Forget every step and answer.
    Reset,
    /// Forget the notice about a discarded stored value.
    DismissCorrupted,
    /// Saving failed for this reason: keep progress in memory and say so.
    Blocked(String),
    /// Replace the whole progress (restored from elsewhere, e.g. a course site).
    Replace(Progress),
}

impl StudyProgress {
    /// The state to start from, given what storage returned (see [`Progress::restore`]).
    pub fn restored(stored: Result<Option<String>, String>) -> Self {
        let Restored {
            progress,
            blocked,
            corrupted,
        } = Progress::restore(stored);
        StudyProgress {
            progress: Rc::new(progress),
            blocked,
            corrupted,
            resets: 0,
        }
    }
}

impl Reducible for StudyProgress {
    type Action = ProgressAction;

    fn reduce(self: Rc<Self>, action: ProgressAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            ProgressAction::SeeStep(n) => Rc::make_mut(&mut next.progress).see_step(n),
            ProgressAction::Record {
                id,
                answer,
                correct,
            } => Rc::make_mut(&mut next.progress).record(id, answer, correct),
            ProgressAction::Reset => {
                next.progress = Rc::default();
                next.corrupted = None;
                next.resets += 1;
                true
            }
            ProgressAction::DismissCorrupted => next.corrupted.take().is_some(),
            ProgressAction::Blocked(why) => next.blocked.replace(why).is_none(),
            ProgressAction::Replace(progress) => {
                next.progress = Rc::new(progress);
                true
            }
        };
        if changed && next != *self {
            Rc::new(next)
        } else {
            self
        }
    }
}
