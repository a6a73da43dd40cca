//! The progress panel: what is seen and answered (overall and per part), why progress cannot be saved
//! if so, reset with an inline confirmation, and the summary as a file, as text or as a printable page.

use yew::prelude::*;

use super::export::{printable_summary, summary_text, today};
use super::progress_context::ProgressHandle;
use super::progress_model::{Progress, ProgressAction};
use crate::components::raw::esc;

/// What the panel shows besides the progress: the reset question, the printable summary, and the summary
/// as text where the download was refused (the reason and the text).
#[derive(Clone, Default, PartialEq)]
struct Panel {
    confirming: bool,
    printable: bool,
    fallback: Option<(String, String)>,
}

/// The progress panel as markup (it holds no component), and what a press on one of its `data-act` buttons does.
pub struct ProgressPanel {
    pub markup: String,
    pub act: Callback<String>,
}

/// The progress panel. A hook the study part calls, not a component of its own (a component's own code is about
/// 1 KB of wasm): its state lives in the study part.
#[hook]
pub fn use_progress_panel(handle: &ProgressHandle) -> ProgressPanel {
    let handle = handle.clone();
    let panel = use_state(Panel::default);
    {
        // Keep keyboard focus on the reset controls as they swap.
        let first = use_mut_ref(|| true);
        use_effect_with(panel.confirming, move |on| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                crate::browser::focus(if *on { "reset-yes" } else { "reset-progress" });
            }
        });
    }
    let act = {
        let (panel, handle) = (panel.clone(), handle.clone());
        Callback::from(move |act: String| {
            let mut next = (*panel).clone();
            match act.as_str() {
                "export" => {
                    let text = summary_text(&handle.progress, &today());
                    next.fallback = crate::browser::download(
                        "study-summary.txt",
                        &text,
                        "text/plain;charset=utf-8",
                    )
                    .err()
                    .map(|why| (why, text));
                }
                "printable" => next.printable = !next.printable,
                "print" => return crate::browser::print(),
                "dismiss" => return handle.dispatch(ProgressAction::DismissCorrupted),
                "reset" => {
                    handle.dispatch(ProgressAction::Reset);
                    next.confirming = false;
                }
                "ask" => next.confirming = true,
                "cancel" => next.confirming = false,
                _ => return,
            }
            panel.set(next);
        })
    };
    let snap = &*handle;
    let mut out = String::from(
        r#"<section class="study-progress" aria-labelledby="progress-title"><h3 id="progress-title">Your progress</h3><div role="status" class="storage-status">"#,
    );
    if let Some(why) = &snap.blocked {
        out += &format!(
            r#"<p class="storage-note"><span aria-hidden="true">⚠ </span>Progress can't be saved in this window: {}; your answers stay until you close the page.</p>"#,
            esc(why)
        );
    }
    if let Some(why) = &snap.corrupted {
        out += &format!(
            r#"<p class="storage-note"><span aria-hidden="true">⚠ </span>Saved progress could not be read ({}), so it was reset.<button type="button" class="link-button" data-act="dismiss">Dismiss</button></p>"#,
            esc(why)
        );
    }
    out += "</div>";
    out += &tally(&snap.progress);
    // Focus follows the reset's swap (the effect above).
    out += &format!(
        r#"<div class="progress-actions"><button type="button" class="secondary" data-act="export">Export summary</button><button type="button" class="secondary" aria-expanded="{}" data-act="printable">Printable summary</button>{}</div>"#,
        panel.printable,
        if panel.confirming {
            r#"<span class="confirm" role="group" aria-label="Confirm reset"><span>Forget all steps and answers?</span><button type="button" id="reset-yes" class="danger" data-act="reset">Yes, reset</button><button type="button" class="secondary" data-act="cancel">Cancel</button></span>"#
        } else {
            r#"<button type="button" id="reset-progress" class="secondary" data-act="ask">Reset progress</button>"#
        }
    );
    if let Some((why, text)) = &panel.fallback {
        out += &format!(
            r#"<div class="summary-fallback"><label for="summary-text">The download was refused ({}). Copy the summary from here:</label><textarea id="summary-text" readonly="" rows="12">{}</textarea></div>"#,
            esc(why),
            esc(text)
        );
    }
    if panel.printable {
        out += r#"<div class="printable-wrap"><button type="button" class="secondary" data-act="print">Print</button>"#;
        out += &printable_summary(&snap.progress);
        out += "</div>";
    }
    ProgressPanel {
        markup: out + "</section>",
        act,
    }
}

/// The counts, overall and as a table per part of the essay.
fn tally(progress: &Progress) -> String {
    use std::fmt::Write;
    let t = progress.tally();
    let mut out = format!(
        "<p class=\"progress-summary\"><strong>{} of {} steps seen</strong> · <strong>{} of {} questions answered</strong> · \
         <strong>{} correct</strong></p><div class=\"table-wrap\"><table class=\"progress-table\">\
         <caption class=\"visually-hidden\">Self-checks answered and correct, per part of the essay</caption>\
         <thead><tr><th scope=\"col\">Part of the essay</th><th scope=\"col\" class=\"num\">Answered</th>\
         <th scope=\"col\" class=\"num\">Correct</th></tr></thead><tbody>",
        t.steps_seen, t.steps, t.answered, t.questions, t.correct
    );
    for (label, answered, correct, total) in &t.parts {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{answered} of {total}</td><td class=\"num\">{correct}</td></tr>",
            esc(label)
        );
    }
    out + "</tbody></table></div>"
}
