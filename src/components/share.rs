//! The "Share / embed" dialog (being built: see issue 6).

use yew::prelude::*;

/// Props: the query of the current view and how to close.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub query: AttrValue,
    pub on_close: Callback<()>,
}

/// The share dialog.
#[component]
pub fn ShareDialog(props: &ShareProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let link = format!("{}{}", crate::browser::base_url(), props.query);
    html! {
        <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="share-title">
            <h2 id="share-title">{ "Share this view" }</h2>
            <label for="share-link">{ "Link to this view" }</label>
            <input id="share-link" readonly=true value={link} />
            <button type="button" onclick={close}>{ "Close" }</button>
        </div>
    }
}
