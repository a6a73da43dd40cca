//! The study summary to hand in: the same entries as plain text (download) and as a printable section.

use super::progress_model::Progress;
use super::quiz::figure_value;
use crate::components::raw::esc;
use crate::content::content;
use crate::model::format_number;
use crate::model::study::{study, Answer, Question, QuestionKind};
use crate::text::plain;

/// One answered question as the summary reports it.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub part: String,
    pub prompt: String,
    pub answer: String,
    pub correct: bool,
    pub feedback: String,
    /// "P21; Melnikovová (2020)": the paragraphs and sources the feedback cites.
    pub cited: String,
}

/// An answer in words: the chosen option, each item's bin, or the guess with the real value.
pub fn describe(q: &Question, answer: &Answer) -> String {
    match (&q.kind, answer) {
        (QuestionKind::Choice { options, .. }, Answer::Choice(id)) => options
            .iter()
            .find(|o| *o.id == **id)
            .map(|o| o.text.to_string())
            .unwrap_or_else(|| id.clone()),
        (QuestionKind::Sort { bins, items }, Answer::Sort(placed)) => items
            .iter()
            .map(|i| {
                let bin = placed
                    .get(i.id)
                    .and_then(|b| bins.iter().find(|x| *x.id == **b))
                    .map(|b| b.text.to_string());
                format!(
                    "{} → {}",
                    i.text,
                    bin.unwrap_or_else(|| "not placed".into())
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        (QuestionKind::Predict { unit, .. }, Answer::Predict(g)) => {
            let real = q
                .check(answer, figure_value)
                .expected
                .map_or("missing".to_string(), |e| {
                    format!("{} {unit}", format_number(e, 1))
                });
            format!("{} {unit} (real value: {real})", format_number(*g, 1))
        }
        _ => "an answer of another kind".into(),
    }
}

/// The answered questions, in content order.
pub fn entries(progress: &Progress) -> Vec<Entry> {
    let s = study();
    s.questions
        .iter()
        .filter_map(|q| {
            let g = progress.answers.get(q.id)?;
            let part = s
                .parts
                .iter()
                .find(|p| p.id == q.part)
                .map(|p| p.label.to_string())
                .unwrap_or_default();
            let mut cited: Vec<String> = q.paragraphs.iter().map(|p| p.to_string()).collect();
            cited.extend(
                q.refs
                    .iter()
                    .filter_map(|r| content().citation(r))
                    .map(|c| c.short().to_string()),
            );
            let feedback = if g.correct {
                &q.feedback.correct
            } else {
                &q.feedback.incorrect
            };
            Some(Entry {
                part,
                prompt: q.prompt.to_string(),
                answer: describe(q, &g.answer),
                correct: g.correct,
                feedback: plain(feedback),
                cited: cited.join("; "),
            })
        })
        .collect()
}

/// The plain-text summary file: title, date, tour steps seen, then every answered question.
pub fn summary_text(progress: &Progress, date: &str) -> String {
    let t = progress.tally();
    let essay = &content().references.essay;
    let mut out = format!(
        "Study summary: {}\n{}, {}\nDate: {date}\n\n",
        essay.title, essay.author, essay.url
    );
    out += &format!("Guided tour: {} of {} steps seen\n", t.steps_seen, t.steps);
    for (i, step) in study().tour.iter().enumerate() {
        let mark = if progress.steps.contains(&(i + 1)) {
            "x"
        } else {
            " "
        };
        out += &format!("  [{mark}] {}. {}\n", i + 1, step.title);
    }
    out += &format!(
        "\nSelf-checks: {} of {} answered, {} correct\n",
        t.answered, t.questions, t.correct
    );
    for e in entries(progress) {
        out += &format!(
            "\n[{}] {}\n  Your answer: {}\n  Result: {}\n  Feedback: {}\n  Cited: {}\n",
            e.part,
            e.prompt,
            e.answer,
            if e.correct { "correct" } else { "incorrect" },
            e.feedback,
            e.cited
        );
    }
    out
}

/// Today's date, YYYY-MM-DD, from the browser's clock.
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// The summary of `progress` as a section that prints on its own (see the print rules in 40-study.css), as
/// markup: it holds no control.
pub fn printable_summary(progress: &Progress) -> String {
    use std::fmt::Write;
    let t = progress.tally();
    let mut out = format!(
        "<section class=\"printable-summary\" aria-labelledby=\"summary-title\"><h4 id=\"summary-title\">Study summary: {}</h4>\
         <p>Guided tour: {} of {} steps seen. Self-checks: {} of {} answered, {} correct.</p><ol class=\"summary-steps\">",
        esc(content().references.essay.title),
        t.steps_seen,
        t.steps,
        t.answered,
        t.questions,
        t.correct
    );
    for (i, s) in study().tour.iter().enumerate() {
        let seen = if progress.steps.contains(&(i + 1)) {
            "seen"
        } else {
            "not seen"
        };
        let _ = write!(out, "<li>{} ({seen})</li>", esc(s.title));
    }
    out += "</ol><ol class=\"summary-answers\">";
    for e in entries(progress) {
        let (class, mark, result) = if e.correct {
            ("correct", "✓", "Correct")
        } else {
            ("incorrect", "✗", "Incorrect")
        };
        let _ = write!(
            out,
            "<li><p class=\"summary-prompt\"><span class=\"summary-part\">{}: </span>{}</p><p>Your answer: {}</p>\
             <p class=\"result {class}\"><span aria-hidden=\"true\">{mark} </span>{result}</p><p>{}</p>\
             <p class=\"summary-cited\">Cited: {}</p></li>",
            esc(&e.part),
            esc(&e.prompt),
            esc(&e.answer),
            esc(&e.feedback),
            esc(&e.cited)
        );
    }
    out + "</ol></section>"
}
