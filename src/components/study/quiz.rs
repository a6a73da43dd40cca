//! Self-check questions: one shell for every kind (the prompt, the kind's controls, a Check or Reveal button
//! and the feedback area; choice here, sort and predict controls in their files) and the shared feedback
//! that says right or wrong in words and with an icon, explains why and cites.

use yew::prelude::*;

use super::progress_context::ProgressHandle;
use super::progress_model::{ProgressAction, StudyProgress};
use super::{predict, sort};
use crate::components::raw::{esc, raw};
use crate::components::{cite::Cites, figure::FigureValue, rich::rich_text};
use crate::content::content;
#[cfg(not(target_arch = "wasm32"))]
use crate::model::format_number;
use crate::model::study::{study, Answer, Question, QuestionKind};
use crate::model::{Dataset, SortedMap};
use crate::text::plain;

/// The question at `index`.
pub fn question(index: usize) -> &'static Question {
    &study().questions[index]
}

/// A figure's value by id, for `Question::check`.
pub fn figure_value(id: &str) -> Option<f64> {
    content().figures.get(id).map(|f| f.value)
}

/// What a figure counts, in a few words: its republic, the regional total, or the essay's own number.
pub fn figure_label(id: &str) -> String {
    match content().figures.get(id) {
        Some(f) if f.layer == Dataset::Essay => "In the essay: ".into(),
        Some(f) if f.layer == Dataset::RegionTotal => "All five republics: ".into(),
        Some(f) => {
            let own = if f.layer == Dataset::TradeNationalStatistics {
                " (its own statistics)"
            } else {
                ""
            };
            f.country
                .map(|c| format!("{}{own}: ", c.label()))
                .unwrap_or_default()
        }
        None => String::new(),
    }
}

/// The answer saved for a question, if any.
pub fn saved(progress: &StudyProgress, q: &Question) -> Option<Answer> {
    progress
        .progress
        .answers
        .get(q.id)
        .map(|g| g.answer.clone())
}

/// Checks an answer and records it in the progress; returns whether it was correct.
pub fn check_and_record(progress: &ProgressHandle, q: &'static Question, answer: Answer) -> bool {
    let correct = q.check(&answer, figure_value).correct;
    progress.dispatch(ProgressAction::Record {
        id: q.id,
        answer,
        correct,
    });
    correct
}

/// What the reader is giving as a question's answer (no option chosen is an empty choice), whether its feedback
/// is shown, and whether to ask for a choice first.
#[derive(Clone, PartialEq)]
pub struct Draft {
    pub answer: Answer,
    pub shown: bool,
    pub hint: bool,
}

impl Draft {
    /// Where a question starts: the saved answer of its kind with its feedback, else nothing chosen (a guess
    /// halfway along the slider).
    pub fn start(q: &Question, saved: Option<Answer>) -> Draft {
        let saved = match (&q.kind, saved) {
            (QuestionKind::Choice { .. }, Some(a @ Answer::Choice(_)))
            | (QuestionKind::Sort { .. }, Some(a @ Answer::Sort(_)))
            | (QuestionKind::Predict { .. }, Some(a @ Answer::Predict(_))) => Some(a),
            _ => None,
        };
        // A sort checked with nothing placed comes back unchecked.
        let shown = saved
            .as_ref()
            .is_some_and(|a| *a != Answer::Sort(SortedMap::new()));
        let answer = saved.unwrap_or_else(|| match &q.kind {
            QuestionKind::Choice { .. } => Answer::Choice(String::new()),
            QuestionKind::Sort { .. } => Answer::Sort(SortedMap::new()),
            QuestionKind::Predict { min, max, step, .. } => {
                Answer::Predict(((min + max) / 2.0 / step).round() * step)
            }
        });
        Draft {
            answer,
            shown,
            hint: false,
        }
    }

    /// Every question's start from the saved progress.
    pub fn all(progress: &StudyProgress) -> Vec<Draft> {
        study()
            .questions
            .iter()
            .map(|q| Draft::start(q, saved(progress, q)))
            .collect()
    }

    /// The draft after the reader changed the question's control `target` (a radio, a sort's select, the guess's
    /// slider or number box: the number box and the slider follow each other), its feedback and hint cleared;
    /// `None` if nothing changed.
    pub fn edited(&self, q: &Question, target: &web_sys::Element) -> Option<Draft> {
        use wasm_bindgen::JsCast;
        let mut next = self.clone();
        match (&mut next.answer, &q.kind) {
            (Answer::Choice(chosen), _) => {
                *chosen = target.dyn_ref::<web_sys::HtmlInputElement>()?.value()
            }
            (Answer::Sort(placed), _) => {
                let select = target.dyn_ref::<web_sys::HtmlSelectElement>()?;
                let id = select.id();
                let item = id.strip_prefix(q.id)?.strip_prefix('-')?;
                sort::place(placed, item, select.value());
            }
            (Answer::Predict(guess), QuestionKind::Predict { min, max, .. }) => {
                // value_as_number: the browser parses, so the wasm needs no float parser.
                let input = target.dyn_ref::<web_sys::HtmlInputElement>()?;
                let v = input.value_as_number();
                if !v.is_finite() {
                    return None;
                }
                *guess = v.clamp(*min, *max);
                let other = if input.type_() == "range" {
                    "number"
                } else {
                    "slider"
                };
                if let Some(other) = crate::browser::element(&format!("{}-{other}", q.id)) {
                    other
                        .unchecked_into::<web_sys::HtmlInputElement>()
                        .set_value_as_number(*guess);
                }
            }
            _ => return None,
        }
        (next.shown, next.hint) = (false, false);
        Some(next)
    }
}

