//! Small dismissible notices: ignored link values, blocked storage or clipboard.

use yew::prelude::*;

use crate::state::Action;

fn dismiss_id(i: usize) -> String {
    format!("notice-dismiss-{i}")
}

/// The notice list; a polite live region so new notices are announced. `on_action` dismisses one. A plain
/// function, not a component: it holds no state.
pub fn notices(notices: &[String], on_action: &Callback<Action>) -> Html {
    let items = notices.iter().enumerate().map(|(i, text)| {
        let on_action = on_action.clone();
        let dismiss = Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Dismiss(i));
            // The button goes with its notice: focus the next notice's Dismiss (now at this place), the one
            // before, or the main content.
            let mut next = vec![dismiss_id(i)];
            if i > 0 {
                next.push(dismiss_id(i - 1));
            }
            next.push("main".into());
            crate::browser::refocus_if_lost(next);
        });
        html! {
            <li class="notice" key={text.clone()}>
                <span>{ text.clone() }</span>
                <button type="button" class="dismiss" id={dismiss_id(i)} onclick={dismiss}>
                    { "Dismiss" }<span class="visually-hidden">{ " this notice" }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="notices" role="status" aria-live="polite">
            if !notices.is_empty() {
                <ul>{ for items }</ul>
            }
        </div>
    }
}
