//! "Download CSV": the visible layer with its source columns; where the browser refuses, the CSV to copy.

use yew::prelude::*;

use super::SliceProps;
use crate::components::use_dispatch;
use crate::data::{csv, file_name};
use crate::state::Action;

/// The download button, and the CSV in a text box when a download may have been blocked.
#[component]
pub fn DownloadCsv(props: &SliceProps) -> Html {
    let shown = use_state(|| false);
    let dispatch = use_dispatch();
    let s = props.slice;
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            match crate::browser::download(&file_name(s), &csv(s), "text/csv") {
                Ok(()) if !crate::browser::in_frame() => {}
                Ok(()) => shown.set(true),
                Err(why) => {
                    shown.set(true);
                    dispatch.emit(Action::Notice(format!("The browser refused the download ({why}); the CSV is shown below the table to copy.")));
                }
            }
        })
    };
    html! {
        <div class="data-download">
            <button type="button" class="button" {onclick}>{ "Download CSV" }<span class="visually-hidden">{ format!(": {}", file_name(s)) }</span></button>
            <span class="download-note">{ "The visible layer, with source, date, confidence and notes for each value." }</span>
            if *shown {
                <label class="csv-copy" for="data-csv">{ "The CSV, to copy (downloads may be blocked in an embedded page):" }</label>
                <textarea id="data-csv" class="csv-text" readonly=true rows="8" value={csv(s)} />
            }
        </div>
    }
}
