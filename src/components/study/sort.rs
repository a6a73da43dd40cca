//! A sorting question's controls: each item gets a select of bins (keyboard only, no dragging), then
//! per-item marks and a count of the items placed as the essay does. The shell is `quiz::question_markup`.

use yew::prelude::*;

use crate::components::raw::{esc, raw};
use crate::model::study::{Question, QuestionKind, Verdict};
use crate::model::SortedMap;
use crate::text::plain;

/// Puts `item` in `bin`; an empty bin ("Choose…") takes it out again.
pub fn place(placed: &mut SortedMap<String, String>, item: &str, bin: String) {
    if bin.is_empty() {
        placed.remove(item);
    } else {
        placed.insert(item.to_string(), bin);
    }
}

/// The items, each with its select (`{question}-{item}`, which the question's change handler reads) and,
/// once checked, whether it is right or where the essay puts it.
pub fn rows(q: &Question, placed: &SortedMap<String, String>, verdict: Option<&Verdict>) -> String {
    use std::fmt::Write;
    let QuestionKind::Sort { bins, items } = &q.kind else {
        return String::new();
    };
    let selected = |on: bool| if on { r#" selected="""# } else { "" };
    let mut out = String::from(r#"<ul class="sort-items">"#);
    for item in items.iter() {
        let current = placed.get(item.id).map_or("", String::as_str);
        let _ = write!(
            out,
            r#"<li class="sort-item"><label for="{0}-{1}">{2}</label><select id="{0}-{1}"><option value=""{3}>Choose…</option>"#,
            q.id,
            item.id,
            esc(&plain(item.text)),
            selected(current.is_empty())
        );
        for b in bins.iter() {
            let _ = write!(
                out,
                r#"<option value="{}"{}>{}</option>"#,
                b.id,
                selected(current == b.id),
                esc(b.text.text())
            );
        }
        out += "</select>";
        if let Some(v) = verdict {
            if v.items.get(item.id).copied().unwrap_or(false) {
                out += r#"<span class="item-mark right"><span aria-hidden="true">✓ </span>Right</span>"#;
            } else {
                let label = bins
                    .iter()
                    .find(|b| b.id == item.answer)
                    .map_or("", |b| b.text.text());
                let _ = write!(
                    out,
                    r#"<span class="item-mark wrong"><span aria-hidden="true">✗ </span>The essay puts this under “{}”</span>"#,
                    esc(label)
                );
            }
        }
        out += "</li>";
    }
    out + "</ul>"
}

/// "3 of 5 placed as the essay does; 1 not placed yet."
pub fn tally(q: &Question, placed: &SortedMap<String, String>, v: &Verdict) -> Html {
    let QuestionKind::Sort { items, .. } = &q.kind else {
        return Html::default();
    };
    let unplaced = items.len() - items.iter().filter(|i| placed.contains_key(i.id)).count();
    let right = v.items.values().filter(|ok| **ok).count();
    let rest = if unplaced > 0 {
        format!("; {unplaced} not placed yet")
    } else {
        String::new()
    };
    raw(format!(
        "<p>{right} of {} placed as the essay does{rest}.</p>",
        items.len()
    ))
}
