//! Study progress as page state: `use_progress_state`, called once by the app, holds a `use_reducer` of
//! [`StudyProgress`] (read from local storage once, saved after every change); the app passes its handle down as
//! a prop to the study part (which passes it on to its questions) and its dispatcher to the tour (no context:
//! a context type costs its provider component and its own `use_context`, about 4 KB of wasm).
//! See `progress_model.rs` for the state, the actions and the snapshot.

use yew::prelude::*;

use super::progress_model::{Progress, StudyProgress};

/// The progress and its dispatcher: `(*handle).progress` to read, `handle.dispatch(action)` to change.
pub type ProgressHandle = UseReducerHandle<StudyProgress>;

/// The progress's dispatcher alone (the tour only records steps seen, and need not re-render on a change).
pub type ProgressDispatcher = UseReducerDispatcher<StudyProgress>;

#[cfg(target_arch = "wasm32")]
fn read() -> Result<Option<String>, String> {
    crate::browser::storage_get(super::progress_model::STORAGE_KEY)
}

/// Server-side rendering has no storage: progress starts empty and is not saved.
#[cfg(not(target_arch = "wasm32"))]
fn read() -> Result<Option<String>, String> {
    Ok(None)
}

#[cfg(target_arch = "wasm32")]
fn write(progress: &Progress) -> Result<(), String> {
    use super::progress_model::STORAGE_KEY;
    if progress == &Progress::default() {
        crate::browser::storage_remove(STORAGE_KEY)
    } else {
        crate::browser::storage_set(STORAGE_KEY, &progress.encode())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write(_: &Progress) -> Result<(), String> {
    Ok(())
}

/// Holds the page's study progress and saves each change (to the course site where there is one, see
/// src/lms; else to local storage); where saving fails, progress stays in memory and
/// the reason is shown. A stored value that cannot be read is discarded (and removed from storage).
/// The app calls it once and passes the handle down (a hook, not a provider component of its own: a
/// component's own code is about 1 KB of wasm).
#[hook]
pub fn use_progress_state() -> ProgressHandle {
    // Inside a course site the progress is the student's record there (src/lms), not this browser's: a
    // shared computer must not pass one student's answers on to the next.
    let state = use_reducer(|| match crate::lms::take_restored() {
        Some(progress) => StudyProgress {
            progress: std::rc::Rc::new(progress),
            ..StudyProgress::default()
        },
        None => StudyProgress::restored(read()),
    });
    {
        let dispatcher = state.dispatcher();
        let deps = (state.progress.clone(), state.blocked.is_some());
        use_effect_with(deps, move |(progress, blocked)| {
            if crate::lms::active() {
                crate::lms::report(progress);
            } else if !*blocked {
                if let Err(why) = write(progress) {
                    dispatcher.dispatch(super::progress_model::ProgressAction::Blocked(why));
                }
            }
        });
    }
    state
}

/// The page's study progress, as a study view was given it. In the browser build the app gives it to every
/// study view (from `use_progress_state`); one without it stops the wasm at once, which the browser tests would
/// show. The native build renders views on their own too (tests), and there one given none gets a fresh
/// progress that is not saved. (The browser build carries no second reducer for that case.)
#[hook]
pub fn use_progress(given: Option<ProgressHandle>) -> ProgressHandle {
    #[cfg(target_arch = "wasm32")]
    return given.expect("given by the app");
    #[cfg(not(target_arch = "wasm32"))]
    {
        let own = use_reducer(StudyProgress::default);
        given.unwrap_or(own)
    }
}
