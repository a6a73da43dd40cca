//! Course sites (SCORM 1.2 and 2004): inside an LMS the explainer finds the LMS's run-time API, restores the
//! student's study progress from `suspend_data`, reports completion and score, commits at the moments that
//! matter and terminates when the page goes away. Without an LMS nothing changes.
//!
//! The study progress provider (`components/study/progress_context.rs`) asks [`take_restored`] for its
//! starting progress and hands every change to [`report`] instead of local storage while [`active`].

pub mod report;
#[cfg(target_arch = "wasm32")]
mod session;

use crate::components::study::progress_model::Progress;

/// Connects to the LMS if there is one (call before the app renders, so the first render shows the
/// restored progress). Without an LMS, or where it refuses to start a session, it does nothing.
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    session::start();
}

/// Whether an LMS session is running: the progress is then the LMS's, not this browser's.
pub fn active() -> bool {
    #[cfg(target_arch = "wasm32")]
    return session::active();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// The progress the LMS kept for this student (once; `None` without an LMS session).
pub fn take_restored() -> Option<Progress> {
    #[cfg(target_arch = "wasm32")]
    return session::take_restored();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Tells the LMS about the progress (score, completion, `suspend_data`), committing where it matters.
pub fn report(progress: &Progress) {
    #[cfg(target_arch = "wasm32")]
    session::sync(progress);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = progress;
}
