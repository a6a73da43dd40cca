//! Mounts the explainer on the page's `#app` element (browser build only).

#[cfg(target_arch = "wasm32")]
fn main() {
    // Inside a course site (SCORM), restore the student's progress before the first render.
    charm_offensive::lms::start();
    charm_offensive::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in the browser: build it with scripts/dev.sh (see README.md).");
}
