//! Mounts the explainer on the page's `#app` element (browser build only).

#[cfg(target_arch = "wasm32")]
fn main() {
    charm_offensive::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explainer runs in the browser: build it with scripts/dev.sh (see README.md).");
}
