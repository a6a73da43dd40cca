//! The "Share / embed" dialog: a link to the current view and a ready iframe snippet for course sites,
//! with options to hide controls, and copy buttons that fall back to select-to-copy where the clipboard
//! is blocked (sandboxed iframes, file pages, older browsers).

use yew::prelude::*;

use std::fmt::Write;

use super::raw::{esc, fixed, raw};
use crate::deep_link::encode;
use crate::state::{Control, Hidden, View};

/// What the dialog says where the browser or the host page refuses the clipboard.
const COPY_REFUSED: &str =
    "This browser or course site does not let the page copy. The text is selected: press Ctrl+C (or ⌘C) to copy it.";

/// Props: the current view and how to close.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub view: View,
    pub on_close: Callback<()>,
}

/// Labels of the controls an instructor can hide in the embed.
fn control_label(c: Control) -> &'static str {
    match c {
        Control::Nav => "navigation between parts",
        Control::Layers => "data layer buttons",
        Control::Year => "year buttons",
        Control::PerPerson => "per-person switch",
        Control::Themes => "card theme filter",
        Control::Share => "Share / embed button",
    }
}

/// The iframe snippet for a page address: titled, labelled, lazy, with an aspect ratio that needs no script.
pub fn iframe_snippet(src: &str) -> String {
    let title = "Beijing's Charm Offensive: interactive explainer";
    format!(
        "<iframe src=\"{}\" title=\"{title}\" aria-label=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"720\" \
         style=\"width:100%;aspect-ratio:4/3;min-height:480px;border:1px solid #d4d7dd;border-radius:8px\" \
         referrerpolicy=\"no-referrer\" allow=\"clipboard-write\"></iframe>",
        src.replace('&', "&amp;").replace('"', "&quot;")
    )
}

/// The share dialog (a native modal `<dialog>`: focus stays inside, Escape closes). What does not change while
/// it is open is written as markup (`super::raw`): the link, the hide options (drawn checked as the view
/// hides them; the browser keeps each box's state, read by one change handler), the buttons (named by
/// `data-act`, read by one click handler). The snippet, which follows the options, and the status stay `html!`.
#[component]
pub fn ShareDialog(props: &ShareProps) -> Html {
    // The controls hidden when the dialog opened (the options are drawn from them, and keep their own state),
    // and as the reader has chosen since.
    let hidden = use_state(|| (props.view.hidden, props.view.hidden));
    let status = use_state(String::new);
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        });
    }
    let base = crate::browser::base_url();
    let on_file = base.starts_with("file:");
    let scorm = crate::browser::served_site();
    let link = format!(
        "{base}{}",
        encode(&View {
            embed: false,
            hidden: Hidden::NONE,
            ..props.view
        })
    );
    let embed_view = View {
        embed: true,
        hidden: hidden.1,
        ..props.view
    };
    let snippet = iframe_snippet(&format!("{base}{}", encode(&embed_view)));

    let mut top = format!(
        r#"<h2 id="share-title">Share or embed this view</h2><p>The link opens the explainer exactly as you see it now: part, card, layer, year, selected republic and tour step.</p><label for="share-link">Link to this view</label><div class="copy-row"><input id="share-link" type="text" readonly="" value="{}"><button type="button" class="secondary" data-act="share-link">Copy link</button></div><h3>Embed in a course page</h3>"#,
        esc(&link)
    );
    if on_file {
        top += r#"<p class="flag">You opened the explainer from a file: put the dist/ folder on your course site first, then copy the snippet from there.</p>"#;
    }
    let mut options = String::from(
        r#"<fieldset class="embed-options"><legend>Students see the view above; you can also hide:</legend><ul>"#,
    );
    for &c in Control::ALL {
        let _ = write!(
            options,
            r#"<li><input type="checkbox" id="hide-{key}"{checked}><label for="hide-{key}">Hide the {}</label></li>"#,
            control_label(c),
            key = c.key(),
            checked = if hidden.0.contains(c) {
                r#" checked="""#
            } else {
                ""
            }
        );
    }
    options += r#"</ul></fieldset><label for="share-snippet">HTML to paste into the course page (Moodle, Canvas, Blackboard: use the HTML or embed editor)</label>"#;
    let onchange = {
        let hidden = hidden.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<web_sys::Element>().id();
            if let Some(c) = id.strip_prefix("hide-").and_then(Control::from_key) {
                hidden.set((hidden.0, hidden.1.toggled(c)));
            }
        })
    };
    let onclick = {
        let (on_close, snippet, status) = (props.on_close.clone(), snippet.clone(), status.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(act) = crate::browser::data_of(&e, "data-act") else {
                return;
            };
            let (field, text) = match act.as_str() {
                "close" => return on_close.emit(()),
                "share-link" => ("share-link", link.clone()),
                _ => ("share-snippet", snippet.clone()),
            };
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match crate::browser::copy_text(&text).await {
                    Ok(()) => status.set("Copied.".to_string()),
                    // Our words, not the browser's (its reason names internals a reader cannot act on).
                    Err(_) => {
                        crate::browser::select_all(field);
                        status.set(COPY_REFUSED.to_string());
                    }
                }
            });
        })
    };
    let on_cancel = props.on_close.reform(|e: Event| e.prevent_default());
    html! {
        <dialog ref={dialog} class="dialog share-dialog" aria-labelledby="share-title" oncancel={on_cancel} {onclick} {onchange}>
            { raw(top) }
            { raw(options) }
            <textarea id="share-snippet" readonly=true rows="5" value={snippet} />
            { fixed(r#"<div class="dialog-actions"><button type="button" class="secondary" data-act="share-snippet">Copy embed code</button></div>"#) }
            if scorm {
                { fixed(r#"<h3>Add it to a course site as a graded activity (SCORM)</h3><p>Upload a package as a SCORM activity: the course site then records who finished the guided tour and each student's self-check score, and keeps their progress between visits.</p><ul class="scorm-downloads"><li><a href="charm-offensive-scorm12.zip" download="">SCORM 1.2 package (.zip)</a> for Moodle, Blackboard, Canvas and most others</li><li><a href="charm-offensive-scorm2004.zip" download="">SCORM 2004 package (.zip)</a> where the course site prefers SCORM 2004</li></ul>"#) }
            }
            // The copy's outcome beside Close, which stays in view while the dialog scrolls (the dialog's end
            // is out of sight on a phone or in a course frame when the link is copied).
            <div class="dialog-actions">
                <p class="copy-status" role="status" aria-live="polite">{ (*status).clone() }</p>
                { fixed(r#"<button type="button" class="primary" data-act="close">Close</button>"#) }
            </div>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_snippet_is_titled_lazy_and_escapes_the_address() {
        let s = super::iframe_snippet("https://x.org/?part=map&embed=1");
        assert!(s.contains("title=\"Beijing's Charm Offensive: interactive explainer\""));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("aspect-ratio:4/3"));
        assert!(s.contains("?part=map&amp;embed=1"));
    }
}