/// One question as markup: the prompt, a choice's radio group, a sort's bin selects or a guess's slider and number
/// box, then Check (Reveal for a guess, `data-check` its index) and the place of its feedback (the app draws into
/// it: `feedback_area`). The static page shows its options without any answer instead (`static_question`).
pub fn question_markup(index: usize, draft: &Draft) -> String {
    let q = question(index);
    let (class, check) = match q.kind {
        QuestionKind::Choice { .. } => ("choice", "Check"),
        QuestionKind::Sort { .. } => ("sort", "Check"),
        QuestionKind::Predict { .. } => ("predict", "Reveal"),
    };
    format!(
        r#"<fieldset class="question q-{class}" id="{}"><legend>{}</legend>{}<button type="button" class="secondary" data-check="{index}">{check}</button><div class="feedback-area" aria-live="polite"></div></fieldset>"#,
        q.id,
        esc(&plain(&q.prompt)),
        controls_markup(q, draft)
    )
}

/// A question's controls at `draft` (its one root element), each sort item marked once checked.
pub fn controls_markup(q: &Question, draft: &Draft) -> String {
    let verdict = draft.shown.then(|| q.check(&draft.answer, figure_value));
    match &draft.answer {
        Answer::Choice(chosen) => choice_options(q, chosen),
        Answer::Sort(placed) => sort::rows(q, placed, verdict.as_ref()),
        Answer::Predict(guess) => predict::controls(q, *guess),
    }
}

/// What a question's feedback place shows: "Choose an answer first", or the verdict and its explanation.
pub fn feedback_area(
    index: usize,
    draft: &Draft,
    dispatch: &Callback<crate::state::Action>,
    within: crate::deep_link::Within,
) -> Html {
    let q = question(index);
    let verdict = draft.shown.then(|| q.check(&draft.answer, figure_value));
    html! {
        <>
            if draft.hint { { raw(r#"<p class="hint">Choose an answer first.</p>"#) } }
            if let Some(v) = verdict {
                { feedback(index, v.correct, match &draft.answer {
                    Answer::Sort(placed) => sort::tally(q, placed, &v),
                    Answer::Predict(guess) => predict::reveal(q, *guess, &v, dispatch, within),
                    Answer::Choice(_) => Html::default(),
                }) }
            }
        </>
    }
}

/// A choice's radio group, `chosen` checked.
fn choice_options(q: &Question, chosen: &str) -> String {
    use std::fmt::Write;
    let QuestionKind::Choice { options, .. } = &q.kind else {
        return String::new();
    };
    let mut out = String::from(r#"<ul class="options">"#);
    for o in options.iter() {
        let _ = write!(
            out,
            r#"<li><input type="radio" id="{0}-{1}" name="{0}" value="{1}"{2}><label for="{0}-{1}">{3}</label></li>"#,
            q.id,
            o.id,
            if chosen == o.id { r#" checked="""# } else { "" },
            esc(&plain(&o.text))
        );
    }
    out + "</ul>"
}

/// The static (no-JavaScript, print) form of a question: its prompt and its options, no answer revealed.
#[cfg(not(target_arch = "wasm32"))]
pub fn static_question(q: &Question) -> Html {
    let body = match &q.kind {
        QuestionKind::Choice { options, .. } => html! {
            <ul class="options static">{ for options.iter().map(|o| html! { <li key={o.id.to_string()} data-p={o.text.key()}>{ rich_text(&o.text) }</li> }) }</ul>
        },
        QuestionKind::Sort { bins, items } => {
            let names: Vec<String> = bins.iter().map(|b| format!("“{}”", b.text)).collect();
            html! { <>
                <p>{ format!("Sort each into {}:", names.join(", ")) }</p>
                <ul class="sort-items static">{ for items.iter().map(|i| html! { <li key={i.id.to_string()}>{ rich_text(i.text) }</li> }) }</ul>
            </> }
        }
        QuestionKind::Predict { unit, min, max, .. } => html! {
            <p>{ format!("Your guess, between {} and {} {unit}.", format_number(*min, 1), format_number(*max, 1)) }</p>
        },
    };
    html! {
        <div class="question q-static">
            <p class="prompt" data-p={q.prompt.key()}>{ rich_text(&q.prompt) }</p>
            { body }
        </div>
    }
}

/// "✓ Correct" / "✗ Not quite" for question `index`, kind-specific lines (`first`), the explanation, the
/// figures with their sources and the citations. A plain function, not a component: it holds no state.
pub fn feedback(index: usize, correct: bool, first: Html) -> Html {
    let q = question(index);
    let (class, verdict, text) = if correct {
        (
            "qa-feedback correct",
            r#"<p class="verdict"><span class="icon" aria-hidden="true">✓</span>Correct.</p>"#,
            &q.feedback.correct,
        )
    } else {
        (
            "qa-feedback incorrect",
            r#"<p class="verdict"><span class="icon" aria-hidden="true">✗</span>Not quite.</p>"#,
            &q.feedback.incorrect,
        )
    };
    html! {
        <div {class}>
            { raw(verdict) }
            { first }
            <p>{ rich_text(text) }</p>
            if !q.figures.is_empty() {
                <ul class="feedback-figures">
                    { for q.figures.iter().map(|f| html! { <li key={*f}>{ figure_label(f) }<FigureValue id={*f} /></li> }) }
                </ul>
            }
            <Cites paragraphs={q.paragraphs} refs={q.refs} />
        </div>
    }
}
