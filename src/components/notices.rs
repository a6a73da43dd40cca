//! Small dismissible notices: ignored link values, blocked storage or clipboard.

use yew::prelude::*;

use crate::state::Action;

/// Props: the notices and the dispatcher.
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
    pub on_action: Callback<Action>,
}

/// The notice list; a polite live region so new notices are announced.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let items = props.notices.iter().enumerate().map(|(i, text)| {
        let dismiss = props
            .on_action
            .reform(move |_: MouseEvent| Action::Dismiss(i));
        html! {
            <li class="notice" key={text.clone()}>
                <span>{ text.clone() }</span>
                <button type="button" class="dismiss" onclick={dismiss}>
                    { "Dismiss" }<span class="visually-hidden">{ " this notice" }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="notices" role="status" aria-live="polite">
            if !props.notices.is_empty() {
                <ul>{ for items }</ul>
            }
        </div>
    }
}
